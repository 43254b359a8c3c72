package org.talon.queue.api;

import java.time.Duration;
import java.util.Map;

/**
 * What a customer comes for, e.g. "cash desk".
 *
 * @param branch              branch id
 * @param code                service code, unique in the branch, e.g. {@code B}
 * @param names               name per language tag ({@code en}, {@code ru}, {@code pl}, ...)
 * @param prefix              ticket number prefix, e.g. {@code B} gives B001
 * @param queue               the queue its tickets wait in
 * @param targetWait          the wait a customer should not exceed
 * @param expectedServiceTime service time assumed until live figures exist
 */
public record Service(String branch, String code, Map<String, String> names, String prefix, String queue,
        Duration targetWait, Duration expectedServiceTime) {
    public Service {
        names = Map.copyOf(names);
    }

    /** The name in the given language, else in English, else the code. */
    public String name(String language) {
        String n = names.get(language);
        if (n == null) n = names.get("en");
        return n == null ? code : n;
    }
}
