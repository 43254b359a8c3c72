package org.talon.event.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One committed entry of a branch's event log.
 *
 * @param sequence position in the branch's log: starts at 1, increases by one with every event
 *                 of that branch, never reused and never reordered
 * @param branch   the branch whose log holds the event
 * @param type     the event type, e.g. {@code TicketIssued}
 * @param time     when the change happened (the writer's clock)
 * @param payload  the event's data as a JSON object text
 */
public record DomainEvent(long sequence, String branch, String type, Instant time, String payload) {
    public DomainEvent {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(payload, "payload");
    }
}
