package org.talon.queue.internal.http;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.talon.queue.api.QueueException;
import org.talon.web.api.Reply;
import org.talon.web.api.Route;
import org.talon.web.api.RouteRequest;
import org.talon.web.api.RouteSpec;

/**
 * The queue domain's routes of one component, registered with the web bundle as {@link Route}
 * services while it is active: a refusal of the engine ({@link QueueException}) becomes the
 * problem of its reason, in the caller's language.
 */
final class RouteRegistrations {
    @FunctionalInterface
    interface Handler {
        Reply handle(RouteRequest r) throws Exception;
    }

    private final BundleContext context;
    private final List<ServiceRegistration<Route>> registrations = new ArrayList<>();

    RouteRegistrations(BundleContext context) {
        this.context = context;
    }

    void add(RouteSpec spec, Handler handler) {
        add(spec, handler, reply -> null);
    }

    /** A route; {@code follows} names the branch a GET answer follows (see {@link Route#follows}), or null. */
    void add(RouteSpec spec, Handler handler, Function<Reply, String> follows) {
        Route route = new Route() {
            @Override
            public RouteSpec spec() {
                return spec;
            }

            @Override
            public String follows(RouteRequest request, Reply reply) {
                return follows.apply(reply);
            }

            @Override
            public Reply handle(RouteRequest request) throws Exception {
                try {
                    return handler.handle(request);
                } catch (QueueException e) {
                    throw QueueRoutes.problem(e, request.locale());
                }
            }
        };
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Route.DOMAIN, "queue");
        registrations.add(context.registerService(Route.class, route, props));
    }

    void unregisterAll() {
        for (ServiceRegistration<Route> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException ignored) {
                // already gone with the bundle
            }
        }
        registrations.clear();
    }
}
