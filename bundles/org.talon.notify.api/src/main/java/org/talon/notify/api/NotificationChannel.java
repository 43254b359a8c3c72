package org.talon.notify.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to reach people, registered as a whiteboard service by a channel bundle with the service
 * property {@value #KIND}: {@code email} (messages to e-mail addresses) or {@code sms} (messages to
 * phone numbers). The outbox hands it one message at a time; one channel of each kind is used
 * (the one with the highest service ranking).
 */
@ConsumerType
public interface NotificationChannel {
    /** Service property: the kind of recipient this channel reaches, {@code email} or {@code sms}. */
    String KIND = "talon.notify.channel";

    /**
     * Sends one message; returns when the channel (the mail server, the SMS gateway) accepted it.
     * Throws when it did not: the message stays in the outbox and is tried again later, its
     * exception's message kept as the reason. A message may be sent again after a crash between
     * its acceptance and its state being stored (at least once).
     */
    void send(OutgoingMessage m) throws Exception;
}
