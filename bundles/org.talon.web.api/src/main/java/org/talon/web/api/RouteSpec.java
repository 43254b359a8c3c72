package org.talon.web.api;

import java.util.Set;

/**
 * What a route answers and who may call it.
 *
 * @param method       HTTP method, e.g. {@code POST}
 * @param path         path template below {@code /api/v1}, e.g. {@code /branches/{branch}/tickets}
 * @param roles        roles allowed; {@link Role#PUBLIC} allows everyone; {@link Role#ADMIN} is always allowed
 * @param requestType  type of the JSON body, or {@code null} for none
 * @param responseType type of the JSON answer, or {@code null} for none
 * @param summary      one line for the API documentation
 */
public record RouteSpec(String method, String path, Set<Role> roles, Class<?> requestType, Class<?> responseType,
        String summary) {
    public RouteSpec {
        roles = Set.copyOf(roles);
    }
}
