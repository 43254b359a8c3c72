package org.talon.driver.modbusled.internal;

import org.talon.device.tck.GoldenBytes;
import org.talon.device.tck.Configurations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.DisplayContent;
import org.talon.device.api.DisplayContent.Call;
import org.talon.device.tck.TestConnection;
import org.talon.device.tck.TestDeviceContext;

class ModbusLedDisplayTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String PORT = "serial:/dev/ttyUSB1?baud=9600&databits=8&parity=none&stopbits=1";
    private final TestDeviceContext ctx = TestDeviceContext.atCounter();
    private ModbusSlaveEmulator unit = new ModbusSlaveEmulator(1, 0, 4, 0x7F);
    private ModbusLedDisplay display;

    @AfterEach
    void close() {
        if (display != null) display.dispose();
        ctx.close();
    }

    private static DisplayContent showing(String number) {
        Call c = new Call(number, "1", "Window 1", "1");
        return new DisplayContent(List.of(c), c);
    }

    private TestConnection start(Map<String, Object> config) {
        Map<String, Object> c = new HashMap<>(Map.of("port", PORT, "branch", "demo", "counter", "1"));
        c.putAll(config);
        display = new ModbusLedDisplay(Configurations.of(ModbusLedConfig.class, c));
        display.initialize(ctx);
        return ctx.connection();
    }

    /** Connected, the blanking probe answered: ONLINE, the wire emptied. */
    private TestConnection online(Map<String, Object> config) {
        TestConnection wire = start(config);
        wire.answer(unit::accept);
        wire.open();
        ctx.awaitStatus(DeviceStatus.State.ONLINE, SECOND);
        // ONLINE comes with the first answer; with function 6 the blanking goes on a frame a register: let it end
        int n;
        do {
            n = wire.written().length;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            ctx.drain();
        } while (wire.written().length != n);
        wire.take();
        return wire;
    }

    @Test
    void connectingBlanksTheDisplayAndItsAnswerMakesItOnline() {
        TestConnection wire = start(Map.of());
        wire.answer(unit::accept);
        wire.open();
        ctx.awaitStatus(DeviceStatus.State.ONLINE, SECOND);
        assertArrayEquals(GoldenBytes.read(ModbusLedDisplayTest.class, "/frames/clear-ascii.hex"), wire.written());
        assertEquals("    ", unit.asciiShown());
        assertEquals(List.of(DeviceStatus.offline("connecting to " + PORT), DeviceStatus.offline("waiting for an answer from unit 1"),
                DeviceStatus.online()), ctx.statuses());
    }

    @Test
    void counterUpdateIsOneWriteMultipleRegistersFrameWithItsCrc() {
        TestConnection wire = online(Map.of());
        display.show(showing("A001"));
        byte[] expected = GoldenBytes.read(ModbusLedDisplayTest.class, "/frames/counter-ascii-fc16.hex");
        assertArrayEquals(expected, wire.awaitWritten(expected.length, SECOND), () -> GoldenBytes.format(wire.written()));
        TestDeviceContext.await(SECOND, () -> "A001".equals(unit.asciiShown()), "the display shows " + unit.asciiShown());
        assertEquals(List.of(), unit.errors());
    }

    @Test
    void clearWritesBlanks() {
        TestConnection wire = online(Map.of());
        display.show(showing("A001"));
        TestDeviceContext.await(SECOND, () -> "A001".equals(unit.asciiShown()), "the display shows " + unit.asciiShown());
        ctx.drain();
        wire.take();
        display.show(DisplayContent.empty());
        byte[] expected = GoldenBytes.read(ModbusLedDisplayTest.class, "/frames/clear-ascii.hex");
        assertArrayEquals(expected, wire.awaitWritten(expected.length, SECOND));
        TestDeviceContext.await(SECOND, () -> "    ".equals(unit.asciiShown()), "the display shows " + unit.asciiShown());
    }

    @Test
    void cyrillicTicketIsTransliterated() {
        TestConnection wire = online(Map.of());
        display.show(showing("Б12"));
        byte[] expected = GoldenBytes.read(ModbusLedDisplayTest.class, "/frames/non-ascii-ascii.hex");
        assertArrayEquals(expected, wire.awaitWritten(expected.length, SECOND));
    }

    @Test
    void digitsFormatAtUnit5FromRegister100() {
        unit = new ModbusSlaveEmulator(5, 100, 4, 0x0F);
        TestConnection wire = online(Map.of("unitId", 5, "register", 100, "format", "digits"));
        display.show(showing("A012"));
        byte[] expected = GoldenBytes.read(ModbusLedDisplayTest.class, "/frames/digits-unit5-reg100.hex");
        assertArrayEquals(expected, wire.awaitWritten(expected.length, SECOND));
        TestDeviceContext.await(SECOND, () -> Integer.valueOf(2).equals(unit.register(103)), "register 103 is " + unit.register(103));
        assertEquals(15, unit.register(100));
    }

    @Test
    void numberFormatWithWriteSingleRegister() {
        unit = new ModbusSlaveEmulator(1, 0, 1, 9999);
        TestConnection wire = online(Map.of("format", "number", "function", 6));
        display.show(showing("A012"));
        byte[] expected = GoldenBytes.read(ModbusLedDisplayTest.class, "/frames/number-fc06.hex");
        assertArrayEquals(expected, wire.awaitWritten(expected.length, SECOND));
        TestDeviceContext.await(SECOND, () -> Integer.valueOf(12).equals(unit.register(0)), "register 0 is " + unit.register(0));
    }

    @Test
    void writeSingleRegisterSendsEachFrameOnlyAfterThePreviousWasAnswered() throws Exception {
        TestConnection wire = online(Map.of("function", 6));
        List<byte[]> heard = new CopyOnWriteArrayList<>();
        wire.answer(bytes -> {
            heard.add(bytes);
            return null; // the test answers by hand
        });
        display.show(showing("A001"));
        byte[] expected = GoldenBytes.read(ModbusLedDisplayTest.class, "/frames/counter-ascii-fc06.hex");
        for (int i = 0; i < 4; i++) {
            int frames = i + 1;
            TestDeviceContext.await(SECOND, () -> heard.size() == frames, "frames sent: " + heard.size());
            Thread.sleep(60);
            assertEquals(frames, heard.size(), "a frame went before the previous one was answered");
            assertArrayEquals(Arrays.copyOfRange(expected, 8 * i, 8 * i + 8), heard.get(i));
            wire.send(unit.accept(heard.get(i)));
        }
        TestDeviceContext.await(SECOND, () -> "A001".equals(unit.asciiShown()), "the display shows " + unit.asciiShown());
        assertArrayEquals(expected, wire.written());
    }

    @Test
    void anAnswerArrivingInPiecesIsPutTogether() {
        TestConnection wire = online(Map.of());
        wire.answer(bytes -> {
            byte[] a = unit.accept(bytes);
            wire.send(Arrays.copyOfRange(a, 0, 3));
            wire.send(Arrays.copyOfRange(a, 3, a.length));
            return null;
        });
        display.show(showing("A002"));
        display.show(showing("A003"));
        TestDeviceContext.await(SECOND, () -> "A003".equals(unit.asciiShown()), "the display shows " + unit.asciiShown());
        assertEquals(DeviceStatus.online(), ctx.status());
        assertNull(wire.reconnectReason());
    }

    @Test
    void noAnswerIsAskedOnceMoreThenThePortIsReopenedAndTheDisplayOffline() {
        TestConnection wire = online(Map.of());
        unit.silent(true);
        List<Long> at = new CopyOnWriteArrayList<>();
        wire.answer(bytes -> {
            at.add(System.nanoTime());
            return unit.accept(bytes);
        });
        display.show(showing("A001"));
        TestDeviceContext.await(Duration.ofSeconds(3), () -> wire.reconnectReason() != null, "the driver never gave up");
        assertEquals("no answer from unit 1", wire.reconnectReason());
        assertEquals(DeviceStatus.offline("no answer from unit 1"), ctx.status());
        byte[] frame = GoldenBytes.read(ModbusLedDisplayTest.class, "/frames/counter-ascii-fc16.hex");
        byte[] twice = new byte[2 * frame.length];
        System.arraycopy(frame, 0, twice, 0, frame.length);
        System.arraycopy(frame, 0, twice, frame.length, frame.length);
        assertArrayEquals(twice, wire.written(), "the request, then once more");
        long waited = (at.get(1) - at.get(0)) / 1_000_000;
        assertTrue(waited >= 450 && waited < 1500, "asked again after " + waited + " ms");
    }

    @Test
    void aGarbledAnswerIsDroppedAndTheRequestAskedAgain() {
        TestConnection wire = online(Map.of("timeoutMillis", 200));
        int probes = unit.requests().size();
        AtomicInteger answers = new AtomicInteger();
        wire.answer(bytes -> {
            byte[] a = unit.accept(bytes);
            if (answers.incrementAndGet() == 1) a[a.length - 1] ^= 0x55; // the first answer's CRC is broken on the wire
            return a;
        });
        display.show(showing("A001"));
        TestDeviceContext.await(SECOND, () -> answers.get() == 2, "asked " + answers.get() + " times");
        ctx.drain();
        assertEquals(DeviceStatus.online(), ctx.status());
        assertNull(wire.reconnectReason());
        assertEquals(probes + 2, unit.requests().size(), "the request and, after the garbled answer, once more");
    }

    @Test
    void anExceptionAnswerIsAnErrorWithTheUnitsReasonUntilAWriteSucceeds() {
        TestConnection wire = online(Map.of());
        unit.refuseWith(0x02);
        display.show(showing("A001"));
        ctx.awaitStatus(DeviceStatus.State.ERROR, SECOND);
        assertEquals(DeviceStatus.error("unit 1 answered exception 02 (illegal data address) to function 16 at register 0"), ctx.status());
        assertNull(wire.reconnectReason(), "a unit that answers is there: no reconnect");
        unit.refuseWith(0);
        display.show(showing("A002"));
        ctx.awaitStatus(DeviceStatus.State.ONLINE, SECOND);
        assertEquals("A002", unit.asciiShown());
    }

    @Test
    void reconnectReportsOfflineThenOnlineAndWritesTheLatestAgain() {
        TestConnection wire = online(Map.of());
        display.show(showing("A001"));
        TestDeviceContext.await(SECOND, () -> "A001".equals(unit.asciiShown()), "the display shows " + unit.asciiShown());
        wire.drop("port /dev/ttyUSB1 is gone");
        assertEquals(DeviceStatus.offline("port /dev/ttyUSB1 is gone"), ctx.status());
        display.show(showing("A002"));
        ctx.drain();
        wire.take();
        unit = new ModbusSlaveEmulator(1, 0, 4, 0x7F); // it lost its registers while off
        wire.answer(unit::accept);
        wire.open();
        ctx.awaitStatus(DeviceStatus.State.ONLINE, SECOND);
        TestDeviceContext.await(SECOND, () -> "A002".equals(unit.asciiShown()), "the display shows " + unit.asciiShown());
        List<DeviceStatus> s = ctx.statuses();
        assertEquals(List.of(DeviceStatus.offline("port /dev/ttyUSB1 is gone"), DeviceStatus.offline("waiting for an answer from unit 1"),
                DeviceStatus.online()), s.subList(s.size() - 3, s.size()));
    }

    @Test
    void aBadPortIsAnErrorNotAnException() {
        display = new ModbusLedDisplay(Configurations.of(ModbusLedConfig.class, Map.of("port", "COM3", "branch", "demo", "counter", "1")));
        display.initialize(ctx);
        assertEquals(DeviceStatus.State.ERROR, ctx.status().state());
        assertTrue(ctx.status().reason().contains("COM3"), ctx.status().reason());
        display.show(showing("A001"));
        ctx.drain();
    }

    @Test
    void aWrongSettingIsAnErrorAndNoPortIsOpened() {
        display = new ModbusLedDisplay(Configurations.of(ModbusLedConfig.class, Map.of("branch", "demo", "counter", "1", "unitId", 0)));
        display.initialize(ctx);
        assertEquals(DeviceStatus.error("unitId must be 1 to 247, not 0"), ctx.status());
        assertEquals(List.of(), ctx.connections());
        TestDeviceContext other = TestDeviceContext.atCounter();
        ModbusLedDisplay d = new ModbusLedDisplay(Configurations.of(ModbusLedConfig.class, Map.of("branch", "demo", "counter", "1", "function", 3)));
        d.initialize(other);
        assertTrue(other.status().reason().startsWith("function must be 16"), other.status().reason());
        other.close();
    }

    @Test
    void initializeReturnsAtOnce() {
        display = new ModbusLedDisplay(Configurations.of(ModbusLedConfig.class, Map.of("branch", "demo", "counter", "1")));
        long t = System.nanoTime();
        display.initialize(ctx);
        long millis = (System.nanoTime() - t) / 1_000_000;
        assertTrue(millis < 100, "initialize took " + millis + " ms");
        assertEquals(DeviceStatus.State.OFFLINE, ctx.status().state());
    }

    @Test
    void disposeClosesTheConnectionAndCancelsTheWaitForAnAnswer() throws Exception {
        TestConnection wire = online(Map.of());
        unit.silent(true);
        display.show(showing("A001"));
        wire.awaitWritten(17, SECOND);
        display.dispose();
        assertTrue(wire.isClosed());
        Thread.sleep(1200);
        assertNull(wire.reconnectReason(), "nothing runs after dispose");
        assertEquals(17, wire.written().length);
        display = null;
    }
}
