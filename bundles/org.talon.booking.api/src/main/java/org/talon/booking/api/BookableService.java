package org.talon.booking.api;

import java.time.Duration;
import java.util.Map;

/**
 * A queue service that customers can book.
 *
 * @param branch   the branch
 * @param code     the queue service's code, e.g. {@code A}
 * @param name     its name
 * @param names    its name per language tag
 * @param duration how long one appointment lasts; slots follow each other at this step
 * @param seats    how many customers one slot takes when no staff member or counter is scheduled for the service; 0 when they are
 */
public record BookableService(String branch, String code, String name, Map<String, String> names, Duration duration, int seats) {
    public BookableService {
        names = Map.copyOf(names);
    }

    /** The name in a language, else {@link #name()}. */
    public String name(String language) {
        return names.getOrDefault(language == null ? "" : language, name);
    }
}
