package org.talon.driver.escpos.internal;

import org.talon.device.tck.GoldenBytes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.DeviceStatus.State;
import org.talon.device.api.Location;
import org.talon.device.api.PrintFailedException;
import org.talon.device.tck.TestConnection;
import org.talon.device.tck.TestDeviceContext;

class EscPosPrinterTest {
    private static final Duration SOON = Duration.ofSeconds(3);
    private static final byte[] QUERY = GoldenBytes.read(EscPosPrinterTest.class, "status-query.hex");

    private final TestDeviceContext ctx = new TestDeviceContext("kiosk1", new Location("demo", null, "kiosk-1", null));
    private final EscPosEmulator printer = new EscPosEmulator();
    private EscPosPrinter driver;

    @AfterEach
    void close() {
        if (driver != null) driver.dispose();
        ctx.close();
        assertEquals(List.of(), printer.errors(), "what the emulator could not parse");
    }

    /** A driver initialised with these settings, not connected yet. */
    private TestConnection start(Object... settings) {
        driver = new EscPosPrinter(Configs.printer(settings));
        driver.initialize(ctx);
        TestConnection c = ctx.connection();
        c.answer(printer::accept);
        return c;
    }

    /** A driver connected to the emulator, online, with nothing written yet. */
    private TestConnection online(Object... settings) {
        TestConnection c = start(settings);
        c.open();
        ctx.awaitStatus(State.ONLINE, SOON);
        ctx.drain();
        c.take();
        return c;
    }

    private static void completes(CompletionStage<Void> print) throws Exception {
        print.toCompletableFuture().get(SOON.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static PrintFailedException failure(CompletionStage<Void> print) throws Exception {
        try {
            print.toCompletableFuture().get(SOON.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return assertInstanceOf(PrintFailedException.class, e.getCause());
        }
        return fail("the print did not fail");
    }

    private static byte[] concat(byte[]... parts) {
        EscPos.Bytes b = new EscPos.Bytes();
        for (byte[] p : parts) b.add(p);
        return b.toArray();
    }

    private static void assertWritten(byte[] expected, byte[] actual) {
        assertEquals(GoldenBytes.format(expected), GoldenBytes.format(actual));
    }

    @Test
    void connectingIsOfflineUntilTheFirstStatusAnswerSaysOnline() {
        TestConnection c = start();
        assertEquals(List.of(DeviceStatus.offline("connecting to tcp://printer-1:9100")), ctx.statuses());
        c.open();
        ctx.awaitStatus(State.ONLINE, SOON);
        assertEquals(List.of(DeviceStatus.offline("connecting to tcp://printer-1:9100"), DeviceStatus.online()), ctx.statuses());
        assertWritten(QUERY, c.written());
    }

    @Test
    void aTicketIsCheckedSentAndConfirmedByTheStatusAfterIt() throws Exception {
        TestConnection c = online();
        completes(driver.print(Tickets.english()));
        assertWritten(concat(QUERY, GoldenBytes.read(EscPosPrinterTest.class, "ticket-en.hex"), QUERY), c.written());
        assertEquals("A001", printer.paper().get(4));
        assertEquals(List.of(Tickets.URL), printer.qrCodes());
    }

    @Test
    void aPrintDuringPaperOutFailsWithTheReasonAndSendsNoTicket() throws Exception {
        TestConnection c = online();
        printer.paperEnd(true);
        PrintFailedException e = failure(driver.print(Tickets.english()));
        assertEquals("paper end: no paper", e.getMessage());
        assertEquals(new DeviceStatus(State.PAPER_OUT, "paper end: no paper"), ctx.status());
        ctx.drain();
        assertWritten(QUERY, c.written());
        assertEquals(List.of(), printer.paper());
    }

    @Test
    void aPrintWithTheCoverOpenFails() throws Exception {
        online();
        printer.coverOpen(true);
        assertEquals("cover open", failure(driver.print(Tickets.english())).getMessage());
        assertEquals(State.COVER_OPEN, ctx.status().state());
    }

    @Test
    void paperNearEndStillPrintsAndReportsPaperLow() throws Exception {
        online();
        printer.nearEnd(true);
        completes(driver.print(Tickets.english()));
        assertEquals(new DeviceStatus(State.PAPER_LOW, "paper near end"), ctx.status());
        assertEquals(List.of(Tickets.URL), printer.qrCodes());
    }

    @Test
    void paperEndingWhilePrintingFailsTheTicket() throws Exception {
        online();
        printer.paperEndsAfter(3);
        assertEquals("paper end: no paper", failure(driver.print(Tickets.english())).getMessage());
        assertEquals(State.PAPER_OUT, ctx.status().state());
        assertEquals(List.of("Central Branch", "Passports", ""), printer.paper());
    }

    @Test
    void ticketsPrintInOrderOneAtATime() throws Exception {
        TestConnection c = online();
        List<CompletionStage<Void>> prints = new ArrayList<>();
        for (String n : List.of("A001", "A002", "A003")) prints.add(driver.print(Tickets.english(n)));
        for (CompletionStage<Void> p : prints) completes(p);
        byte[] en = GoldenBytes.read(EscPosPrinterTest.class, "ticket-en.hex");
        assertWritten(concat(QUERY, en, QUERY, QUERY, number(en, "A002"), QUERY, QUERY, number(en, "A003"), QUERY), c.written());
        assertEquals(List.of("A001", "A002", "A003"),
                printer.lines().stream().filter(l -> l.width() == 4).map(EscPosEmulator.Line::text).toList());
    }

    /** The English ticket's bytes with another number. */
    private static byte[] number(byte[] english, String n) {
        byte[] b = english.clone();
        String s = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).replace("A001", n);
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void aTicketInFlightWhenDisposedFailsAtOnce() throws Exception {
        TestConnection c = online();
        printer.silent(true);
        CompletionStage<Void> first = driver.print(Tickets.english("A001"));
        CompletionStage<Void> second = driver.print(Tickets.english("A002"));
        c.awaitWritten(QUERY.length, SOON); // the first ticket's check is out, unanswered
        long start = System.nanoTime();
        driver.dispose();
        CompletableFuture<Void> f1 = first.toCompletableFuture();
        CompletableFuture<Void> f2 = second.toCompletableFuture();
        assertTrue(f1.isCompletedExceptionally() && f2.isCompletedExceptionally(), "both failed when dispose() returned");
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(EscPosPrinter.ANSWER_TIMEOUT_MILLIS / 2), "without waiting");
        assertEquals("driver stopped", failure(first).getMessage());
        assertEquals("driver stopped", failure(second).getMessage());
        assertTrue(c.isClosed());
    }

    @Test
    void aPrintAfterDisposeFails() throws Exception {
        online();
        driver.dispose();
        assertEquals("driver stopped", failure(driver.print(Tickets.english())).getMessage());
    }

    @Test
    void noAnswerToTheStatusQueryFailsTheTicketAndReconnects() throws Exception {
        TestConnection c = online();
        printer.silent(true);
        long start = System.nanoTime();
        assertEquals("no answer from the printer to a status query", failure(driver.print(Tickets.english())).getMessage());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis >= 900 && millis < 2500, "failed after " + millis + " ms");
        ctx.awaitStatus(State.OFFLINE, SOON);
        assertEquals(DeviceStatus.offline("no answer to status query"), ctx.status());
        assertEquals("no answer to status query", c.reconnectReason());
        ctx.drain();
        assertWritten(QUERY, c.written()); // the ticket itself was never sent
    }

    @Test
    void aReconnectResendsNothingButQueriesTheStatusAgain() throws Exception {
        TestConnection c = online();
        completes(driver.print(Tickets.english()));
        c.drop("connection reset by the printer");
        assertEquals(DeviceStatus.offline("connection reset by the printer"), ctx.status());
        c.take();
        c.open();
        ctx.awaitStatus(State.ONLINE, SOON);
        ctx.drain();
        assertWritten(QUERY, c.written());
        assertEquals(1, printer.qrCodes().size(), "the ticket printed once");
    }

    @Test
    void aTicketWaitingWhenTheConnectionBreaksFailsWithTheReason() throws Exception {
        TestConnection c = online();
        printer.silent(true);
        CompletionStage<Void> print = driver.print(Tickets.english());
        c.awaitWritten(QUERY.length, SOON);
        c.drop("cable pulled");
        assertEquals("not connected: cable pulled", failure(print).getMessage());
    }

    @Test
    void aPrintWhileNotConnectedFailsAtOnce() throws Exception {
        start();
        CompletionStage<Void> print = driver.print(Tickets.english());
        assertTrue(print.toCompletableFuture().isCompletedExceptionally());
        assertEquals("not connected to tcp://printer-1:9100", failure(print).getMessage());
    }

    @Test
    void theStatusIsPolledEveryInterval() {
        online("statusIntervalSeconds", 1);
        printer.coverOpen(true);
        ctx.awaitStatus(State.COVER_OPEN, SOON);
        printer.coverOpen(false);
        ctx.awaitStatus(State.ONLINE, SOON);
        assertTrue(printer.statusQueries() >= 3 * 4, printer.statusQueries() + " DLE EOT");
    }

    @Test
    void anAnswerInPiecesAmongOtherBytesIsAssembled() {
        driver = new EscPosPrinter(Configs.printer());
        driver.initialize(ctx);
        TestConnection c = ctx.connection(); // no emulator: the test answers
        c.open();
        c.awaitWritten(QUERY.length, SOON);
        c.send(GoldenBytes.parse("11 12")); // XON, n=1 online
        c.send(GoldenBytes.parse("12 13")); // n=2, XOFF
        c.send(GoldenBytes.parse("12"));
        assertEquals(State.OFFLINE, ctx.status().state(), "three of four bytes");
        c.send(GoldenBytes.parse("1E")); // n=4: near end
        ctx.awaitStatus(State.PAPER_LOW, SOON);
    }

    @Test
    void aNetworkPrinterIsTheSameComponentOnTcp9100() throws Exception {
        TestConnection c = online("port", "tcp://10.0.0.21:9100");
        assertEquals("tcp://10.0.0.21:9100", c.uri());
        completes(driver.print(Tickets.english()));
    }

    @Test
    void aBadPortIsAnErrorStatusNotAnException() throws Exception {
        driver = new EscPosPrinter(Configs.printer("port", "printer-without-scheme"));
        driver.initialize(ctx);
        assertEquals(State.ERROR, ctx.status().state());
        assertTrue(ctx.status().reason().contains("printer-without-scheme"), ctx.status().reason());
        assertEquals(List.of(), ctx.connections());
        assertTrue(failure(driver.print(Tickets.english())).getMessage().startsWith("not connected"));
    }

    @Test
    void aBadSettingIsAnErrorStatusAndNoConnection() throws Exception {
        driver = new EscPosPrinter(Configs.printer("model", "tm-u220"));
        driver.initialize(ctx);
        String reason = "configuration: unknown model \"tm-u220\" (tm-t20, tm-t88 or generic)";
        assertEquals(List.of(DeviceStatus.error(reason)), ctx.statuses());
        assertEquals(List.of(), ctx.connections());
        assertEquals(reason, failure(driver.print(Tickets.english())).getMessage());
        driver = new EscPosPrinter(Configs.printer("codePages", "cyrillic:x"));
        driver.initialize(ctx);
        assertEquals(State.ERROR, ctx.status().state());
    }

    @Test
    void initializeReturnsInWellUnder100Milliseconds() {
        driver = new EscPosPrinter(Configs.printer());
        long start = System.nanoTime();
        driver.initialize(ctx);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 50, "initialize took " + millis + " ms");
    }

    @Test
    void disposeClosesTheConnectionAndStopsQuerying() throws Exception {
        TestConnection c = online("statusIntervalSeconds", 1);
        driver.dispose();
        assertTrue(c.isClosed());
        int queries = printer.statusQueries();
        Thread.sleep(1300);
        assertEquals(queries, printer.statusQueries());
    }
}
