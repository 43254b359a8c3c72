package org.talon.booking.api;

import java.util.List;
import org.talon.queue.api.calendar.WeeklyHours;

/**
 * A staff member or a counter that serves booked customers, with its working hours.
 *
 * @param branch   the branch
 * @param id       its id, e.g. {@code anna} or {@code counter-2}
 * @param name     the name staff see
 * @param kind     a person or a counter
 * @param counter  the queue counter it works at, or {@code null}
 * @param services the codes of the services it serves
 * @param hours    its working hours (inside the branch's opening hours); empty: the branch's hours
 */
public record Resource(String branch, String id, String name, Kind kind, String counter, List<String> services, WeeklyHours hours) {
    /** What a resource is. */
    public enum Kind {
        STAFF,
        COUNTER
    }

    public Resource {
        services = List.copyOf(services);
    }
}
