package org.talon.web.api;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/** A request as a route sees it: already authenticated, authorised and within size limits. */
@ProviderType
public interface RouteRequest {

    /** A path template variable, e.g. {@code branch} of {@code /branches/{branch}}. */
    String path(String name);

    Optional<String> query(String name);

    Optional<String> header(String name);

    /**
     * The JSON body read as the route's request type; a malformed body never reaches the route
     * (it is refused with a 400 before the route runs, whether the route reads it or not).
     */
    <T> T body(Class<T> type);

    /** Whether the request has a body (of any length above zero), however it was framed. */
    boolean hasBody();

    /** The authenticated user or device, or {@code null} for a public request. */
    String user();

    Set<Role> roles();

    /** The language the caller asked for (Accept-Language), among en, ru, pl. */
    Locale locale();
}
