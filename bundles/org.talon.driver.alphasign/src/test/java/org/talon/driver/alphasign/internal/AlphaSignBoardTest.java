package org.talon.driver.alphasign.internal;

import org.talon.device.tck.GoldenBytes;
import org.talon.device.tck.Configurations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.DisplayContent;
import org.talon.device.api.DisplayContent.Call;
import org.talon.device.api.Location;
import org.talon.device.tck.TestConnection;
import org.talon.device.tck.TestDeviceContext;

class AlphaSignBoardTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Call A001 = new Call("A001", "c1", "Window 1", "1");
    private static final Call A002 = new Call("A002", "c3", "Window 3", "3");
    private final TestDeviceContext ctx = new TestDeviceContext("hall-1", new Location("demo", null, null, "main"));
    private final AlphaSignEmulator sign = new AlphaSignEmulator();
    private AlphaSignBoard board;

    @AfterEach
    void close() {
        if (board != null) board.dispose();
        ctx.close();
    }

    private TestConnection start(Map<String, Object> config) {
        Map<String, Object> c = new HashMap<>(Map.of("port", "serial:/dev/ttyUSB0?baud=9600&databits=7&parity=even", "branch", "demo",
                "hall", "main"));
        c.putAll(config);
        board = new AlphaSignBoard(Configurations.of(AlphaSignConfig.class, c));
        board.initialize(ctx);
        TestConnection wire = ctx.connection();
        wire.answer(sign::accept);
        return wire;
    }

    @Test
    void hallUpdateIsOneFrameWithItsChecksum() {
        TestConnection wire = start(Map.of());
        wire.open();
        board.show(new DisplayContent(List.of(A002, A001), A002));
        byte[] expected = GoldenBytes.read(AlphaSignBoardTest.class, "/frames/hall-two-calls.hex");
        assertArrayEquals(expected, wire.awaitWritten(expected.length, SECOND), () -> GoldenBytes.format(wire.written()));
        assertEquals(List.of("A002 -> 3", "A001 -> 1"), sign.shows('A'));
        assertEquals(List.of(true, false), sign.file('A').flashing());
        assertEquals(List.of(), sign.errors());
    }

    @Test
    void counterDisplayAtItsAddressShowsItsOneCall() {
        TestConnection wire = start(Map.of("address", "01", "lines", 1, "hall", "", "counter", "c3"));
        wire.open();
        board.show(new DisplayContent(List.of(new Call("A001", "c3", "Window 3", "3")), null));
        byte[] expected = GoldenBytes.read(AlphaSignBoardTest.class, "/frames/counter-one-call.hex");
        assertArrayEquals(expected, wire.awaitWritten(expected.length, SECOND), () -> GoldenBytes.format(wire.written()));
        assertEquals(List.of("A001 -> 3"), sign.shows('A'));
    }

    @Test
    void clearEmptiesTheTextFile() {
        TestConnection wire = start(Map.of());
        wire.open();
        board.show(new DisplayContent(List.of(A001), A001));
        TestDeviceContext.await(SECOND, () -> sign.packets() == 1, "the sign got no packet");
        wire.take();
        board.show(DisplayContent.empty());
        byte[] expected = GoldenBytes.read(AlphaSignBoardTest.class, "/frames/clear.hex");
        assertArrayEquals(expected, wire.awaitWritten(expected.length, SECOND));
        assertEquals(List.of(), sign.shows('A'));
    }

    @Test
    void nonAsciiTextIsTransliterated() {
        TestConnection wire = start(Map.of());
        wire.open();
        board.show(new DisplayContent(List.of(new Call("Б012", "c4", "Окно 4", "Окно 4"), new Call("Ś007", "c9", null, "Żółć")), null));
        byte[] expected = GoldenBytes.read(AlphaSignBoardTest.class, "/frames/non-ascii.hex");
        assertArrayEquals(expected, wire.awaitWritten(expected.length, SECOND));
        assertEquals(List.of("B012 -> Okno 4", "S007 -> Zolc"), sign.shows('A'));
    }

    @Test
    void contentShownWhileOfflineIsSentOnceConnected() {
        TestConnection wire = start(Map.of());
        board.show(new DisplayContent(List.of(A002, A001), A002));
        ctx.drain();
        assertEquals(0, wire.written().length);
        assertEquals(DeviceStatus.offline("connecting to serial:/dev/ttyUSB0?baud=9600&databits=7&parity=even"), ctx.status());
        wire.open();
        byte[] expected = GoldenBytes.read(AlphaSignBoardTest.class, "/frames/hall-two-calls.hex");
        assertArrayEquals(expected, wire.awaitWritten(expected.length, SECOND));
        assertEquals(DeviceStatus.online(), ctx.status());
    }

    @Test
    void reconnectReportsOfflineThenOnlineAndSendsTheLatestAgain() {
        TestConnection wire = start(Map.of());
        wire.open();
        board.show(new DisplayContent(List.of(A001), A001));
        TestDeviceContext.await(SECOND, () -> sign.packets() == 1, "the sign got no packet");
        wire.drop("port /dev/ttyUSB0 is gone");
        assertEquals(DeviceStatus.offline("port /dev/ttyUSB0 is gone"), ctx.status());
        board.show(new DisplayContent(List.of(A002, A001), A002));
        ctx.drain();
        wire.take();
        wire.open();
        byte[] expected = GoldenBytes.read(AlphaSignBoardTest.class, "/frames/hall-two-calls.hex");
        assertArrayEquals(expected, wire.awaitWritten(expected.length, SECOND));
        assertEquals(List.of(DeviceStatus.offline("connecting to serial:/dev/ttyUSB0?baud=9600&databits=7&parity=even"),
                DeviceStatus.online(), DeviceStatus.offline("port /dev/ttyUSB0 is gone"), DeviceStatus.online()), ctx.statuses());
        assertEquals(List.of("A002 -> 3", "A001 -> 1"), sign.shows('A'));
    }

    @Test
    void aBadPortIsAnErrorNotAnException() {
        board = new AlphaSignBoard(Configurations.of(AlphaSignConfig.class, Map.of("port", "ttyUSB0", "branch", "demo", "hall", "main")));
        board.initialize(ctx);
        assertEquals(DeviceStatus.State.ERROR, ctx.status().state());
        assertTrue(ctx.status().reason().contains("ttyUSB0"), ctx.status().reason());
        board.show(new DisplayContent(List.of(A001), A001));
        ctx.drain();
    }

    @Test
    void aBadSignAddressIsAnErrorAndNoPortIsOpened() {
        board = new AlphaSignBoard(Configurations.of(AlphaSignConfig.class, Map.of("branch", "demo", "hall", "main", "address", "100")));
        board.initialize(ctx);
        assertEquals(DeviceStatus.State.ERROR, ctx.status().state());
        assertTrue(ctx.status().reason().startsWith("address must be two hex digits"), ctx.status().reason());
        assertEquals(List.of(), ctx.connections());
    }

    @Test
    void initializeReturnsAtOnce() {
        board = new AlphaSignBoard(Configurations.of(AlphaSignConfig.class, Map.of("branch", "demo", "hall", "main")));
        long t = System.nanoTime();
        board.initialize(ctx);
        long millis = (System.nanoTime() - t) / 1_000_000;
        assertTrue(millis < 100, "initialize took " + millis + " ms");
        assertEquals(DeviceStatus.State.OFFLINE, ctx.status().state());
    }

    @Test
    void disposeClosesTheConnectionAndWritesNoMore() {
        TestConnection wire = start(Map.of());
        wire.open();
        board.dispose();
        assertTrue(wire.isClosed());
        board.show(new DisplayContent(List.of(A001), A001));
        ctx.drain();
        assertEquals(0, wire.written().length);
        board = null;
    }

    @Test
    void manyChangesLeaveTheSignShowingTheLastOne() {
        TestConnection wire = start(Map.of("lines", 1));
        wire.open();
        for (int i = 1; i <= 50; i++) board.show(new DisplayContent(List.of(new Call(String.format("A%03d", i), "c1", null, "1")), null));
        TestDeviceContext.await(SECOND, () -> List.of("A050 -> 1").equals(sign.shows('A')), "the sign shows " + sign.shows('A'));
        ctx.drain();
        assertEquals(List.of("A050 -> 1"), sign.shows('A'));
        assertEquals(List.of(), sign.errors());
        assertTrue(wire.written().length > 0);
    }
}
