package org.talon.bench.devices;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A serial cable made by {@code socat}: two pseudo-terminals joined, raw. Talon opens {@link #port}
 * (a symlink, as /dev/ttyUSB0 would be); the device emulator reads and writes {@link #device}.
 * {@link #unplug} ends socat, so both ends go away as when a USB adapter is pulled out;
 * {@link #plug} makes them again under the same names.
 */
public final class PseudoTerminal implements AutoCloseable {
    public final Path port;
    public final Path device;
    private Process socat;

    public PseudoTerminal(Path dir, String name) {
        this.port = dir.resolve("tty" + name);
        this.device = dir.resolve("tty" + name + "-device");
    }

    /** Starts socat and waits until both ends exist. */
    public PseudoTerminal plug() throws IOException, InterruptedException {
        Files.createDirectories(port.getParent());
        try {
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + port, "pty,raw,echo=0,link=" + device).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("socat is needed for serial devices (apt-get install socat)", e);
        }
        long end = System.currentTimeMillis() + 5000;
        while (!(Files.exists(port) && Files.exists(device))) {
            if (System.currentTimeMillis() > end) throw new IOException("socat made no " + port);
            Thread.sleep(10);
        }
        return this;
    }

    /** Both ends go away. */
    public void unplug() throws InterruptedException {
        if (socat == null) return;
        socat.destroy();
        socat.waitFor();
        socat = null;
    }

    public InputStream in() throws IOException {
        return Files.newInputStream(device);
    }

    public OutputStream out() throws IOException {
        return Files.newOutputStream(device);
    }

    /** The transport URI Talon is configured with. */
    public String uri(String settings) {
        return "serial:" + port + (settings == null ? "" : "?" + settings);
    }

    @Override
    public void close() throws InterruptedException {
        unplug();
    }
}
