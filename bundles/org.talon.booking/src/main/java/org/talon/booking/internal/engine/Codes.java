package org.talon.booking.internal.engine;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Booking codes: six characters from an alphabet without the ones people mistake for each other
 * (no 0/O/Q, 1/I/L, 2/Z, 5/S, 8/B, G/6), drawn at random and never equal to another active
 * booking's, in any branch. About 1.5 × 10^8 codes: a guess hits one of a few thousand active
 * bookings once in tens of thousands of tries, and a code reads nothing without its contact.
 */
public final class Codes {
    public static final String ALPHABET = "ACDEFHJKMNPRTUVWXY34679";
    public static final int LENGTH = 6;
    private final SecureRandom random = new SecureRandom();
    /** Code to "branch/id" of the booking holding it. */
    private final ConcurrentHashMap<String, String> held = new ConcurrentHashMap<>();

    /** A new code, held for the booking until {@link #release}. */
    public String draw(String holder) {
        while (true) {
            char[] c = new char[LENGTH];
            for (int i = 0; i < LENGTH; i++) c[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            String code = new String(c);
            if (held.putIfAbsent(code, holder) == null) return code;
        }
    }

    /** Holds a code read from the database. */
    public void hold(String code, String holder) {
        held.put(code, holder);
    }

    public void release(String code, String holder) {
        if (code != null) held.remove(code, holder);
    }

    /** Who holds a code, as "branch/id", or null. */
    public String holder(String code) {
        return code == null ? null : held.get(normalize(code));
    }

    /** A code as typed (lower case, spaces, a dash) in the form it is kept in, or null when it cannot be one. */
    public static String normalize(String typed) {
        if (typed == null) return null;
        String c = typed.strip().replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (c.length() != LENGTH) return null;
        for (int i = 0; i < c.length(); i++) {
            if (ALPHABET.indexOf(c.charAt(i)) < 0) return null;
        }
        return c;
    }
}
