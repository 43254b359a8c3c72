package org.talon.booking.api;

import java.time.ZonedDateTime;

/**
 * A time that can be booked for a service.
 *
 * @param start     when it starts, in the branch's zone
 * @param end       when it ends
 * @param capacity  how many customers it takes (the staff members or counters able to serve the service then)
 * @param available how many of those are still free
 */
public record Slot(ZonedDateTime start, ZonedDateTime end, int capacity, int available) {
}
