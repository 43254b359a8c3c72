package org.talon.device.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.talon.device.api.DisplayContent;
import org.talon.device.api.DisplayContent.Call;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.EventListener;
import org.talon.event.api.EventLog;
import org.talon.queue.api.Counter;
import org.talon.queue.api.QueueService;
import org.talon.queue.api.TicketState;
import org.talon.queue.api.event.QueueEvents;

/**
 * Routes calls to hardware: a called ticket goes to its counter's displays and keypads and to the
 * branch's hall boards; a ticket being served invites a rating on its counter's feedback terminal.
 *
 * <p>What the devices show is the counters' state, which the engine holds: the router takes a
 * branch's counters from the engine when it first meets the branch (after a start, a restart or
 * an update of this bundle), with the log's position then, and applies each committed call event
 * after that position as it hears it. So nothing missed while it was away is lost, and it keeps
 * no position of its own in the database: a durable subscriber did the same with one more
 * database commit for every group the writers commit (measured: 230 µs of server CPU per ticket
 * cycle, a third of the throughput; docs/performance.md).
 *
 * <p>It registers its listener itself: as a listener component it would be activated by the
 * event log while the log binds it, and it needs the log, a service cycle (see {@link EventListener}).
 */
@Component(service = {})
public final class CallRouter implements EventListener {
    private static final Logger LOG = Logger.getLogger(CallRouter.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a branch's counters have now. */
    static final class BranchCalls {
        /** Per counter its called or served ticket, the newest last. */
        final LinkedHashMap<String, Call> calls = new LinkedHashMap<>();
        /** Per counter the ticket served last, which a rating is for. */
        final Map<String, String> served = new HashMap<>();
        /** Per counter the state shown on its keypad. */
        final Map<String, String> states = new HashMap<>();
        /** The log's last sequence when the counters were taken from the engine: events up to it are in them. */
        long seeded;
    }

    private final HardwareHost host;
    private final QueueService queues;
    private final EventLog log;
    private final Map<String, BranchCalls> branches = new HashMap<>();

    private final org.osgi.framework.ServiceRegistration<EventListener> registration;

    @Activate
    public CallRouter(org.osgi.framework.BundleContext context, @Reference HardwareHost host, @Reference QueueService queues,
            @Reference EventLog log) {
        this.host = host;
        this.queues = queues;
        this.log = log;
        host.servedAt(u -> servedAt(u.location().branch(), u.location().counter()));
        host.onStart(this::showNow);
        for (HardwareUnit u : host.units()) {
            if (u.context != null) showNow(u);
        }
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put(EventListener.TYPES, new String[] {QueueEvents.TICKET_CALLED, QueueEvents.TICKET_RECALLED, QueueEvents.TICKET_SERVING,
            QueueEvents.TICKET_FINISHED, QueueEvents.TICKET_NO_SHOW, QueueEvents.TICKET_PARKED, QueueEvents.TICKET_TRANSFERRED,
            QueueEvents.TICKET_CANCELLED, QueueEvents.COUNTER_CLOSED});
        // heard from now on; a branch's counters are taken from the engine after this, when first met
        registration = context.registerService(EventListener.class, this, props);
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException ignored) {
            // gone with the bundle
        }
        host.onStart(null);
        host.servedAt(null);
    }

    private synchronized String servedAt(String branch, String counter) {
        return calls(branch).served.get(counter);
    }

    /** The branch's calls; on first use taken from the engine's counters. */
    private BranchCalls calls(String branch) {
        return branches.computeIfAbsent(branch, b -> {
            BranchCalls bc = new BranchCalls();
            try {
                // the position first: the counters read after it include at least the events up to it
                bc.seeded = log.lastSequence(b);
                List<Counter> counters = new ArrayList<>(queues.counters(b));
                counters.removeIf(c -> c.currentTicket() == null);
                counters.sort(java.util.Comparator.comparing(c -> c.currentTicket().calledAt() == null ? java.time.Instant.EPOCH
                        : c.currentTicket().calledAt()));
                for (Counter c : counters) {
                    bc.calls.put(c.id(), new Call(c.currentTicket().number(), c.id(), c.name(), c.id()));
                    bc.states.put(c.id(), c.currentTicket().state().name());
                    if (c.currentTicket().state() == TicketState.SERVING) bc.served.put(c.id(), c.currentTicket().number());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "No counters of branch " + b + " yet", e);
            }
            return bc;
        });
    }

    @Override
    public void onEvent(DomainEvent e) {
        try {
            route(e);
        } catch (RuntimeException | java.io.IOException x) {
            LOG.log(Level.WARNING, "Routing event " + e.sequence() + " (" + e.type() + ") of branch " + e.branch() + " to hardware failed", x);
        }
    }

    private void route(DomainEvent e) throws java.io.IOException {
        JsonNode p = JSON.readTree(e.payload());
        String counter = p.path("counter").asText(null);
        if (counter == null) return;
        String number = p.path("number").asText(null);
        List<Runnable> pushes = new ArrayList<>();
        synchronized (this) {
            BranchCalls bc = calls(e.branch());
            if (e.sequence() <= bc.seeded) return; // already in the counters the engine gave
            Call alert = null;
            String invite = null;
            boolean inviteChanged = false;
            switch (e.type()) {
                case QueueEvents.TICKET_CALLED, QueueEvents.TICKET_RECALLED -> {
                    if (number == null) return;
                    alert = new Call(number, counter, p.path("counterName").asText(null), counter);
                    bc.calls.remove(counter);
                    bc.calls.put(counter, alert);
                    bc.states.put(counter, "CALLED");
                    if (bc.served.remove(counter) != null) inviteChanged = true;
                }
                case QueueEvents.TICKET_SERVING -> {
                    bc.states.put(counter, "SERVING");
                    bc.served.put(counter, number);
                    invite = number;
                    inviteChanged = true;
                }
                case QueueEvents.COUNTER_CLOSED -> {
                    bc.calls.remove(counter);
                    bc.states.put(counter, "CLOSED");
                    if (bc.served.remove(counter) != null) inviteChanged = true;
                }
                default -> {
                    Call c = bc.calls.get(counter);
                    if (c == null || !c.number().equals(number)) return;
                    bc.calls.remove(counter);
                    bc.states.put(counter, "FREE");
                    // a rating may still come for the ticket just served: its invitation stays
                }
            }
            DisplayContent hall = hall(bc, alert);
            DisplayContent own = own(bc, counter, alert);
            String state = bc.states.get(counter);
            Call current = bc.calls.get(counter);
            boolean invited = inviteChanged;
            String invitation = invite;
            for (HardwareUnit u : host.running(e.branch(), HardwareUnit.Kind.DISPLAY)) {
                if (u.location().hall() != null) pushes.add(() -> host.show(u, hall));
                else if (counter.equals(u.location().counter())) pushes.add(() -> host.show(u, own));
            }
            for (HardwareUnit u : host.running(e.branch(), HardwareUnit.Kind.KEYPAD)) {
                if (counter.equals(u.location().counter())) {
                    pushes.add(() -> host.show(u, current == null ? "-" : current.number(), keypadLine(u, state)));
                }
            }
            if (invited) {
                for (HardwareUnit u : host.running(e.branch(), HardwareUnit.Kind.FEEDBACK)) {
                    if (counter.equals(u.location().counter())) pushes.add(() -> host.invite(u, invitation));
                }
            }
        }
        for (Runnable r : pushes) r.run();
    }

    private String keypadLine(HardwareUnit u, String state) {
        return DeviceTexts.TEXTS.text(host.locale(u), "keypad.state." + (state == null ? "FREE" : state));
    }

    private static DisplayContent hall(BranchCalls bc, Call alert) {
        List<Call> l = new ArrayList<>(bc.calls.values());
        java.util.Collections.reverse(l);
        return new DisplayContent(l, alert);
    }

    private static DisplayContent own(BranchCalls bc, String counter, Call alert) {
        Call c = bc.calls.get(counter);
        return new DisplayContent(c == null ? List.of() : List.of(c), alert != null && alert.counter().equals(counter) ? alert : null);
    }

    /** A device that starts is shown what it should show now. */
    private void showNow(HardwareUnit u) {
        String branch = u.location().branch();
        String counter = u.location().counter();
        DisplayContent content;
        String line1;
        String line2;
        String invite;
        synchronized (this) {
            BranchCalls bc = calls(branch);
            content = u.location().hall() != null ? hall(bc, null) : counter != null ? own(bc, counter, null) : DisplayContent.empty();
            Call c = counter == null ? null : bc.calls.get(counter);
            line1 = c == null ? "-" : c.number();
            line2 = counter == null ? "" : keypadLine(u, bc.states.get(counter));
            invite = counter == null ? null : bc.served.get(counter);
        }
        if (u.kinds().contains(HardwareUnit.Kind.DISPLAY)) host.show(u, content);
        if (u.kinds().contains(HardwareUnit.Kind.KEYPAD)) host.show(u, line1, line2);
        if (u.kinds().contains(HardwareUnit.Kind.FEEDBACK)) host.invite(u, invite);
    }
}
