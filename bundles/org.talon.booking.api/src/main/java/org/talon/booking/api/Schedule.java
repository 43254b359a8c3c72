package org.talon.booking.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.talon.queue.api.calendar.OpenPeriod;

/**
 * A branch's day as a manager plans it: when it is open, and each staff member's or counter's
 * working time and bookings.
 *
 * @param branch    the branch
 * @param date      the day
 * @param zone      the branch's zone
 * @param open      when the branch is open that day
 * @param resources each resource with its day
 */
public record Schedule(String branch, LocalDate date, ZoneId zone, List<OpenPeriod> open, List<ResourceDay> resources) {
    public Schedule {
        open = List.copyOf(open);
        resources = List.copyOf(resources);
    }

    /**
     * One resource's day.
     *
     * @param resource the staff member or counter
     * @param hours    when it works that day
     * @param bookings its bookings that day in order, cancelled ones included
     */
    public record ResourceDay(Resource resource, List<OpenPeriod> hours, List<Booking> bookings) {
        public ResourceDay {
            hours = List.copyOf(hours);
            bookings = List.copyOf(bookings);
        }
    }
}
