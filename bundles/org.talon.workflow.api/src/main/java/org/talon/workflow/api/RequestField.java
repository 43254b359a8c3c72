package org.talon.workflow.api;

import java.util.List;
import java.util.Map;

/**
 * One field of a request type's form.
 *
 * @param name      its key in a request's fields, e.g. {@code passportNumber}
 * @param kind      what it holds
 * @param required  whether a request must have it
 * @param labels    its label per language ({@code en}, {@code ru}, {@code pl}); the name when none
 * @param choices   the values allowed for {@link Kind#CHOICE}
 * @param maxLength the longest text allowed for {@link Kind#TEXT}
 * @param min       the least number for {@link Kind#NUMBER}, or null
 * @param max       the greatest number for {@link Kind#NUMBER}, or null
 * @param pattern   a regular expression a {@link Kind#TEXT} value must match whole, or null
 */
public record RequestField(String name, Kind kind, boolean required, Map<String, String> labels, List<String> choices, int maxLength,
        Long min, Long max, String pattern) {

    /** What a field holds. */
    public enum Kind {
        /** A line of text. */
        TEXT,
        /** A whole number. */
        NUMBER,
        /** A date, {@code yyyy-MM-dd}. */
        DATE,
        /** One of the field's choices. */
        CHOICE
    }

    public RequestField {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** Its label in a language, else in English, else its name. */
    public String label(String language) {
        String l = labels.get(language);
        if (l == null) l = labels.get("en");
        return l == null ? name : l;
    }
}
