package org.talon.booking.api;

import java.time.LocalDate;

/**
 * How much of a day can still be booked for a service.
 *
 * @param date      the day, in the branch's zone
 * @param open      whether the branch is open that day for the service
 * @param slots     how many slots the day has inside the booking window
 * @param available how many places those slots still have free
 */
public record DayAvailability(LocalDate date, boolean open, int slots, int available) {
}
