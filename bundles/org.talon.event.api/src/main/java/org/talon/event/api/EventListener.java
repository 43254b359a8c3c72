package org.talon.event.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told of committed events. Each listener receives each branch's events in
 * log order, after commit, on a thread of the event log (never the caller's), one call at a time.
 * A listener registered later starts with the events committed after it was registered.
 *
 * <p>Service property {@value #BRANCH} limits delivery to one branch; {@value #TYPES} (String or
 * String[]) to some event types.
 *
 * <p>A component that needs {@link EventLog} and listens too should register its listener
 * itself (e.g. {@code BundleContext.registerService} in its activate method) rather than be an
 * {@code EventListener} component: the log binds listeners while it activates, so the component
 * form is a service cycle.
 */
@ConsumerType
public interface EventListener {
    String BRANCH = "talon.event.branch";
    String TYPES = "talon.event.types";

    void onEvent(DomainEvent event);
}
