package org.talon.event.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.EventListener;

/**
 * Tells listeners of committed events: one delivery thread per branch, so each listener sees a
 * branch's events in log order, one call at a time, and a slow listener never holds up a writer.
 */
final class ListenerDelivery {
    private static final Logger LOG = Logger.getLogger(ListenerDelivery.class.getName());

    record Registration(EventListener listener, String branch, Set<String> types) {
        boolean wants(DomainEvent e) {
            return (branch == null || branch.equals(e.branch())) && (types == null || types.contains(e.type()));
        }
    }

    private final List<Registration> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    void add(Registration r) {
        listeners.add(r);
    }

    void remove(EventListener l) {
        listeners.removeIf(r -> r.listener == l);
    }

    void publish(List<DomainEvent> events) {
        if (!running || events.isEmpty() || listeners.isEmpty()) return;
        lanes.computeIfAbsent(events.get(0).branch(), Lane::new).queue.add(events);
    }

    void stop() {
        running = false;
        lanes.values().forEach(l -> l.thread.interrupt());
        for (Lane l : lanes.values()) {
            try {
                l.thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class Lane implements Runnable {
        final LinkedBlockingQueue<List<DomainEvent>> queue = new LinkedBlockingQueue<>();
        final Thread thread;

        Lane(String branch) {
            thread = new Thread(this, "talon-events-" + branch);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            while (running) {
                List<DomainEvent> batch;
                try {
                    batch = queue.poll(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (batch == null) continue;
                for (DomainEvent e : batch) {
                    for (Registration r : listeners) {
                        if (!r.wants(e)) continue;
                        try {
                            r.listener.onEvent(e);
                        } catch (RuntimeException ex) {
                            LOG.log(Level.WARNING, "Event listener " + r.listener + " failed on event " + e.sequence()
                                    + " of branch " + e.branch(), ex);
                        }
                    }
                }
            }
        }
    }
}
