package org.talon.notify.api;

import java.util.List;
import java.util.Objects;
import org.talon.event.api.privacy.ContactAddress;

/**
 * A message rendered and ready for a channel: what {@link NotificationChannel#send} is handed.
 *
 * @param id            the message's id in the outbox; the same when a message is tried again
 * @param recipient     where it goes: an e-mail address for the e-mail channel, a phone number for SMS
 * @param recipientName the person's name, or {@code null}
 * @param subject       the subject line (e-mail; an SMS channel ignores it)
 * @param text          the plain text body
 * @param attachments   files to attach (e-mail), possibly none
 */
public record OutgoingMessage(String id, ContactAddress recipient, String recipientName, String subject, String text,
        List<Attachment> attachments) {
    public OutgoingMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
