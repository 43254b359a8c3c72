package org.talon.device.internal.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.KeypadKey;
import org.talon.device.api.VirtualHardware;
import org.talon.device.internal.engine.DeviceTexts;
import org.talon.device.internal.engine.HardwareHost;
import org.talon.device.internal.engine.HardwareUnit;
import org.talon.device.internal.engine.PrintDesk;
import org.talon.device.internal.engine.PrintDesk.PrintOutcome;
import org.talon.event.api.BranchDirectory;
import org.talon.queue.api.QueueService;
import org.talon.queue.api.Ticket;
import org.talon.queue.api.TicketState;
import org.talon.web.api.ApiProblem;
import org.talon.web.api.MaxLength;
import org.talon.web.api.Reply;
import org.talon.web.api.Role;
import org.talon.web.api.Route;
import org.talon.web.api.RouteRequest;
import org.talon.web.api.RouteSpec;

/**
 * The hardware's routes: the devices of a branch with their status and what they show, a virtual
 * device's buttons, and printing a kiosk's ticket.
 */
@Component(service = {})
public final class HardwareRoutes {
    /** A page waiting for its device to change waits at most this long. */
    static final long LONGEST_WAIT_MILLIS = 25_000;
    /** Pages waiting at once; more are answered at once. */
    static final int WAITERS = 64;
    private static final String DEVICE_PREFIX = "device:";

    /** A device as the API shows it. */
    public static final class HardwareView {
        public String id;
        public List<String> kinds;
        public String driver;
        public String branch;
        public String counter;
        public String kiosk;
        public String hall;
        public String label;
        public String port;
        public String state;
        public String reason;
        public String since;
        public boolean virtual;
        /** Changes with every status, view or print: pass it back as {@code ?after=} to wait for the next change. */
        public long version;
        /** What it shows now: a display's calls, a keypad's lines, a feedback terminal's invitation. */
        public Object showing;
        /** The tickets it printed last, newest first. */
        public List<Map<String, Object>> printed;
    }

    /** A press on a virtual device's page: one of key, rating (with scale), or state (with reason). */
    public static final class Input {
        @MaxLength(16)
        public String key;
        public Integer rating;
        public Integer scale;
        @MaxLength(16)
        public String state;
        @MaxLength(200)
        public String reason;
    }

    /** Who prints: a kiosk prints for itself; staff name the kiosk. */
    public static final class PrintRequest {
        @MaxLength(64)
        public String kiosk;
    }

    private final HardwareHost host;
    private final PrintDesk desk;
    private final QueueService queues;
    private final BranchDirectory branches;
    private final Semaphore waiters = new Semaphore(WAITERS);
    private final List<ServiceRegistration<Route>> registrations = new ArrayList<>();

    private final org.osgi.service.cm.ConfigurationAdmin config;

    @Activate
    public HardwareRoutes(BundleContext context, @Reference HardwareHost host, @Reference PrintDesk desk, @Reference QueueService queues,
            @Reference BranchDirectory branches, @Reference org.osgi.service.cm.ConfigurationAdmin config) {
        this.config = config;
        this.host = host;
        this.desk = desk;
        this.queues = queues;
        this.branches = branches;
        add(context, RouteSpec.builder("GET", "/branches/{branch}/hardware").roles(Role.MANAGER, Role.OPERATOR, Role.DISPLAY)
                .responseList(HardwareView.class).answer(404, "No such branch")
                .summary("Lists the branch's hardware: printers, displays, keypads, feedback terminals, with status and what each shows").build(),
                this::list);
        add(context, RouteSpec.builder("GET", "/branches/{branch}/hardware/{id}").roles(Role.MANAGER, Role.OPERATOR, Role.DISPLAY, Role.KIOSK)
                .responseType(HardwareView.class).answer(400, "after is not a number").answer(404, "No such branch or device")
                .summary("One device; with ?after=<version> the answer waits (up to 25 s) until the device changes").build(), this::one);
        add(context, RouteSpec.builder("POST", "/branches/{branch}/hardware/{id}/input").roles(Role.MANAGER, Role.OPERATOR)
                .requestType(Input.class).responseType(HardwareView.class).answer(400, "Not a key, rating or state")
                .answer(404, "No such branch or device").answer(409, "The device is not virtual")
                .summary("Presses a virtual device's button (a key, a rating) or sets its condition (e.g. paper out)").build(), this::input);
        add(context, RouteSpec.builder("POST", "/branches/{branch}/tickets/{ticket}/print").roles(Role.KIOSK, Role.RECEPTION, Role.MANAGER, Role.OPERATOR)
                .requestType(PrintRequest.class).responseType(PrintOutcome.class).answer(400, "No kiosk named")
                .answer(404, "No such branch or ticket").answer(409, "The ticket is done")
                .summary("Prints a ticket on the kiosk's printer, else its fallback printer, else says it is shown on screen only").build(),
                this::print);
    }

    @FunctionalInterface
    interface Handler {
        Reply handle(RouteRequest r) throws Exception;
    }

    private void add(BundleContext context, RouteSpec spec, Handler h) {
        Route route = new Route() {
            @Override
            public RouteSpec spec() {
                return spec;
            }

            @Override
            public Reply handle(RouteRequest request) throws Exception {
                return h.handle(request);
            }
        };
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Route.DOMAIN, "hardware");
        registrations.add(context.registerService(Route.class, route, props));
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<Route> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException ignored) {
                // gone with the bundle
            }
        }
    }

    private static String text(Locale l, String key, Object... args) {
        return DeviceTexts.TEXTS.text(l, key, args);
    }

    private String branch(RouteRequest r) {
        String b = r.path("branch");
        if (!branches.exists(b)) throw new ApiProblem(404, "Not found", text(r.locale(), "problem.noBranch", b));
        return b;
    }

    private HardwareUnit unit(RouteRequest r, String branch) {
        String id = r.path("id");
        return host.unit(id).filter(u -> branch.equals(u.location().branch()))
                .orElseThrow(() -> new ApiProblem(404, "Not found", text(r.locale(), "problem.noHardware", id, branch)));
    }

    private Reply list(RouteRequest r) {
        String b = branch(r);
        return Reply.ok(host.units(b).stream().map(HardwareRoutes::view).toList());
    }

    private Reply one(RouteRequest r) throws InterruptedException {
        String b = branch(r);
        HardwareUnit u = unit(r, b);
        String after = r.query("after").orElse(null);
        if (after != null) {
            long seen;
            try {
                seen = Long.parseLong(after);
            } catch (NumberFormatException e) {
                throw new ApiProblem(400, "Bad request", "after must be a version number, e.g. ?after=12");
            }
            if (waiters.tryAcquire()) {
                try {
                    u.awaitChange(seen, LONGEST_WAIT_MILLIS);
                } finally {
                    waiters.release();
                }
            }
        }
        return Reply.ok(view(u));
    }

    /**
     * The address customers' phones reach Talon at, as the kiosk's QR code has it: {@code publicUrl}
     * of the pages' configuration ({@code org.talon.ui}), so a printed ticket and the kiosk's screen
     * show the same code; null when it is not set (then the address the kiosk used).
     */
    private String publicUrl() {
        try {
            org.osgi.service.cm.Configuration[] cs = config.listConfigurations("(service.pid=org.talon.ui)");
            Object u = cs == null || cs.length == 0 || cs[0].getProperties() == null ? null : cs[0].getProperties().get("publicUrl");
            String s = u == null ? "" : u.toString().strip();
            if (s.isEmpty()) return null;
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        } catch (java.io.IOException | org.osgi.framework.InvalidSyntaxException e) {
            return null;
        }
    }

    static HardwareView view(HardwareUnit u) {
        HardwareView v = new HardwareView();
        v.id = u.id();
        v.kinds = u.kinds().stream().map(Enum::name).toList();
        v.driver = u.driverName();
        v.branch = u.location().branch();
        v.counter = u.location().counter();
        v.kiosk = u.location().kiosk();
        v.hall = u.location().hall();
        v.label = u.label();
        v.port = u.port();
        v.virtual = u.virtual().isPresent();
        synchronized (u) {
            DeviceStatus s = u.status();
            v.state = s.state().name();
            v.reason = s.reason();
            v.since = u.since().toString();
            v.version = u.version();
            v.showing = u.view();
            v.printed = u.printed();
        }
        return v;
    }

    private Reply input(RouteRequest r) {
        String b = branch(r);
        HardwareUnit u = unit(r, b);
        Input in = r.hasBody() ? r.body(Input.class) : null;
        int given = in == null ? 0 : (in.key != null ? 1 : 0) + (in.rating != null ? 1 : 0) + (in.state != null ? 1 : 0);
        if (given != 1) throw new ApiProblem(400, "Bad request", text(r.locale(), "problem.input"));
        VirtualHardware v = u.virtual().orElseThrow(() -> new ApiProblem(409, "Conflict", text(r.locale(), "problem.notVirtual", u.id())));
        if (in.key != null) {
            KeypadKey key;
            try {
                key = KeypadKey.valueOf(in.key.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(400, "Bad request", text(r.locale(), "problem.key", in.key, Arrays.toString(KeypadKey.values())));
            }
            v.press(key);
        } else if (in.rating != null) {
            int scale = in.scale == null ? 5 : in.scale;
            if (scale < 2 || scale > 10 || in.rating < 1 || in.rating > scale) throw new ApiProblem(400, "Bad request", text(r.locale(), "problem.rating"));
            v.rate(in.rating, scale);
        } else {
            DeviceStatus.State s;
            try {
                s = DeviceStatus.State.valueOf(in.state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(400, "Bad request", text(r.locale(), "problem.state", in.state, Arrays.toString(DeviceStatus.State.values())));
            }
            v.condition(new DeviceStatus(s, in.reason == null ? "set on its page" : in.reason));
        }
        return Reply.ok(view(u));
    }

    private Reply print(RouteRequest r) throws InterruptedException {
        String b = branch(r);
        String ref = r.path("ticket");
        Ticket t = queues.ticket(b, ref).orElseThrow(() -> new ApiProblem(404, "Not found", text(r.locale(), "problem.noTicket", ref, b)));
        if (t.state() == TicketState.DONE || t.state() == TicketState.CANCELLED || t.state() == TicketState.NO_SHOW) {
            throw new ApiProblem(409, "Conflict", text(r.locale(), "problem.notDone", t.number(), t.state().name()));
        }
        String kiosk = r.user() != null && r.user().startsWith(DEVICE_PREFIX) && r.roles().contains(Role.KIOSK) ? r.user().substring(DEVICE_PREFIX.length()) : null;
        if (kiosk == null) {
            PrintRequest p = r.hasBody() ? r.body(PrintRequest.class) : null;
            kiosk = p == null || p.kiosk == null || p.kiosk.isBlank() ? null : p.kiosk.strip();
        }
        if (kiosk == null) throw new ApiProblem(400, "Bad request", text(r.locale(), "problem.kiosk"));
        String base = publicUrl();
        if (base == null) {
            String host = r.header("Host").orElse("localhost:8181");
            String proto = r.header("X-Forwarded-Proto").filter(p -> p.equals("https")).orElse("http");
            base = host.matches("[A-Za-z0-9.:\\[\\]-]{1,255}") ? proto + "://" + host : null;
        }
        String url = t.publicId() == null || base == null ? null : base + "/t/" + t.publicId();
        return Reply.ok(desk.print(t, kiosk, r.locale(), url));
    }
}
