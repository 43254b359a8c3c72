package org.talon.notify.api;

import java.time.Instant;

/**
 * Where one message of the outbox stands, as staff see it: the recipient masked
 * ({@link org.talon.event.api.privacy.ContactAddress#masked()}), or {@code null} once erased.
 *
 * @param id          the message's id
 * @param key         its key (see {@link Notification#key()})
 * @param branch      its branch
 * @param channel     the kind of channel it goes by: {@code email} or {@code sms}
 * @param template    its template, e.g. {@code booking.reminder}
 * @param recipient   the recipient, masked; {@code null} when erased
 * @param state       where it stands
 * @param attempts    how often a channel was tried
 * @param lastError   why the last try failed (or why it waits, e.g. no channel installed), or {@code null}
 * @param created     when it was enqueued
 * @param nextAttempt when it is tried next, while it is {@link State#PENDING}
 * @param sent        when a channel accepted it, or {@code null}
 */
public record MessageStatus(String id, String key, String branch, String channel, String template, String recipient, State state,
        int attempts, String lastError, Instant created, Instant nextAttempt, Instant sent) {

    /** The states of a message. */
    public enum State {
        /** Not sent yet: waiting for its time, for a channel, or for its next try. */
        PENDING,
        /** A channel accepted it. */
        SENT,
        /** Given up: too many failed tries, or too late to be of use. */
        FAILED,
        /** Cancelled before it was sent ({@link Notifications#cancel}, or its recipient's data erased). */
        CANCELLED
    }
}
