package org.talon.notify.api;

import java.util.Objects;

/**
 * A file sent with a message (an e-mail channel attaches it; an SMS channel leaves it out).
 *
 * @param fileName    e.g. {@code invite.ics}
 * @param contentType e.g. {@code text/calendar; charset=UTF-8; method=REQUEST}
 * @param content     its bytes
 */
public record Attachment(String fileName, String contentType, byte[] content) {
    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
