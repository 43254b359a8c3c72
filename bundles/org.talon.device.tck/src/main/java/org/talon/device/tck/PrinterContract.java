package org.talon.device.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.talon.device.api.DeviceStatus;
import org.talon.device.api.Location;
import org.talon.device.api.PrintFailedException;
import org.talon.device.api.PrintedTicket;
import org.talon.device.api.TicketPrinter;

/**
 * What every ticket printer's driver must do besides {@link DriverContract}: print, fail at once
 * with a reason when it cannot, and lose no job across a configuration change (the old driver
 * is disposed, a new one made): every job it was given completes, printed or failed, so Talon
 * prints the failed ones elsewhere.
 */
public abstract class PrinterContract<P extends TicketPrinter> extends DriverContract<P> {
    /** How long one ticket may take to print. */
    protected Duration printWithin() {
        return Duration.ofSeconds(5);
    }

    @Override
    protected Location location() {
        return new Location("demo", null, "kiosk-1", null);
    }

    /** A ticket with every field, in English. */
    public static PrintedTicket ticket(String number) {
        return PrintedTicket.builder().branchName("Demo branch").serviceName("General").heading("Your number").number(number)
                .waitText("3 ahead of you · about 5 min").issuedAt(ZonedDateTime.parse("2026-12-06T14:05:00+01:00[Europe/Warsaw]"))
                .issuedText("06.12.2026 14:05").url("http://localhost:8181/t/AbC123").urlCaption("Scan to follow your turn").locale(Locale.ENGLISH)
                .build();
    }

    @Test
    void aTicketPrintsAndItsBytesReachTheDevice() throws Exception {
        P p = online();
        if (p instanceof org.talon.device.api.VirtualHardware) {
            p.print(ticket("A001")).toCompletableFuture().get(printWithin().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        context.connection().take();
        p.print(ticket("A001")).toCompletableFuture().get(printWithin().toMillis(), TimeUnit.MILLISECONDS);
        byte[] written = context.connection().written();
        assertTrue(written.length > 0, "bytes were written");
        assertTrue(new String(written, java.nio.charset.StandardCharsets.ISO_8859_1).contains("A001"), "the number is among them");
    }

    @Test
    void aPrintWhileOfflineFailsAtOnceWithAReason() throws Exception {
        P p = online();
        goAway(p, "cable pulled");
        context.awaitStatus(DeviceStatus.State.OFFLINE, Duration.ofSeconds(2));
        CompletableFuture<Void> f = p.print(ticket("A002")).toCompletableFuture();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> f.get(2, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof PrintFailedException, "a PrintFailedException: " + e.getCause());
        assertNotNull(e.getCause().getMessage());
    }

    @Test
    void noPrintJobIsLostAcrossAConfigurationChange() throws Exception {
        P first = online();
        List<CompletableFuture<Void>> jobs = new ArrayList<>();
        for (int i = 1; i <= 5; i++) jobs.add(first.print(ticket(String.format("B%03d", i))).toCompletableFuture());
        // the configuration changes: the component is disposed at once, a new one made
        dispose(first);
        int printed = 0;
        int failed = 0;
        for (CompletableFuture<Void> j : jobs) {
            try {
                j.get(printWithin().toMillis(), TimeUnit.MILLISECONDS);
                printed++;
            } catch (ExecutionException e) {
                assertTrue(e.getCause() instanceof PrintFailedException, "failed with a PrintFailedException: " + e.getCause());
                failed++;
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("a job was left unfinished after dispose: it would be lost");
            }
        }
        assertEquals(5, printed + failed);
        // what failed is printed by the new driver, as Talon does
        P second = online();
        for (int i = 0; i < failed; i++) second.print(ticket("C00" + i)).toCompletableFuture().get(printWithin().toMillis(), TimeUnit.MILLISECONDS);
    }
}
