package org.talon.queue.internal.engine;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A ticket's public id, the key of the customer's own page ({@code /t/{id}}): 12 hex digits of the
 * ticket id, then 96 random bits (16 characters of URL-safe Base64). The random part makes it
 * unguessable; the id in front makes ids grow with tickets, so the database adds each one at the
 * end of its index instead of at a random place.
 */
final class PublicIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PublicIds() {
    }

    static String next(long ticketId) {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return hex12(ticketId) + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Whether a stored public id is of the current form for this ticket (ids from before schema V4 are not). */
    static boolean isCurrent(String publicId, long ticketId) {
        return publicId != null && publicId.startsWith(hex12(ticketId));
    }

    static String hex12(long ticketId) {
        char[] hex = new char[12];
        long v = ticketId;
        for (int i = 11; i >= 0; i--, v >>>= 4) hex[i] = Character.forDigit((int) (v & 0xF), 16);
        return new String(hex);
    }
}
