package org.talon.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for tests: a fresh cluster in a temporary folder on a free port,
 * started from the machine's PostgreSQL binaries (Debian's postgresql package) and stopped
 * at the end. As root it runs the server as the 'postgres' user, since PostgreSQL refuses root.
 */
public final class Postgres implements AutoCloseable {
    public final int port;
    private final Path dir;
    private final Path bin;
    private final boolean asPostgresUser;

    private Postgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public static Postgres start() throws Exception {
        Path bin = findBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("talon-pg-");
        int port = freePort();
        Postgres pg = new Postgres(bin, dir, port, root);
        if (root) run(List.of("chown", "postgres", dir.toString()), 30);
        pg.pg(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "talon",
                "--auth=trust", "-E", "UTF8", "--locale=C"), 120);
        pg.startServer();
        Runtime.getRuntime().addShutdownHook(new Thread(pg::close));
        pg.createDatabase("talon");
        return pg;
    }

    private void startServer() throws Exception {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                "-l", dir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dir + " -c fsync=on -c listen_addresses=127.0.0.1",
                "start"), 90);
    }

    /** Stops the server as an outage would (open connections are cut); {@link #resume()} starts it again. */
    public void pause() throws Exception {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"), 60);
    }

    /** Starts the server again after {@link #pause()}, on the same port with the same data. */
    public void resume() throws Exception {
        startServer();
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void createDatabase(String name) throws Exception {
        pg(List.of(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-U", "talon", "-d", "postgres", "-c", "CREATE DATABASE " + name), 60);
    }

    @Override
    public synchronized void close() {
        if (!Files.exists(dir.resolve("data"))) return;
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"), 60);
        } catch (Exception ignored) {
            // already stopped
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temporary folder left behind
        }
    }

    private void pg(List<String> cmd, int seconds) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(cmd);
        run(full, seconds);
    }

    private static void run(List<String> cmd, int seconds) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("PostgreSQL command failed: " + cmd + "\n" + new String(out));
        }
    }

    private static Path findBin() {
        File[] versions = new File("/usr/lib/postgresql").listFiles();
        if (versions != null) {
            Arrays.sort(versions, Comparator.comparing(File::getName).reversed());
            for (File v : versions) {
                Path b = v.toPath().resolve("bin");
                if (Files.isExecutable(b.resolve("initdb"))) return b;
            }
        }
        throw new IllegalStateException("No PostgreSQL server found under /usr/lib/postgresql: "
                + "install Debian's postgresql package (.ci/run does)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
