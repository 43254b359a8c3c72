package org.talon.web.api;

import java.util.Map;

/**
 * A route's answer.
 *
 * @param status  HTTP status
 * @param body    object written as JSON, or {@code null} for no body
 * @param headers extra response headers
 */
public record Reply(int status, Object body, Map<String, String> headers) {
    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply ok(Object body) {
        return new Reply(200, body, Map.of());
    }

    public static Reply created(Object body) {
        return new Reply(201, body, Map.of());
    }

    public static Reply noContent() {
        return new Reply(204, null, Map.of());
    }
}
