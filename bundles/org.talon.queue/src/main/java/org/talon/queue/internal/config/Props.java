package org.talon.queue.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads raw configuration properties that the typed annotations cannot express. */
public final class Props {
    private Props() {
    }

    /** Comma separated list, blanks dropped. */
    public static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) return out;
        for (String s : value.split(",")) {
            if (!s.isBlank()) out.add(s.strip());
        }
        return out;
    }

    /** All properties {@code prefix.<key>}, as key to value. */
    public static Map<String, String> withPrefix(Map<String, Object> props, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        props.forEach((k, v) -> {
            if (k.startsWith(prefix) && v != null) out.put(k.substring(prefix.length()), v.toString());
        });
        return out;
    }

    static String require(String value, String what, String pid) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(pid + ": '" + what + "' is required");
        }
        return value.strip();
    }
}
