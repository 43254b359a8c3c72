package org.talon.driver.talonserial.internal;

import org.talon.device.tck.GoldenBytes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.DeviceStatus.State;
import org.talon.device.api.KeypadKey;
import org.talon.device.tck.TestConnection;
import org.talon.device.tck.TestDeviceContext;

class TalonSerialKeypadTest {
    private static final String PORT = "serial:/dev/ttyACM0?baud=115200&parity=none";
    private static final Duration SOON = Duration.ofSeconds(2);
    private final TestDeviceContext ctx = TestDeviceContext.atCounter();
    private final TalonSerialEmulator device = new TalonSerialEmulator("keypad");
    private TalonSerialKeypad keypad;

    @AfterEach
    void close() {
        if (keypad != null) keypad.dispose();
        ctx.close();
        assertEquals(List.of(), device.violations(), "what Talon wrote breaks the protocol");
    }

    private TestConnection start(int pingSeconds) {
        keypad = new TalonSerialKeypad(Configs.keypad(PORT, pingSeconds));
        keypad.initialize(ctx);
        TestConnection c = ctx.connection();
        c.answer(device::accept);
        return c;
    }

    /** Opens the line to a device that answers the first PING, and waits for ONLINE. */
    private TestConnection online(int pingSeconds) {
        TestConnection c = start(pingSeconds);
        c.open();
        ctx.awaitStatus(State.ONLINE, SOON);
        return c;
    }

    private static byte[] awaitExactly(TestConnection c, byte[] expected) {
        byte[] written = c.awaitWritten(expected.length, SOON);
        assertEquals(GoldenBytes.show(expected), GoldenBytes.show(written));
        return written;
    }

    @Test
    void initializeReturnsAtOnceAndReportsConnecting() {
        keypad = new TalonSerialKeypad(Configs.keypad(PORT, 5));
        long t0 = System.nanoTime();
        keypad.initialize(ctx);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < 100, "initialize took " + millis + " ms");
        assertEquals(DeviceStatus.offline("connecting to " + PORT), ctx.status());
        assertEquals(0, ctx.connection().written().length, "nothing is written before the port is open");
    }

    @Test
    void aSerialPortWithoutSpeedIsOpenedAt115200() {
        keypad = new TalonSerialKeypad(Configs.keypad("serial:/dev/serial/by-id/usb-Arduino_Uno", 5));
        keypad.initialize(ctx);
        assertEquals("serial:/dev/serial/by-id/usb-Arduino_Uno?baud=115200", ctx.connection().uri());
    }

    @Test
    void aBadPortIsAnErrorNotAnException() {
        keypad = new TalonSerialKeypad(Configs.keypad("ttyACM0", 5));
        keypad.initialize(ctx);
        assertEquals(State.ERROR, ctx.status().state());
        assertTrue(ctx.status().reason().contains("ttyACM0"), ctx.status().reason());
        assertTrue(ctx.connections().isEmpty());
    }

    @Test
    void noPortIsAnError() {
        keypad = new TalonSerialKeypad(Configs.keypad("", 5));
        keypad.initialize(ctx);
        assertEquals(DeviceStatus.error("no port configured"), ctx.status());
    }

    @Test
    void aBootingDeviceGetsOnlyPingUntilItsHelloThenTheLatestScreen() {
        TestConnection c = start(5);
        keypad.show("A001", "3 waiting"); // before the port is open: kept
        device.deaf(true); // an Uno resets when the port opens: its bootloader hears nothing of ours
        c.open();
        assertEquals("PING\\n", GoldenBytes.show(c.awaitWritten(5, SOON)));
        assertEquals(State.OFFLINE, ctx.status().state(), "not ONLINE before HELLO or PONG");
        c.send(device.boot());
        ctx.awaitStatus(State.ONLINE, SOON);
        awaitExactly(c, GoldenBytes.read(TalonSerialKeypadTest.class, "/keypad-online.hex"));
        settle();
        assertEquals("A001", device.line1());
        assertEquals("3 waiting", device.line2());
        assertEquals("on", device.led());
    }

    @Test
    void aDeviceThatDoesNotResetIsOnlineByItsPong() {
        TestConnection c = start(5);
        keypad.show("A001", "3 waiting");
        c.open(); // an RP2040 or a Leonardo: native USB, no reset, answers the first PING
        ctx.awaitStatus(State.ONLINE, SOON);
        awaitExactly(c, GoldenBytes.read(TalonSerialKeypadTest.class, "/keypad-online.hex"));
        assertEquals(List.of(DeviceStatus.offline("connecting to " + PORT), DeviceStatus.online()), ctx.statuses());
    }

    @Test
    void showWhileOnlineWritesTheScreenAndTheLed() {
        TestConnection c = online(5);
        settle();
        c.take();
        keypad.show("Counter 12 A-0042", "17 waiting, about 25 min");
        awaitExactly(c, GoldenBytes.read(TalonSerialKeypadTest.class, "/show-truncated.hex"));
        c.take();
        keypad.show("", null);
        awaitExactly(c, GoldenBytes.read(TalonSerialKeypadTest.class, "/show-clear.hex"));
        settle();
        assertEquals("", device.line1());
        assertEquals("off", device.led());
    }

    @Test
    void cyrillicAndPolishAreTransliteratedForTheLcd() {
        TestConnection c = online(5);
        settle();
        c.take();
        keypad.show("Окно 3", "Ждут: 4");
        awaitExactly(c, GoldenBytes.read(TalonSerialKeypadTest.class, "/show-cyrillic.hex"));
        c.take();
        keypad.show("Okienko ś", "Czeka: 4 osób");
        awaitExactly(c, GoldenBytes.read(TalonSerialKeypadTest.class, "/show-polish.hex"));
        settle();
        assertEquals("Okienko s", device.line1());
        assertEquals("Czeka: 4 osob", device.line2());
    }

    @Test
    void keyLinesAreKeyPressesEvenInPieces() {
        TestConnection c = start(5);
        c.open();
        byte[] recorded = GoldenBytes.read(TalonSerialKeypadTest.class, "/keypad-presses.hex");
        for (int i = 0; i < recorded.length; i += 3) c.send(Arrays.copyOfRange(recorded, i, Math.min(recorded.length, i + 3)));
        settle();
        assertEquals(List.of(KeypadKey.CALL, KeypadKey.SERVE, KeypadKey.FINISH, KeypadKey.NO_SHOW), ctx.keys());
        assertEquals(0, keypad.ignoredLines());
        assertEquals(State.ONLINE, ctx.status().state(), "the recording begins with HELLO");
    }

    @Test
    void malformedLinesAreIgnoredCountedAndTheKeypadStaysOnline() {
        TestConnection c = online(5);
        c.send(GoldenBytes.read(TalonSerialKeypadTest.class, "/keypad-malformed.hex"));
        settle();
        assertEquals(List.of(KeypadKey.SERVE), ctx.keys());
        assertEquals(10, keypad.ignoredLines());
        assertEquals(DeviceStatus.online(), ctx.status());
        c.send(device.press(KeypadKey.RECALL));
        settle();
        assertEquals(List.of(KeypadKey.SERVE, KeypadKey.RECALL), ctx.keys(), "a line after the bad ones is read as usual");
    }

    @Test
    void okAnswersAreTakenAndNotCounted() {
        device.acknowledging(true);
        TestConnection c = online(5);
        keypad.show("A002", "");
        settle();
        c.send(device.press(KeypadKey.CALL));
        settle();
        assertEquals(0, keypad.ignoredLines());
        assertEquals(List.of(KeypadKey.CALL), ctx.keys());
    }

    @Test
    void unansweredPingsReconnectAndReportOffline() {
        TestConnection c = online(1);
        settle();
        c.take();
        long t0 = System.nanoTime();
        device.deaf(true); // the sketch hangs
        DeviceStatus s = ctx.awaitStatus(State.OFFLINE, Duration.ofSeconds(5));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(DeviceStatus.offline("no answer to PING"), s);
        assertEquals("no answer to PING", c.reconnectReason());
        assertFalse(c.isConnected());
        assertTrue(millis >= 1900, "two PINGs, a second each, before giving up; gave up after " + millis + " ms");
        byte[] ping = GoldenBytes.read(TalonSerialKeypadTest.class, "/ping.hex");
        assertEquals(GoldenBytes.show(GoldenBytes.concat(ping, ping)), GoldenBytes.show(c.written()), "the missed PING is sent once more at once");
    }

    @Test
    void afterAReconnectHelloMakesItOnlineAndTheScreenIsSentAgain() {
        TestConnection c = online(5);
        keypad.show("A001", "3 waiting");
        settle();
        c.drop("port /dev/ttyACM0 is gone");
        assertEquals(DeviceStatus.offline("port /dev/ttyACM0 is gone"), ctx.status());
        keypad.show("A001", "2 waiting"); // while offline: kept, not written
        settle();
        c.take();
        device.deaf(true);
        c.open(); // reopening resets the Uno
        settle();
        c.send(device.boot());
        ctx.awaitStatus(State.ONLINE, SOON);
        awaitExactly(c, "PING\nSHOW A001|2 waiting\nLED on\n".getBytes());
        assertEquals(State.ONLINE, ctx.status().state());
        List<DeviceStatus> s = ctx.statuses();
        assertEquals(List.of(DeviceStatus.online(), DeviceStatus.offline("port /dev/ttyACM0 is gone"), DeviceStatus.online()),
                s.subList(s.size() - 3, s.size()));
    }

    @Test
    void aDeviceRestartingOnItsOwnIsToldTheScreenAgain() {
        TestConnection c = online(5);
        keypad.show("B007", "");
        settle();
        c.take();
        c.send(device.boot()); // the watchdog reset it: its screen is blank
        awaitExactly(c, "SHOW B007|\nLED on\n".getBytes());
        settle();
        assertEquals("B007", device.line1());
    }

    @Test
    void aDeviceThatNeverAnswersIsOfflineAndNotReconnected() {
        TestConnection c = start(1);
        device.deaf(true);
        c.open();
        ctx.awaitStatus(State.OFFLINE, SOON);
        TestDeviceContext.await(Duration.ofSeconds(4), () -> ctx.status().reason().startsWith("no answer from"),
                "status is " + ctx.status());
        assertEquals(DeviceStatus.offline("no answer from " + PORT), ctx.status());
        assertNull(c.reconnectReason(), "reopening an Uno resets it; one that never answered is not reset again and again");
        assertTrue(c.isConnected());
        c.send(device.boot());
        ctx.awaitStatus(State.ONLINE, SOON);
    }

    @Test
    void aFeedbackTerminalOnTheKeypadsPortIsAnError() {
        TalonSerialEmulator wrong = new TalonSerialEmulator("feedback");
        TestConnection c = start(5);
        device.deaf(true);
        c.open();
        c.send(wrong.boot());
        settle();
        assertEquals(DeviceStatus.error("the device on " + PORT + " says it is a feedback, not a keypad"), ctx.status());
        c.take();
        keypad.show("A001", "");
        settle();
        assertEquals(0, c.take().length, "nothing is shown on a device of another kind");
        c.send(new TalonSerialEmulator("combo").boot());
        ctx.awaitStatus(State.ONLINE, SOON);
    }

    @Test
    void disposeClosesTheConnectionAndStopsPinging() {
        TestConnection c = online(1);
        settle();
        device.deaf(true);
        int statuses = ctx.statuses().size();
        keypad.dispose();
        assertTrue(c.isClosed());
        sleep(2600); // two PING windows: a keypad still pinging would report OFFLINE by now
        assertEquals(statuses, ctx.statuses().size(), "statuses after dispose: " + ctx.statuses());
        assertNull(c.reconnectReason());
        keypad = null;
    }

    /** Waits until what is queued on the scheduler and the wire, and what that queued, is done. */
    private void settle() {
        for (int i = 0; i < 3; i++) ctx.drain();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
