package org.talon.device.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talon.device.api.Connection;

/**
 * Serial connections on jSerialComm over a real pseudo-terminal pair made by {@code socat}: the
 * driver's end is a symlink as a USB adapter's /dev/ttyUSB0 would be, the test plays the device
 * on the other end.
 */
class SerialConnectionTest {
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    final ExecutorService io = Executors.newCachedThreadPool();
    final Transports transports = new Transports(scheduler, io, new TcpTransport(), new SerialTransport());
    @TempDir
    Path dir;
    Process socat;

    @AfterEach
    void stop() {
        if (socat != null) socat.destroyForcibly();
        scheduler.shutdownNow();
        io.shutdownNow();
    }

    /** A pseudo-terminal pair: {@code port} for the driver, {@code device} for the test. */
    static Process pair(Path port, Path device) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + port, "pty,raw,echo=0,link=" + device).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("socat is needed for the serial tests (apt-get install socat)", e);
        }
        RecordingHandler.await(Duration.ofSeconds(5), () -> Files.exists(port) && Files.exists(device), "socat made " + port);
        return p;
    }

    @Test
    void settingsComeFromTheUri() {
        var s = SerialTransport.settings(URI.create("serial:/dev/ttyUSB0?baud=19200&databits=7&parity=even&stopbits=2&flow=rtscts"));
        assertEquals("/dev/ttyUSB0", s.path());
        assertEquals(19200, s.baud());
        assertEquals(7, s.dataBits());
        var d = SerialTransport.settings(URI.create("serial:COM3"));
        assertEquals("COM3", d.path());
        assertEquals(9600, d.baud(), "9600 8N1 when nothing is said");
        assertEquals(8, d.dataBits());
    }

    @Test
    void bytesGoBothWaysOverAPseudoTerminalAndAPortThatDisappearsAndComesBackReconnects() throws Exception {
        Path port = dir.resolve("ttyTALON");
        Path device = dir.resolve("ttyDEVICE");
        socat = pair(port, device);
        RecordingHandler h = new RecordingHandler();
        Connection c = transports.connect("serial:" + port + "?baud=9600", h);
        RecordingHandler.await(Duration.ofSeconds(3), c::isConnected, "connected");
        try (InputStream in = Files.newInputStream(device); OutputStream out = Files.newOutputStream(device)) {
            byte[] frame = {0x1b, 0x40, 0x10, 0x04, 0x01, 0x00, (byte) 0xff, 0x0a};
            c.write(frame);
            assertArrayEquals(frame, in.readNBytes(frame.length), "the exact bytes reach the device");
            out.write(new byte[] {0x12});
            out.flush();
            RecordingHandler.await(Duration.ofSeconds(2), () -> h.bytes().length == 1 && h.bytes()[0] == 0x12, "the device's answer arrives");
        }
        // the adapter is pulled out: both ends go away
        socat.destroy();
        socat.waitFor();
        long t0 = System.nanoTime();
        RecordingHandler.await(Duration.ofSeconds(2), () -> h.count("disconnected") == 1, "the loss is noticed");
        long lostMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(lostMillis < 2000, "within 2 s: " + lostMillis);
        // plugged in again
        socat = pair(port, device);
        RecordingHandler.await(Duration.ofSeconds(8), () -> h.count("connected") == 2, "connected again: " + h.calls);
        try (InputStream in = Files.newInputStream(device)) {
            c.write(new byte[] {0x55});
            assertEquals(0x55, in.read());
        }
        c.close();
    }

    @Test
    void devicesOnOneLineShareItsPortEachWritingAndEachHearingTheLine() throws Exception {
        Path port = dir.resolve("ttyRS485");
        Path device = dir.resolve("ttyBOARDS");
        socat = pair(port, device);
        RecordingHandler first = new RecordingHandler();
        RecordingHandler second = new RecordingHandler();
        Connection a = transports.connect("serial:" + port + "?baud=9600&stopbits=2", first);
        Connection b = transports.connect("serial:" + port + "?baud=9600&stopbits=2", second);
        RecordingHandler.await(Duration.ofSeconds(3), () -> a.isConnected() && b.isConnected(), "both connected");
        try (InputStream in = Files.newInputStream(device); OutputStream out = Files.newOutputStream(device)) {
            a.write(new byte[] {0x01, 0x20, 'A', 0x07});
            b.write(new byte[] {0x01, 0x21, 'B', 0x07});
            assertArrayEquals(new byte[] {0x01, 0x20, 'A', 0x07, 0x01, 0x21, 'B', 0x07}, in.readNBytes(8), "both boards' frames on the one line");
            out.write(new byte[] {0x06});
            out.flush();
            RecordingHandler.await(Duration.ofSeconds(2), () -> first.bytes().length == 1 && second.bytes().length == 1, "both hear the line");
        }
        // a third device configured with other settings for the same port is refused, with why
        RecordingHandler third = new RecordingHandler();
        Connection c = transports.connect("serial:" + port + "?baud=19200", third);
        RecordingHandler.await(Duration.ofSeconds(2), () -> third.count("disconnected") == 1, "refused");
        assertTrue(third.calls.get(0).contains("open with other settings"), third.calls.toString());
        c.close();
        // the line goes away: every device on it is told
        socat.destroy();
        socat.waitFor();
        RecordingHandler.await(Duration.ofSeconds(2), () -> first.count("disconnected") == 1 && second.count("disconnected") == 1, "both told");
        socat = pair(port, device);
        RecordingHandler.await(Duration.ofSeconds(8), () -> first.count("connected") == 2 && second.count("connected") == 2, "both back");
        a.close();
        b.close();
    }
}
