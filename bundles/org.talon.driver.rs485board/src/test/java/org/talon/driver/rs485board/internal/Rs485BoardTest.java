package org.talon.driver.rs485board.internal;

import org.talon.device.tck.GoldenBytes;
import org.talon.device.tck.Configurations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.DisplayContent;
import org.talon.device.api.DisplayContent.Call;
import org.talon.device.api.Location;
import org.talon.device.tck.TestConnection;
import org.talon.device.tck.TestDeviceContext;

class Rs485BoardTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    /** Every test has a line of its own: the pacer is shared by all boards of a line. */
    private static final AtomicInteger LINES = new AtomicInteger();
    private static final Call A001 = new Call("A001", "1", "Window 1", "1");
    private static final Call A002 = new Call("A002", "3", "Window 3", "3");
    private static final Call A003 = new Call("A003", "2", "Window 2", "2");
    private final String port = "serial:/dev/ttyRS485-" + LINES.incrementAndGet() + "?baud=9600&databits=8&parity=none&stopbits=2";
    private final Rs485LineEmulator line = new Rs485LineEmulator(Set.of(32, 33, 34, 35), Charset.forName("cp1251"), false);
    private final List<Rs485Board> boards = new ArrayList<>();
    private final List<TestDeviceContext> contexts = new ArrayList<>();

    @AfterEach
    void close() {
        boards.forEach(Rs485Board::dispose);
        contexts.forEach(TestDeviceContext::close);
    }

    /** A board of the test's line, its connection answering into the line emulator, not opened yet. */
    private TestConnection board(Map<String, Object> config) {
        Map<String, Object> c = new HashMap<>(Map.of("port", port, "branch", "demo"));
        c.putAll(config);
        boolean atCounter = c.containsKey("counter");
        if (!atCounter) c.putIfAbsent("hall", "main");
        TestDeviceContext ctx = new TestDeviceContext("board-" + c.get("address"),
                new Location("demo", atCounter ? (String) c.get("counter") : null, null, atCounter ? null : "main"));
        contexts.add(ctx);
        Rs485Board b = new Rs485Board(Configurations.of(Rs485BoardConfig.class, c));
        boards.add(b);
        b.initialize(ctx);
        TestConnection wire = ctx.connection();
        wire.answer(line::accept);
        return wire;
    }

    private Rs485Board last() {
        return boards.get(boards.size() - 1);
    }

    private TestDeviceContext lastContext() {
        return contexts.get(contexts.size() - 1);
    }

    @Test
    void counterBoardUpdateIsOneFrame() {
        TestConnection wire = board(Map.of("counter", "3"));
        wire.open();
        last().show(new DisplayContent(List.of(A001), A001));
        byte[] expected = GoldenBytes.read(Rs485BoardTest.class, "/frames/counter-board.hex");
        assertArrayEquals(expected, wire.awaitWritten(expected.length, SECOND), () -> GoldenBytes.format(wire.written()));
        assertEquals("A001", line.shows(32));
        assertEquals(DeviceStatus.online(), lastContext().status());
        assertEquals(List.of(), line.errors());
    }

    @Test
    void clearSendsSpaces() throws Exception {
        TestConnection wire = board(Map.of("counter", "3", "pauseMillis", 20));
        wire.open();
        last().show(new DisplayContent(List.of(A001), A001));
        TestDeviceContext.await(SECOND, () -> "A001".equals(line.shows(32)), "the board shows " + line.shows(32));
        wire.take();
        last().show(DisplayContent.empty());
        byte[] expected = GoldenBytes.read(Rs485BoardTest.class, "/frames/clear.hex");
        assertArrayEquals(expected, wire.awaitWritten(expected.length, SECOND));
        assertEquals("    ", line.shows(32));
    }

    @Test
    void cyrillicHallRowIsSentInCp1251() {
        TestConnection wire = board(Map.of("address", 33, "width", 11));
        wire.open();
        last().show(new DisplayContent(List.of(new Call("Б012", "4", "Окно 4", "Окно 4")), null));
        byte[] expected = GoldenBytes.read(Rs485BoardTest.class, "/frames/cyrillic-cp1251.hex");
        assertArrayEquals(expected, wire.awaitWritten(expected.length, SECOND));
        assertEquals("Б012 Окно 4", line.shows(33));
    }

    @Test
    void theRowsOfAHallBoardShareTheLineAndFramesAreSpacedByThePause() {
        List<TestConnection> wires = new ArrayList<>();
        for (int row = 1; row <= 3; row++) wires.add(board(Map.of("address", 32 + row, "row", row, "width", 8, "pauseMillis", 100)));
        wires.forEach(TestConnection::open);
        DisplayContent content = new DisplayContent(List.of(A003, A002, A001), A003);
        boards.forEach(b -> b.show(content));
        TestDeviceContext.await(Duration.ofSeconds(2), () -> line.frames().size() == 3, "frames on the line: " + line.frames());
        assertEquals("A003   2", line.shows(33));
        assertEquals("A002   3", line.shows(34));
        assertEquals("A001   1", line.shows(35));
        List<Rs485LineEmulator.Frame> f = line.frames();
        for (int i = 1; i < f.size(); i++) {
            long gap = (f.get(i).nanos() - f.get(i - 1).nanos()) / 1_000_000;
            assertTrue(gap >= 99, "frame " + i + " came " + gap + " ms after the one before, inside the 100 ms pause");
        }
        assertEquals(List.of(), line.errors());
    }

    @Test
    void framesToOneBoardWaitThePauseFromTheSourceAndOnlyTheLatestWaits() {
        TestConnection wire = board(Map.of("counter", "3")); // pauseMillis: QSystem's 300 ms
        wire.open();
        last().show(new DisplayContent(List.of(A001), A001));
        TestDeviceContext.await(SECOND, () -> "A001".equals(line.shows(32)), "the board shows " + line.shows(32));
        for (int i = 2; i <= 5; i++) last().show(new DisplayContent(List.of(new Call("A00" + i, "3", null, "3")), null));
        TestDeviceContext.await(SECOND, () -> "A005".equals(line.shows(32)), "the board shows " + line.shows(32));
        List<Rs485LineEmulator.Frame> f = line.frames();
        assertEquals(List.of("A001", "A005"), f.stream().map(Rs485LineEmulator.Frame::text).toList(), "the changes that waited went as one");
        long gap = (f.get(1).nanos() - f.get(0).nanos()) / 1_000_000;
        assertTrue(gap >= 299, "the second frame came " + gap + " ms after the first");
    }

    @Test
    void blinkByteBoardsBlinkTheNewCall() {
        Rs485LineEmulator belgorod = new Rs485LineEmulator(Set.of(32), Charset.forName("cp1251"), true);
        TestConnection wire = board(Map.of("counter", "3", "blinkByte", true));
        wire.answer(belgorod::accept);
        wire.open();
        last().show(new DisplayContent(List.of(A001), A001));
        byte[] expected = GoldenBytes.read(Rs485BoardTest.class, "/frames/blink-byte.hex");
        assertArrayEquals(expected, wire.awaitWritten(expected.length, SECOND));
        assertEquals(BoardFrames.BLINK, belgorod.blink(32));
        assertEquals("A001", belgorod.shows(32));
    }

    @Test
    void contentShownWhileOfflineIsSentOnceConnected() {
        TestConnection wire = board(Map.of("counter", "3"));
        last().show(new DisplayContent(List.of(A001), A001));
        lastContext().drain();
        assertEquals(0, wire.written().length);
        assertEquals(DeviceStatus.offline("connecting to " + port), lastContext().status());
        wire.open();
        byte[] expected = GoldenBytes.read(Rs485BoardTest.class, "/frames/counter-board.hex");
        assertArrayEquals(expected, wire.awaitWritten(expected.length, SECOND));
    }

    @Test
    void reconnectReportsOfflineThenOnlineAndSendsTheLatestAgain() {
        TestConnection wire = board(Map.of("counter", "3", "pauseMillis", 20));
        wire.open();
        last().show(new DisplayContent(List.of(new Call("A009", "3", null, "3")), null));
        TestDeviceContext.await(SECOND, () -> "A009".equals(line.shows(32)), "the board shows " + line.shows(32));
        wire.drop("port /dev/ttyUSB0 is gone");
        assertEquals(DeviceStatus.offline("port /dev/ttyUSB0 is gone"), lastContext().status());
        last().show(new DisplayContent(List.of(A001), A001));
        lastContext().drain();
        wire.take();
        wire.open();
        byte[] expected = GoldenBytes.read(Rs485BoardTest.class, "/frames/counter-board.hex");
        assertArrayEquals(expected, wire.awaitWritten(expected.length, SECOND));
        assertEquals(List.of(DeviceStatus.offline("connecting to " + port), DeviceStatus.online(),
                DeviceStatus.offline("port /dev/ttyUSB0 is gone"), DeviceStatus.online()), lastContext().statuses());
    }

    @Test
    void aBadPortIsAnErrorNotAnException() {
        TestDeviceContext ctx = TestDeviceContext.atCounter();
        contexts.add(ctx);
        Rs485Board b = new Rs485Board(Configurations.of(Rs485BoardConfig.class, Map.of("port", "ttyS0", "branch", "demo", "counter", "1")));
        boards.add(b);
        b.initialize(ctx);
        assertEquals(DeviceStatus.State.ERROR, ctx.status().state());
        assertTrue(ctx.status().reason().contains("ttyS0"), ctx.status().reason());
        b.show(new DisplayContent(List.of(A001), A001));
        ctx.drain();
    }

    @Test
    void aWrongSettingIsAnErrorAndNoPortIsOpened() {
        TestDeviceContext ctx = TestDeviceContext.atCounter();
        contexts.add(ctx);
        Rs485Board b = new Rs485Board(Configurations.of(Rs485BoardConfig.class, Map.of("branch", "demo", "counter", "1", "charset", "utf-8")));
        boards.add(b);
        b.initialize(ctx);
        assertEquals(DeviceStatus.State.ERROR, ctx.status().state());
        assertTrue(ctx.status().reason().contains("one-byte code page"), ctx.status().reason());
        assertEquals(List.of(), ctx.connections());
    }

    @Test
    void initializeReturnsAtOnce() {
        TestDeviceContext ctx = TestDeviceContext.atCounter();
        contexts.add(ctx);
        Rs485Board b = new Rs485Board(Configurations.of(Rs485BoardConfig.class, Map.of("port", port, "branch", "demo", "counter", "1")));
        boards.add(b);
        long t = System.nanoTime();
        b.initialize(ctx);
        long millis = (System.nanoTime() - t) / 1_000_000;
        assertTrue(millis < 100, "initialize took " + millis + " ms");
        assertEquals(DeviceStatus.State.OFFLINE, ctx.status().state());
    }

    @Test
    void disposeClosesTheConnectionAndDropsTheFrameWaitingForThePause() throws Exception {
        TestConnection wire = board(Map.of("counter", "3"));
        wire.open();
        last().show(new DisplayContent(List.of(A001), A001));
        TestDeviceContext.await(SECOND, () -> "A001".equals(line.shows(32)), "the board shows " + line.shows(32));
        last().show(new DisplayContent(List.of(A002), A002)); // waits for the 300 ms pause
        last().dispose();
        assertTrue(wire.isClosed());
        Thread.sleep(450);
        assertEquals("A001", line.shows(32));
        assertEquals(1, line.frames().size());
    }
}
