package org.talon.queue.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A customer's visit.
 *
 * @param id               unique id in the whole installation
 * @param branch           branch id
 * @param number           what the customer sees, e.g. {@code A042}; restarts daily
 * @param day              the business day (branch time zone) the number belongs to
 * @param service          service code
 * @param queue            the queue it waits or waited in
 * @param priority         priority class
 * @param channel          where it was issued
 * @param language         language tag of the customer
 * @param contact          phone or e-mail, or {@code null}; never shown on displays
 * @param state            lifecycle state
 * @param issuedAt         when it was issued
 * @param calledAt         when it was last called, or {@code null}
 * @param counter          counter that called it, or the counter it was transferred to, or {@code null}
 * @param operatorPool     operator whose pool it was transferred to, or {@code null}
 * @param recalls          how often it was called again
 * @param position         place in line counting from 1 while waiting, else 0
 * @param estimatedWait    expected wait while waiting, else {@code null}
 * @param publicId         unguessable id for the customer's own page; shows no contact data
 */
public record Ticket(long id, String branch, String number, LocalDate day, String service, String queue,
        PriorityClass priority, Channel channel, String language, String contact, TicketState state,
        Instant issuedAt, Instant calledAt, String counter, String operatorPool, int recalls, int position,
        Duration estimatedWait, String publicId) {
}
