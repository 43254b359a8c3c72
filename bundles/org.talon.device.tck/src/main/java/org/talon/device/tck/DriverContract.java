package org.talon.device.tck;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.Hardware;
import org.talon.device.api.Location;
import org.talon.device.api.VirtualHardware;

/**
 * What every driver must do, whatever it drives: a vendor's test extends {@link PrinterContract},
 * {@link DisplayContract}, {@link KeypadContract} or {@link FeedbackContract}, says how its driver is
 * made from a configuration and how its device answers, and inherits these tests.
 *
 * <ul>
 * <li>{@code initialize} returns at once and opens the configured port;</li>
 * <li>a device that connects is reported {@code ONLINE}; one whose port goes away {@code OFFLINE}
 *     with a reason; when the port comes back, {@code ONLINE} again, by itself;</li>
 * <li>a wrong port is a status ({@code ERROR}), never an exception;</li>
 * <li>{@code dispose} closes the connection and returns at once.</li>
 * </ul>
 */
public abstract class DriverContract<H extends Hardware> {
    /** The port the kit configures; its connection is a {@link TestConnection} the kit plays. */
    public static final String PORT = "tcp://device.test:9100";
    /** How long {@code initialize} and {@code dispose} may take. */
    public static final Duration AT_ONCE = Duration.ofMillis(200);

    protected TestDeviceContext context;
    private H driver;

    /** The driver for this configuration, as Declarative Services would make it (e.g. from a config annotation built of the map). */
    protected abstract H create(Map<String, Object> configuration);

    /** The device at the far end: given what the driver wrote, what the device answers (empty or null for nothing). */
    protected abstract Function<byte[], byte[]> device();

    /** The device's own settings the test's configuration holds besides port and location; none by default. */
    protected Map<String, Object> settings() {
        return Map.of();
    }

    /** Where the device sits: a counter by default; a printer's contract puts it in a kiosk. */
    protected Location location() {
        return new Location("demo", "1", null, null);
    }

    /** How long the driver may take from connected to ONLINE (a status query and its answer). */
    protected Duration onlineWithin() {
        return Duration.ofSeconds(3);
    }

    /** The whole configuration of the device under test: its settings, port, branch and place. */
    protected Map<String, Object> configuration(String port) {
        Map<String, Object> c = new HashMap<>(settings());
        c.put("port", port);
        Location l = location();
        c.put("branch", l.branch());
        if (l.counter() != null) c.put("counter", l.counter());
        if (l.kiosk() != null) c.put("kiosk", l.kiosk());
        if (l.hall() != null) c.put("hall", l.hall());
        return c;
    }

    /**
     * Whether the device is reached over a port: true for every device of wires. A virtual device
     * ({@link VirtualHardware}: its buttons are on a web page) has none; the kit skips the tests of
     * a port for it, and it goes offline and back by the condition its page sets.
     */
    protected boolean wired() {
        return !(create(configuration(PORT)) instanceof VirtualHardware);
    }

    /** The device goes away: its connection drops (a virtual device: its page sets it offline). */
    protected void goAway(H driver, String reason) {
        if (driver instanceof VirtualHardware v) v.condition(DeviceStatus.offline(reason));
        else context.connection().drop(reason);
    }

    /** The device is back: its connection opens again (a virtual device: its page sets it online). */
    protected void comeBack(H driver) {
        if (driver instanceof VirtualHardware v) v.condition(DeviceStatus.online());
        else context.connection().open();
    }

    /** A driver for the kit's port, initialised in a fresh context, and its connection opened and ONLINE. */
    protected H online() {
        H d = started(PORT);
        if (!(d instanceof VirtualHardware)) {
            TestConnection c = context.connection();
            c.answer(device());
            c.open();
        }
        context.awaitStatus(DeviceStatus.State.ONLINE, onlineWithin());
        return d;
    }

    private void requireWired() {
        org.junit.jupiter.api.Assumptions.assumeTrue(wired(), "a device without a port");
    }

    /** A driver for this port, initialised in a fresh context (its connection, if any, not opened). */
    protected H started(String port) {
        if (context != null) context.close();
        context = new TestDeviceContext("test-1", location());
        driver = create(configuration(port));
        long t0 = System.nanoTime();
        H d = driver;
        assertDoesNotThrow(() -> d.initialize(context), "initialize never throws");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < AT_ONCE.toMillis(), "initialize returns at once, took " + ms + " ms");
        return driver;
    }

    /** Disposes the driver under test, checking it returns at once. */
    protected void dispose(H d) {
        long t0 = System.nanoTime();
        assertDoesNotThrow(d::dispose, "dispose never throws");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < AT_ONCE.toMillis(), "dispose returns at once, took " + ms + " ms");
    }

    @AfterEach
    void closeContext() {
        if (driver != null) {
            try {
                driver.dispose();
            } catch (RuntimeException ignored) {
                // checked where it matters
            }
        }
        if (context != null) context.close();
    }

    @Test
    void initializeReturnsAtOnceAndOpensTheConfiguredPort() {
        requireWired();
        started(PORT);
        assertEquals(PORT, context.connection().uri(), "the driver connects to its configured port");
        assertFalse(context.connection().isClosed());
    }

    @Test
    void aConnectedDeviceIsOnlineAndOneWhosePortGoesAwayIsOfflineWithAReason() {
        H d = online();
        goAway(d, "port went away");
        DeviceStatus s = context.awaitStatus(DeviceStatus.State.OFFLINE, Duration.ofSeconds(2));
        assertFalse(s.reason().isBlank(), "offline says why: " + s);
    }

    @Test
    void itComesBackOnlineByItselfWhenThePortReturns() {
        H d = online();
        goAway(d, "cable pulled");
        context.awaitStatus(DeviceStatus.State.OFFLINE, Duration.ofSeconds(2));
        int before = context.connections().size();
        comeBack(d);
        context.awaitStatus(DeviceStatus.State.ONLINE, onlineWithin());
        assertEquals(before, context.connections().size(), "the same connection came back: the driver opened no other");
    }

    @Test
    void aWrongPortIsAStatusNotAnException() {
        requireWired();
        started("no transport here");
        DeviceStatus s = context.awaitStatus(DeviceStatus.State.ERROR, Duration.ofSeconds(1));
        assertTrue(s.reason().contains("no transport here") || !s.reason().isBlank(), s.toString());
    }

    @Test
    void disposeClosesTheConnectionAtOnce() {
        requireWired();
        H d = online();
        TestConnection c = context.connection();
        dispose(d);
        assertTrue(c.isClosed(), "the connection is closed");
        assertNotNull(context.status());
    }
}
