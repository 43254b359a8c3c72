package org.talon.workflow.api;

import java.util.Set;

/**
 * A staff member who works on requests, as configured, and how they stand now.
 *
 * @param branch  their branch
 * @param id      their login, e.g. {@code anna}
 * @param name    their name as colleagues read it
 * @param skills  what they can work on
 * @param maxOpen the most requests they hold at once through the automatic assignment
 * @param onDuty  whether they are on duty now (their hours, and not marked away)
 * @param load    how many requests they hold now (assigned, in progress, waiting for the customer)
 */
public record StaffMember(String branch, String id, String name, Set<String> skills, int maxOpen, boolean onDuty, int load) {
    public StaffMember {
        skills = skills == null ? Set.of() : Set.copyOf(skills);
    }

    /** Whether they have every skill a type needs. */
    public boolean canWorkOn(RequestType type) {
        return skills.containsAll(type.skills());
    }
}
