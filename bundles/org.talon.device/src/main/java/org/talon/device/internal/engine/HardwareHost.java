package org.talon.device.internal.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.Display;
import org.talon.device.api.DisplayContent;
import org.talon.device.api.FeedbackTerminal;
import org.talon.device.api.Hardware;
import org.talon.device.api.HardwareProperties;
import org.talon.device.api.Keypad;
import org.talon.device.api.KeypadKey;
import org.talon.device.api.Location;
import org.talon.device.api.TicketPrinter;
import org.talon.device.internal.transport.SerialTransport;
import org.talon.device.internal.transport.TcpTransport;
import org.talon.device.internal.transport.Transports;
import org.talon.event.api.BranchDirectory;
import org.talon.event.api.EventLog;
import org.talon.queue.api.CounterAction;
import org.talon.queue.api.CounterCommand;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.QueueService;

/**
 * The registry of configured hardware. It takes every driver's service (one per physical device),
 * checks where the device is, gives the driver its context and initialises it, records its status
 * (a change of state is a {@value HardwareEvents#STATUS_CHANGED} event of its branch), and turns a
 * keypad's presses into counter actions and a feedback terminal's presses into
 * {@value HardwareEvents#FEEDBACK_GIVEN} events. Drivers share its scheduler; its reading threads
 * read their connections.
 */
@Component(service = HardwareHost.class)
public final class HardwareHost {
    private static final Logger LOG = Logger.getLogger(HardwareHost.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventLog log;
    private final BranchDirectory branches;
    private final QueueService queues;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, named("talon-hardware"));
    private final ExecutorService io = Executors.newCachedThreadPool(named("talon-hardware-io"));
    private final Transports transports = new Transports(scheduler, io, new SerialTransport(), new TcpTransport());
    private final Map<Long, HardwareUnit> units = new ConcurrentHashMap<>();
    /** Told of each unit that starts, so it is shown what it should show at once. */
    private volatile Consumer<HardwareUnit> onStart = u -> { };
    /** Told of each rating, with the counter's ticket the router knows. */
    private volatile java.util.function.Function<HardwareUnit, String> servedAt = u -> null;
    private volatile boolean active;

    private final org.osgi.framework.BundleContext bundles;

    @Activate
    public HardwareHost(org.osgi.framework.BundleContext bundles, @Reference EventLog log, @Reference BranchDirectory branches,
            @Reference QueueService queues) {
        this.bundles = bundles;
        this.log = log;
        this.branches = branches;
        this.queues = queues;
        scheduler.setRemoveOnCancelPolicy(true);
        active = true;
        // the references below were bound before activation: start what waited for it
        synchronized (this) {
            for (HardwareUnit u : units.values()) start(u);
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addPrinter(ServiceReference<TicketPrinter> ref, TicketPrinter p) {
        add(ref, p);
    }

    void removePrinter(ServiceReference<TicketPrinter> ref) {
        remove(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addDisplay(ServiceReference<Display> ref, Display d) {
        add(ref, d);
    }

    void removeDisplay(ServiceReference<Display> ref) {
        remove(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addKeypad(ServiceReference<Keypad> ref, Keypad k) {
        add(ref, k);
    }

    void removeKeypad(ServiceReference<Keypad> ref) {
        remove(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addFeedback(ServiceReference<FeedbackTerminal> ref, FeedbackTerminal f) {
        add(ref, f);
    }

    void removeFeedback(ServiceReference<FeedbackTerminal> ref) {
        remove(ref);
    }

    private synchronized void add(ServiceReference<?> ref, Hardware driver) {
        long sid = (Long) ref.getProperty("service.id");
        if (units.containsKey(sid)) return; // the same service under a second device interface
        Map<String, Object> props = new LinkedHashMap<>();
        for (String k : ref.getPropertyKeys()) props.put(k, ref.getProperty(k));
        String driverName = ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName();
        HardwareUnit u = unit(sid, driver, driverName, props);
        units.put(sid, u);
        if (active) start(u);
    }

    /** Builds the unit from the service's properties; a wrong configuration is kept as the reason it does not run. */
    HardwareUnit unit(long sid, Hardware driver, String driverName, Map<String, Object> props) {
        String id = id(props);
        String branch = text(props, HardwareProperties.BRANCH);
        String counter = text(props, HardwareProperties.COUNTER);
        String kiosk = text(props, HardwareProperties.KIOSK);
        String hall = text(props, HardwareProperties.HALL);
        Location location = new Location(branch, counter, kiosk, hall);
        String label = Optional.ofNullable(text(props, HardwareProperties.LABEL)).orElse(id);
        String wrong = null;
        java.util.Set<HardwareUnit.Kind> kinds = HardwareUnit.Kind.of(driver);
        int places = (counter == null ? 0 : 1) + (kiosk == null ? 0 : 1) + (hall == null ? 0 : 1);
        if (id == null) wrong = "no id (set id, or name the configuration file <pid>-<name>.cfg)";
        else if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) wrong = "id '" + id + "' must be letters, digits, '.', '_' or '-' (at most 64)";
        else if (branch == null) wrong = "no branch configured";
        else if (!branches.exists(branch)) wrong = "no branch '" + branch + "'";
        else if (places != 1) wrong = "configure exactly one of counter, kiosk or hall (found " + places + ")";
        else if ((kinds.contains(HardwareUnit.Kind.KEYPAD) || kinds.contains(HardwareUnit.Kind.FEEDBACK)) && counter == null) wrong = "a keypad or feedback terminal sits at a counter: configure counter";
        else if (kiosk != null && !kinds.contains(HardwareUnit.Kind.PRINTER)) wrong = "only a printer sits in a kiosk: configure counter or hall";
        else if (taken(id, sid)) wrong = "another device already has the id '" + id + "'";
        return new HardwareUnit(sid, id == null ? "service-" + sid : id, driver, driverName, location, label,
                text(props, HardwareProperties.PORT), text(props, HardwareProperties.FALLBACK), wrong, clock.instant());
    }

    private boolean taken(String id, long sid) {
        for (HardwareUnit u : units.values()) {
            if (u.serviceId != sid && u.id.equals(id) && u.misconfigured == null) return true;
        }
        return false;
    }

    /** The configured id, else the name of the factory configuration. */
    static String id(Map<String, Object> props) {
        String id = text(props, HardwareProperties.ID);
        if (id != null) return id;
        String pid = text(props, "service.pid");
        if (pid != null && pid.contains("~")) return pid.substring(pid.lastIndexOf('~') + 1);
        String file = text(props, "felix.fileinstall.filename");
        String factory = text(props, "service.factoryPid");
        if (file != null) {
            String name = file.substring(file.lastIndexOf('/') + 1);
            if (name.endsWith(".cfg")) name = name.substring(0, name.length() - 4);
            if (factory != null && name.startsWith(factory + "-")) return name.substring(factory.length() + 1);
            int dash = name.lastIndexOf('-');
            if (dash > 0) return name.substring(dash + 1);
        }
        return null;
    }

    static String text(Map<String, Object> props, String key) {
        Object v = props.get(key);
        if (v == null) return null;
        String s = (v instanceof String[] a ? (a.length == 0 ? "" : a[0]) : v.toString()).strip();
        return s.isEmpty() ? null : s;
    }

    private void start(HardwareUnit u) {
        if (u.misconfigured != null) {
            LOG.warning("Device " + u.id + " (" + u.driverName + ") is not started: " + u.misconfigured);
            return;
        }
        ContextImpl c = new ContextImpl(this, u);
        u.context = c;
        try {
            u.driver.initialize(c);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "The driver of " + u.id + " failed to start", e);
            record(u, DeviceStatus.error("the driver failed to start: " + e));
            return;
        }
        try {
            onStart.accept(u);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Showing the current calls on " + u.id + " failed", e);
        }
    }

    private void remove(ServiceReference<?> ref) {
        HardwareUnit u;
        synchronized (this) {
            u = units.remove((Long) ref.getProperty("service.id"));
        }
        if (u == null) return;
        // a driver updated or removed is news; Talon shutting down is not (the log stops too)
        stop(u, "its driver stopped", !shuttingDown());
    }

    private boolean shuttingDown() {
        try {
            return bundles.getBundle(0).getState() == org.osgi.framework.Bundle.STOPPING;
        } catch (IllegalStateException e) {
            return true; // this bundle's context is no longer valid
        }
    }

    /** Disposes a unit's driver; {@code tell}: record it going offline as an event of its branch. */
    private void stop(HardwareUnit u, String why, boolean tell) {
        ContextImpl c = u.context;
        if (c == null) return;
        // what the driver reports while it stops is not news; the driver going away is
        c.disposed = true;
        try {
            u.driver.dispose();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "The driver of " + u.id + " failed to stop", e);
        }
        c.dispose();
        if (tell) record(u, DeviceStatus.offline(why));
        else u.status(DeviceStatus.offline(why), clock.instant());
    }

    @org.osgi.service.component.annotations.Deactivate
    void deactivate() {
        active = false;
        // Talon (or its hardware support) stops: no events while the log may be stopping too; after
        // the start each device's state is recorded again as it comes
        for (HardwareUnit u : List.copyOf(units.values())) stop(u, "Talon's hardware support stopped", false);
        scheduler.shutdownNow();
        io.shutdownNow();
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public Transports transports() {
        return transports;
    }

    void onStart(Consumer<HardwareUnit> c) {
        onStart = c == null ? u -> { } : c;
    }

    void servedAt(java.util.function.Function<HardwareUnit, String> f) {
        servedAt = f == null ? u -> null : f;
    }

    /** The units, by branch then id (for people: the console, the API). */
    public List<HardwareUnit> units() {
        List<HardwareUnit> l = new ArrayList<>(units.values());
        l.sort(Comparator.comparing((HardwareUnit u) -> String.valueOf(u.location.branch())).thenComparing(u -> u.id));
        return l;
    }

    public List<HardwareUnit> units(String branch) {
        return units().stream().filter(u -> branch.equals(u.location.branch())).toList();
    }

    public Optional<HardwareUnit> unit(String id) {
        return units.values().stream().filter(u -> u.id.equals(id) && u.misconfigured == null).findFirst();
    }

    /** Running units of a kind in a branch, in no order (asked for every call). */
    List<HardwareUnit> running(String branch, HardwareUnit.Kind kind) {
        List<HardwareUnit> l = new ArrayList<>();
        for (HardwareUnit u : units.values()) {
            if (u.misconfigured == null && u.context != null && !u.context.disposed && branch.equals(u.location.branch()) && u.kinds.contains(kind)) {
                l.add(u);
            }
        }
        return l;
    }

    /** A status a driver reported (or Talon for it): a change of state is an event of its branch. */
    void record(HardwareUnit u, DeviceStatus s) {
        if (!u.status(s, clock.instant())) return;
        if (u.misconfigured != null || u.location.branch() == null) return;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hardware", u.id);
        p.put("kinds", u.kinds.stream().map(k -> k.name()).toList());
        p.put("state", s.state().name());
        p.put("reason", s.reason());
        append(u.location.branch(), HardwareEvents.STATUS_CHANGED, p);
    }

    /** Appends an event without waiting for its commit; a failure is logged, never thrown. */
    void append(String branch, String type, Map<String, Object> payload) {
        String json;
        try {
            json = JSON.writeValueAsString(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        log.submit(branch, tx -> tx.append(type, json)).whenComplete((e, t) -> {
            if (t != null) LOG.log(Level.WARNING, "Could not record " + type + " of branch " + branch + ": " + t);
        });
    }

    /**
     * A keypad's key: the counter's action, on the scheduler. What it changes reaches the keypad as
     * events do (the call router shows the counter's ticket); a refusal is shown here, with why.
     */
    void keyPressed(HardwareUnit u, KeypadKey key) {
        scheduler.execute(() -> {
            try {
                var r = queues.act(CounterCommand.builder().branch(u.location.branch()).counter(u.location.counter())
                        .action(CounterAction.valueOf(key.name())).supervisor(true).build());
                // a call that found no one changes nothing, so no event tells the keypad: say it here
                if (r.ticket() == null && (key == KeypadKey.CALL || key == KeypadKey.NEXT)) {
                    show(u, "-", DeviceTexts.TEXTS.text(locale(u), "keypad.nobody"));
                }
            } catch (QueueException e) {
                show(u, "!", e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Key " + key + " of " + u.id + " failed", e);
                show(u, "!", DeviceTexts.TEXTS.text(locale(u), "keypad.failed"));
            }
        });
    }

    void rated(HardwareUnit u, int rating, int scale) {
        if (scale < 2 || scale > 10 || rating < 1 || rating > scale) {
            LOG.fine("Device " + u.id + " reported rating " + rating + "/" + scale + ": ignored");
            return;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hardware", u.id);
        p.put("counter", u.location.counter());
        String ticket = servedAt.apply(u);
        if (ticket != null) p.put("number", ticket);
        p.put("rating", rating);
        p.put("scale", scale);
        append(u.location.branch(), HardwareEvents.FEEDBACK_GIVEN, p);
    }

    /** Tells a keypad two lines, on the scheduler. */
    void show(HardwareUnit u, String line1, String line2) {
        if (!(u.driver instanceof Keypad k)) return;
        Map<String, Object> view = new LinkedHashMap<>(); // line 1 first, wherever it is shown
        view.put("line1", line1);
        view.put("line2", line2 == null ? "" : line2);
        u.view(view);
        run(u, () -> k.show(line1, line2 == null ? "" : line2));
    }

    /** Tells a display what to show. */
    void show(HardwareUnit u, DisplayContent content) {
        if (!(u.driver instanceof Display d)) return;
        u.view(content);
        run(u, () -> d.show(content));
    }

    void invite(HardwareUnit u, String ticket) {
        if (!(u.driver instanceof FeedbackTerminal f)) return;
        u.view(ticket == null ? Map.of() : Map.of("invite", ticket));
        run(u, () -> f.invite(ticket));
    }

    /** Runs a call into a driver; a driver's failure is logged, never thrown to the caller. */
    void run(HardwareUnit u, Runnable r) {
        ContextImpl c = u.context;
        if (c == null || c.disposed) return;
        try {
            r.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "The driver of " + u.id + " failed", e);
        }
    }

    /** The language a device speaks: its branch's first. */
    Locale locale(HardwareUnit u) {
        try {
            var b = queues.branch(u.location.branch());
            return b.locales().isEmpty() ? Locale.ENGLISH : b.locales().get(0);
        } catch (RuntimeException e) {
            return Locale.ENGLISH;
        }
    }

}
