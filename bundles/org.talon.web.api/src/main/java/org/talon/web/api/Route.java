package org.talon.web.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One HTTP route, registered as an OSGi service by the bundle that owns it. Registering adds the
 * route at once; unregistering (the bundle stops or updates) removes it; other routes keep
 * serving. Service property {@value #DOMAIN} names the Talon domain, e.g. {@code queue}; the
 * capabilities route lists the domains present.
 */
@ConsumerType
public interface Route {
    String DOMAIN = "talon.domain";

    RouteSpec spec();

    /**
     * Answers a request. Throw {@link ApiProblem} to refuse with a 4xx; anything else thrown is
     * logged and answered with a 500 that tells nothing of the internals.
     */
    Reply handle(RouteRequest request) throws Exception;
}
