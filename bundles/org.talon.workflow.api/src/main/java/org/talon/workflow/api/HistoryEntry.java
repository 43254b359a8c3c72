package org.talon.workflow.api;

import java.time.Instant;

/**
 * One change of a request, as its history shows it: who did what when.
 *
 * @param at     when
 * @param what   the event's type, e.g. {@code RequestAssigned}
 * @param by     who: a staff member's login, {@code customer}, or {@code talon} for the automatic steps
 * @param from   the state before, or null when the state did not change
 * @param to     the state after, or null when the state did not change
 * @param detail what the change says: the assignee, a note, a reason, a message's text
 */
public record HistoryEntry(Instant at, String what, String by, RequestState from, RequestState to, String detail) {
}
