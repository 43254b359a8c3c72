package org.talon.event.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service that handles every committed event of the branches it follows, in log
 * order, and keeps its place in each branch's log in the database (since 1.3).
 *
 * <p>Unlike an {@link EventListener}, which hears only what is committed while it is registered,
 * a subscriber catches up: registered late, after a restart, after a {@code bundle:update} of its
 * bundle or of the event log, it is handed first what was committed since its position, in order,
 * and then each new event as it commits.
 *
 * <p>Each call runs inside a transaction in which the subscriber's position moves past the event;
 * rows the handler writes through a persistence unit or the Talon datasource join that transaction
 * ({@code TransactionType.Required}) and commit with the position, or neither does. Delivery is at
 * least once: after a crash between a handler's side effect outside the database (an e-mail, an
 * HTTP call) and the commit, the event comes again, so a handler must be idempotent (e.g. keyed by
 * {@link DomainEvent#branch()} and {@link DomainEvent#sequence()}). A handler that throws has its
 * transaction rolled back and the same event handed to it again later (after 1 s, doubling up to a
 * minute); later events of that branch wait, so order is never broken.
 *
 * <p>Service properties: {@value #NAME} (required) names the subscriber; its positions are kept
 * under that name, so it must stay the same across versions of its bundle. A subscriber new to
 * the database starts at the beginning of each log, or at its end when {@value #FROM} is
 * {@code "end"}. {@link EventListener#BRANCH} and {@link EventListener#TYPES} limit what it is
 * handed (its position moves past the events it is not handed).
 */
@ConsumerType
public interface DurableSubscriber {
    /** Service property: the subscriber's stable name (at most 200 characters). */
    String NAME = "talon.subscriber.name";
    /** Service property: {@code "start"} (default) or {@code "end"}, where a subscriber new to the database begins. */
    String FROM = "talon.subscriber.from";

    /** Handles one committed event; throws to have it handed again later. */
    void handle(DomainEvent event) throws Exception;
}
