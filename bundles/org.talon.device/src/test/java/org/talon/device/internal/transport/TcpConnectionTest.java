package org.talon.device.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talon.device.api.Connection;

/** Connections over real TCP sockets on the loopback: a network printer's port 9100, played by a server socket. */
class TcpConnectionTest {
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    final ExecutorService io = Executors.newCachedThreadPool();
    final Transports transports = new Transports(scheduler, io, new TcpTransport(), new SerialTransport());

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        io.shutdownNow();
    }

    @Test
    void bytesGoBothWaysExactlyAndCallbacksNeverOverlap() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            RecordingHandler h = new RecordingHandler();
            Connection c = transports.connect("tcp://127.0.0.1:" + server.getLocalPort(), h);
            try (Socket device = server.accept()) {
                RecordingHandler.await(Duration.ofSeconds(2), c::isConnected, "connected");
                byte[] out = new byte[256];
                for (int i = 0; i < out.length; i++) out[i] = (byte) i;
                c.write(out);
                assertArrayEquals(out, device.getInputStream().readNBytes(256), "every byte value arrives as written");
                for (int i = 0; i < 50; i++) device.getOutputStream().write(new byte[] {0x10, (byte) i});
                RecordingHandler.await(Duration.ofSeconds(2), () -> h.bytes().length == 100, "100 bytes received");
                byte[] got = h.bytes();
                for (int i = 0; i < 50; i++) assertEquals(i, got[2 * i + 1], "in order");
                assertFalse(h.overlapped, "callbacks one at a time");
                assertEquals("connected", h.calls.get(0));
            }
            c.close();
        }
    }

    @Test
    void aDeviceThatGoesAwayIsToldAndTheConnectionComesBackByItself() throws Exception {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        int port = server.getLocalPort();
        RecordingHandler h = new RecordingHandler();
        Connection c = transports.connect("tcp://127.0.0.1:" + port, h);
        Socket device = server.accept();
        RecordingHandler.await(Duration.ofSeconds(2), c::isConnected, "connected");
        // the printer is switched off: its socket closes and nobody listens on its port
        device.close();
        server.close();
        long t0 = System.nanoTime();
        RecordingHandler.await(Duration.ofSeconds(2), () -> h.count("disconnected") == 1, "told of the loss");
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2000);
        assertFalse(c.isConnected());
        IOException refused = assertThrows(IOException.class, () -> c.write(new byte[] {1}));
        assertTrue(refused.getMessage().contains("not connected"), refused.getMessage());
        Thread.sleep(1200); // several attempts fail meanwhile: the driver is told once
        assertEquals(1, h.count("disconnected"), h.calls.toString());
        // switched on again
        try (ServerSocket again = new ServerSocket(port, 5, InetAddress.getLoopbackAddress()); Socket back = again.accept()) {
            RecordingHandler.await(Duration.ofSeconds(6), () -> h.count("connected") == 2, "connected again");
            c.write(new byte[] {42});
            assertEquals(42, back.getInputStream().read());
        }
        c.close();
    }

    @Test
    void aDriverAskingToReconnectGetsAFreshLinkAndItsReason() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            RecordingHandler h = new RecordingHandler();
            Connection c = transports.connect("tcp://127.0.0.1:" + server.getLocalPort(), h);
            try (Socket first = server.accept()) {
                RecordingHandler.await(Duration.ofSeconds(2), c::isConnected, "connected");
                c.reconnect("no answer to status query");
                RecordingHandler.await(Duration.ofSeconds(2), () -> h.calls.contains("disconnected: no answer to status query"), "reason told");
                assertEquals(-1, first.getInputStream().read(), "the old link is closed");
                try (Socket second = server.accept()) {
                    RecordingHandler.await(Duration.ofSeconds(3), () -> h.count("connected") == 2, "connected again");
                    c.write(new byte[] {7});
                    assertEquals(7, second.getInputStream().read());
                }
            }
            c.close();
        }
    }

    @Test
    void aClosedConnectionTellsNothingMoreAndLetsGoOfItsSocket() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            RecordingHandler h = new RecordingHandler();
            Connection c = transports.connect("tcp://127.0.0.1:" + server.getLocalPort(), h);
            try (Socket device = server.accept()) {
                RecordingHandler.await(Duration.ofSeconds(2), c::isConnected, "connected");
                c.close();
                InputStream in = device.getInputStream();
                assertEquals(-1, in.read(), "socket closed");
                Thread.sleep(300);
                assertEquals(1, h.calls.size(), "no callback after close: " + h.calls);
            }
        }
    }

    @Test
    void badUrisAreRefusedWithWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> transports.connect("tcp://printer", new RecordingHandler()))
                .getMessage().contains("no port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> transports.connect("usb:/dev/x", new RecordingHandler()))
                .getMessage().contains("known: serial, tcp"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> transports.connect("", new RecordingHandler()))
                .getMessage().contains("no port configured"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> transports.connect("serial:/dev/ttyS0?baud=fast", new RecordingHandler()))
                .getMessage().contains("baud must be a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> transports.connect("serial:/dev/ttyS0?parity=maybe", new RecordingHandler()))
                .getMessage().contains("parity must be"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> transports.connect("serial:/dev/ttyS0?speed=9600", new RecordingHandler()))
                .getMessage().contains("unknown setting 'speed'"));
    }
}
