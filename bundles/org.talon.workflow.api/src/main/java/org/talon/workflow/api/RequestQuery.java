package org.talon.workflow.api;

import java.util.Set;

/**
 * Which requests a work list shows, ordered by how soon their SLA ends (the overdue first), then
 * by priority and id.
 *
 * @param branch   a branch, or null for all
 * @param states   the states to show; empty for the open ones
 * @param type     a type's code, or null for all
 * @param assignee a staff login, {@code -} for nobody's, or null for all
 * @param overdue  true for only the overdue, false for only those not overdue, null for both
 * @param offset   how many to skip
 * @param limit    how many to return at most (1 to 500)
 */
public record RequestQuery(String branch, Set<RequestState> states, String type, String assignee, Boolean overdue, int offset, int limit) {
    /** The assignee value that asks for requests nobody holds. */
    public static final String NOBODY = "-";

    public RequestQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
    }

    /** The open requests of a branch, first 50. */
    public static RequestQuery open(String branch) {
        return new RequestQuery(branch, Set.of(), null, null, null, 0, 50);
    }
}
