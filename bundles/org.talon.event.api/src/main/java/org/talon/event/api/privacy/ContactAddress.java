package org.talon.event.api.privacy;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number or an e-mail address in the one form Talon stores and compares: an e-mail
 * address trimmed and in lower case, a phone number as {@code +} and its digits (spaces,
 * dashes, dots and brackets dropped, a leading {@code 00} read as {@code +}).
 *
 * @param value the address in that form
 * @param kind  which of the two it is
 */
public record ContactAddress(String value, Kind kind) {
    /** The two kinds of address. */
    public enum Kind {
        PHONE,
        EMAIL
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");

    public ContactAddress {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * Reads a phone number or an e-mail address.
     *
     * @throws IllegalArgumentException when it is neither (the message says which form is expected)
     */
    public static ContactAddress parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("no phone number or e-mail address given");
        String t = text.strip();
        if (t.indexOf('@') >= 0) {
            String e = t.toLowerCase(Locale.ROOT);
            if (e.length() > 200 || !EMAIL.matcher(e).matches()) throw new IllegalArgumentException("not an e-mail address: " + t);
            return new ContactAddress(e, Kind.EMAIL);
        }
        String p = t.replaceAll("[\\s().\\-/]", "");
        if (p.startsWith("00")) p = "+" + p.substring(2);
        if (!PHONE.matcher(p).matches()) {
            throw new IllegalArgumentException("not a phone number (6 to 15 digits, optionally after +): " + t);
        }
        return new ContactAddress(p, Kind.PHONE);
    }

    /** The address with most of it hidden, for lists staff see: {@code +486••••••00}, {@code a•••@example.com}. */
    public String masked() {
        if (kind == Kind.EMAIL) {
            int at = value.indexOf('@');
            return value.charAt(0) + "•••" + value.substring(at);
        }
        int keep = Math.min(4, value.length() / 3);
        return value.substring(0, keep) + "•".repeat(value.length() - keep - 2) + value.substring(value.length() - 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
