package org.talon.device.internal.engine;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.Display;
import org.talon.device.api.FeedbackTerminal;
import org.talon.device.api.Hardware;
import org.talon.device.api.Keypad;
import org.talon.device.api.Location;
import org.talon.device.api.TicketPrinter;
import org.talon.device.api.VirtualHardware;

/**
 * One configured device as Talon keeps it: its driver, where it is, its status, and what it was
 * last told to show or print (the view a page or the console reads).
 */
public final class HardwareUnit {

    /** What kind of device it is (a driver's service may be more than one). */
    public enum Kind {
        PRINTER, DISPLAY, KEYPAD, FEEDBACK;

        static Set<Kind> of(Hardware h) {
            Set<Kind> s = EnumSet.noneOf(Kind.class);
            if (h instanceof TicketPrinter) s.add(PRINTER);
            if (h instanceof Display) s.add(DISPLAY);
            if (h instanceof Keypad) s.add(KEYPAD);
            if (h instanceof FeedbackTerminal) s.add(FEEDBACK);
            return s;
        }
    }

    final long serviceId;
    final String id;
    final Set<Kind> kinds;
    final Hardware driver;
    final String driverName;
    final Location location;
    final String label;
    final String port;
    final String fallback;
    /** Why the unit is not run, when its configuration is wrong; then it is never initialised. */
    final String misconfigured;
    private DeviceStatus status;
    private Instant since;
    private long version;
    private Object view;
    private final Deque<Map<String, Object>> printed = new ArrayDeque<>();
    volatile ContextImpl context;

    HardwareUnit(long serviceId, String id, Hardware driver, String driverName, Location location, String label, String port, String fallback,
            String misconfigured, Instant now) {
        this.serviceId = serviceId;
        this.id = id;
        this.kinds = Kind.of(driver);
        this.driver = driver;
        this.driverName = driverName;
        this.location = location;
        this.label = label;
        this.port = port;
        this.fallback = fallback;
        this.misconfigured = misconfigured;
        this.status = misconfigured != null ? DeviceStatus.error(misconfigured) : DeviceStatus.offline("starting");
        this.since = now;
    }

    public String id() {
        return id;
    }

    public Set<Kind> kinds() {
        return kinds;
    }

    public String driverName() {
        return driverName;
    }

    public Location location() {
        return location;
    }

    /** The name for people: the configured label, else the id. */
    public String label() {
        return label;
    }

    public String port() {
        return port;
    }

    /** The driver as a virtual device, whose buttons are on its page; empty for a device of wires. */
    public java.util.Optional<VirtualHardware> virtual() {
        return driver instanceof VirtualHardware v ? java.util.Optional.of(v) : java.util.Optional.empty();
    }

    public synchronized DeviceStatus status() {
        return status;
    }

    public synchronized Instant since() {
        return since;
    }

    /** Sets the status; true when its state changed (not only its reason). */
    synchronized boolean status(DeviceStatus s, Instant now) {
        if (s.equals(status)) return false;
        boolean changed = s.state() != status.state();
        status = s;
        if (changed) since = now;
        version++;
        notifyAll();
        return changed;
    }

    /** What it shows (a display, a keypad, a feedback terminal), or null. */
    public synchronized Object view() {
        return view;
    }

    synchronized void view(Object v) {
        view = v;
        version++;
        notifyAll();
    }

    /** The tickets it printed last, newest first (at most 5). */
    public synchronized List<Map<String, Object>> printed() {
        return List.copyOf(printed);
    }

    synchronized void printed(Map<String, Object> ticket) {
        printed.addFirst(ticket);
        while (printed.size() > 5) printed.removeLast();
        version++;
        notifyAll();
    }

    /** Changes with every status, view or print: a page waits for it to move. */
    public synchronized long version() {
        return version;
    }

    /** Waits until {@link #version()} differs from {@code seen}, at most {@code millis}. */
    public synchronized long awaitChange(long seen, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (version == seen) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) break;
            wait(left);
        }
        return version;
    }

    @Override
    public String toString() {
        return id + " " + kinds + " at " + location;
    }
}
