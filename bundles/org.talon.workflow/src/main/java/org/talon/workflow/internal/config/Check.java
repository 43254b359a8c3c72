package org.talon.workflow.internal.config;

import java.util.ArrayList;
import java.util.List;

/** Checks of configuration values: a wrong one stops the component with a message naming it. */
final class Check {
    private Check() {
    }

    static String id(String value, String what, String pid) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(pid + ": '" + what + "' is required");
        String v = value.strip();
        if (!v.matches("[A-Za-z0-9_.-]{1,64}")) throw new IllegalArgumentException(pid + ": '" + what + "' is not an id (letters, digits, . _ -): " + v);
        return v;
    }

    static int atLeast(int value, int min, String what, String pid) {
        if (value < min) throw new IllegalArgumentException(pid + ": '" + what + "' must be at least " + min + ", not " + value);
        return value;
    }

    /** Comma separated list, blanks dropped. */
    static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) return out;
        for (String s : value.split(",")) {
            if (!s.isBlank()) out.add(s.strip());
        }
        return out;
    }
}
