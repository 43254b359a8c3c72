package org.talon.booking.internal.engine;

import java.util.List;
import java.util.Map;
import org.talon.booking.api.BookableService;
import org.talon.booking.api.Resource;
import org.talon.queue.api.Branch;

/**
 * What a branch offers for booking, as configured: the branch (its zone and calendar), its rules,
 * its bookable services by code and its resources in order.
 */
public record Setup(Branch branch, Settings settings, Map<String, BookableService> services, List<Resource> resources) {
    public Setup {
        services = Map.copyOf(services);
        resources = List.copyOf(resources);
    }

    /** The resources that serve a service, in order. */
    public List<Resource> serving(String service) {
        return resources.stream().filter(r -> r.services().contains(service)).toList();
    }

    public Resource resource(String id) {
        for (Resource r : resources) {
            if (r.id().equals(id)) return r;
        }
        return null;
    }
}
