package org.talon.workflow.internal.engine;

import java.util.Set;
import org.talon.queue.api.calendar.WeeklyHours;

/**
 * A staff member who works on requests, as configured.
 *
 * @param hours their working hours; empty: the branch's opening hours
 */
public record Staff(String branch, String id, String name, Set<String> skills, int maxOpen, WeeklyHours hours) {
    public Staff {
        skills = Set.copyOf(skills);
    }
}
