package org.talon.booking.internal.engine;

import java.time.Duration;

/**
 * A branch's booking rules.
 *
 * @param minAhead       how soon a slot may start after the moment it is booked
 * @param maxAheadDays   how many days ahead a slot may be booked (the day of the booking is day 0)
 * @param maxActive      how many bookings still to come one contact may hold in the branch
 * @param arrivalBefore  how long before its start a booking may be checked in
 * @param arrivalAfter   how long after its start it may still be checked in; later it is a no-show
 * @param reminderBefore how long before its start the reminder goes out (zero: none)
 */
public record Settings(Duration minAhead, int maxAheadDays, int maxActive, Duration arrivalBefore, Duration arrivalAfter,
        Duration reminderBefore) {
}
