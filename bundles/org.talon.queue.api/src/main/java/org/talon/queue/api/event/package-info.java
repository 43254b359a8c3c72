/**
 * The queue domain's events: their type names ({@link org.talon.queue.api.event.QueueEvents}) and
 * payloads ({@link org.talon.queue.api.event.TicketEvent}, {@link org.talon.queue.api.event.CounterEvent}).
 * The payload of a {@code DomainEvent} of the queue domain is one of them as a JSON object, the same
 * text in the log, on the event stream and in webhooks; docs/events.md is the catalogue.
 *
 * <p>Payloads only grow: a field is added (a minor version of this package), never renamed,
 * retyped or removed; a change that cannot be made so is a new event type. Readers ignore fields
 * they do not know. Payloads never hold a customer's contact data.
 */
@Export
@Version("1.0.0")
package org.talon.queue.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
