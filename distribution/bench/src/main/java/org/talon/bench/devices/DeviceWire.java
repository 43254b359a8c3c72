package org.talon.bench.devices;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Runs a device emulator on a wire: the device end of a {@link PseudoTerminal}, or the accepted
 * socket of a network device's listening port. Every byte read goes to the emulator; what it
 * answers is written back at once. The wire is read on a thread of its own until closed.
 */
public final class DeviceWire implements AutoCloseable {
    /** Takes what Talon wrote, in whatever pieces it arrived, and answers (empty for nothing). */
    public interface Emulator {
        byte[] accept(byte[] written, long nanos);
    }

    private final Thread thread;
    private volatile boolean running = true;
    private volatile ServerSocket server;
    private volatile java.io.Closeable current;
    private volatile OutputStream out;

    private DeviceWire(String name, Runnable loop) {
        thread = new Thread(loop, name);
        thread.setDaemon(true);
    }

    /** The device on a serial line: it reads the pseudo-terminal's device end, and opens it again after a replug. */
    public static DeviceWire serial(PseudoTerminal tty, Emulator device) {
        DeviceWire[] self = new DeviceWire[1];
        self[0] = new DeviceWire("device-" + tty.device.getFileName(), () -> {
            while (self[0].running) {
                try (InputStream in = tty.in(); OutputStream out = tty.out()) {
                    self[0].current = in;
                    pump(self[0], in, out, device);
                } catch (IOException e) {
                    pause();
                }
            }
        });
        self[0].thread.start();
        return self[0];
    }

    /** A network device listening on {@code server}: one connection at a time, as a printer's port 9100 takes. */
    public static DeviceWire tcp(ServerSocket server, Emulator device) {
        DeviceWire[] self = new DeviceWire[1];
        self[0] = new DeviceWire("device-tcp-" + server.getLocalPort(), () -> {
            while (self[0].running) {
                try (Socket s = server.accept()) {
                    s.setTcpNoDelay(true);
                    self[0].current = s;
                    pump(self[0], s.getInputStream(), s.getOutputStream(), device);
                } catch (IOException e) {
                    if (server.isClosed()) return;
                }
            }
        });
        self[0].server = server;
        self[0].thread.start();
        return self[0];
    }

    /** The device sends these bytes of its own accord (a key pressed); false when its wire is not open. */
    public boolean send(byte[] bytes) {
        OutputStream o = out;
        if (o == null) return false;
        try {
            synchronized (this) {
                o.write(bytes);
                o.flush();
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pump(DeviceWire w, InputStream in, OutputStream out, Emulator device) throws IOException {
        w.out = out;
        byte[] buf = new byte[4096];
        int n = 0;
        while (w.running && (n = in.read(buf)) > 0) {
            byte[] reply = device.accept(java.util.Arrays.copyOf(buf, n), System.nanoTime());
            if (reply != null && reply.length > 0) {
                synchronized (w) {
                    out.write(reply);
                    out.flush();
                }
            }
        }
        if (n < 0) pause();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        java.io.Closeable c = current;
        if (c != null) c.close();
        if (server != null) server.close();
        thread.interrupt();
    }
}
