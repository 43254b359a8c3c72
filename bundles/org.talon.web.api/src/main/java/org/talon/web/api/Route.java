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

    /**
     * For a GET route whose answer follows what happens in a branch (a customer's ticket: its
     * place in line, the counter that calls it): that branch, for this request and its answer;
     * {@code null} (the default) for an answer that is not followed. The same request sent with
     * {@code Accept: text/event-stream} then gets the answer as an {@code update} event at once,
     * and again each time it has changed after an event of that branch (at most once a second);
     * the route is asked again with the same request for each.
     */
    default String follows(RouteRequest request, Reply reply) {
        return null;
    }

    /** What answers a route's requests (see {@link #handle}). */
    @FunctionalInterface
    interface Handler {
        Reply handle(RouteRequest request) throws Exception;
    }

    /** A route from its description and what answers it (since 2.0): {@code Route.of(RouteSpec.of(...), r -> Reply.ok(...))}. */
    static Route of(RouteSpec spec, Handler handler) {
        java.util.Objects.requireNonNull(spec, "spec");
        java.util.Objects.requireNonNull(handler, "handler");
        return new Route() {
            @Override
            public RouteSpec spec() {
                return spec;
            }

            @Override
            public Reply handle(RouteRequest request) throws Exception {
                return handler.handle(request);
            }

            @Override
            public String toString() {
                return "Route " + spec;
            }
        };
    }
}
