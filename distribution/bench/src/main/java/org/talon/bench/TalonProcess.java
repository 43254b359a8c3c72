package org.talon.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Talon distribution as an admin runs it: unpacked from the built tar.gz, started with
 * bin/start, driven with bin/client over SSH, stopped with bin/stop or killed with kill -9.
 * Every port is a free one, so runs do not collide with anything else on the machine.
 */
public final class TalonProcess implements AutoCloseable {
    public final Path home;
    public final int sshPort;
    public final int httpPort;
    public final String password;
    public String startOutput = "";

    /** Unpacks the distribution named by the system property {@code talon.distribution} under target/proc/{name}. */
    public TalonProcess(String name, String password) throws Exception {
        this(Path.of(System.getProperty("talon.distribution")), Path.of("target", "proc", name), password);
    }

    public TalonProcess(Path distribution, Path dir, String password) throws Exception {
        if (!Files.isRegularFile(distribution)) throw new IllegalStateException("Build the distribution first: " + distribution);
        Path target = dir.toAbsolutePath();
        deleteTree(target);
        Files.createDirectories(target);
        run(List.of("tar", "xzf", distribution.toString(), "-C", target.toString()), Map.of(), 120);
        try (var s = Files.list(target)) {
            home = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        this.sshPort = freePort();
        this.httpPort = freePort();
        setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(httpPort));
        this.password = password;
        setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(sshPort));
        setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort()));
        setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort()));
    }

    public void setProperty(String file, String key, String value) throws IOException {
        Path p = home.resolve(file);
        List<String> lines = Files.exists(p) ? new ArrayList<>(Files.readAllLines(p)) : new ArrayList<>();
        lines.removeIf(l -> l.matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*=.*"));
        lines.add(key + " = " + value);
        Files.write(p, lines);
    }

    /** Points the Talon datasource at a PostgreSQL database instead of the embedded H2 (before start). */
    public void usePostgres(String url) throws IOException {
        String f = "etc/org.ops4j.datasource-talon.cfg";
        setProperty(f, "osgi.jdbc.driver.class", "org.postgresql.Driver");
        setProperty(f, "url", url);
        setProperty(f, "user", "talon");
        setProperty(f, "password", "talon");
    }

    /**
     * Gives the demo branch counters 1..{@code n} (it ships with 4), all on the standard work
     * profile; before start, as an integrator adds one file per counter.
     */
    public void demoCounters(int n) throws IOException {
        for (int i = 5; i <= n; i++) {
            Files.writeString(home.resolve("etc/org.talon.queue.counter-demo-" + i + ".cfg"),
                    "branch = demo\nid = " + i + "\nname = Window " + i + "\nprofile = standard\n");
        }
    }

    /** bin/start; returns what it printed. {@code env} may set TALON_ADMIN_PASSWORD. */
    public String start(Map<String, String> env) throws Exception {
        startOutput = run(List.of(home.resolve("bin/start").toString()), env, 60);
        return startOutput;
    }

    /** bin/start with this process's password as TALON_ADMIN_PASSWORD, then waits until it serves. */
    public void startAndAwait() throws Exception {
        start(Map.of("TALON_ADMIN_PASSWORD", password));
        awaitReady();
    }

    /** Waits until the console answers and the demo branch has its four counters. */
    public void awaitReady() throws Exception {
        awaitReadyAs(password);
    }

    public void awaitReadyAs(String pw) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = clientAs("admin", pw, "talon:counters --branch demo");
                if (last.contains("Window 4")) return;
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("Talon did not come up: " + last + "\n" + log());
    }

    /** Runs console commands in one SSH session (batch mode); throws when one fails. */
    public String client(String... commands) throws Exception {
        return clientAs("admin", password, commands);
    }

    public String clientAs(String user, String pw, String... commands) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort),
                "-h", "127.0.0.1", "-u", user, "-p", pw, "-b", "-r", "3", "-d", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/client hung");
        }
        if (p.exitValue() != 0) throw new IllegalStateException("exit " + p.exitValue() + ": " + out);
        return out.replaceAll("\u001B\\[[;\\d]*m", "");
    }

    public long pid() throws IOException {
        for (Path p : List.of(home.resolve("karaf.pid"), home.resolve("data/karaf.pid"))) {
            if (Files.exists(p)) return Long.parseLong(Files.readString(p).trim());
        }
        throw new IllegalStateException("no karaf.pid");
    }

    public boolean alive() {
        try {
            return ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public void stop() throws Exception {
        long pid = pid();
        run(List.of(home.resolve("bin/stop").toString()), Map.of(), 60);
        awaitExit(pid);
    }

    public void kill9() throws Exception {
        long pid = pid();
        run(List.of("kill", "-9", String.valueOf(pid)), Map.of(), 10);
        awaitExit(pid);
    }

    private static void awaitExit(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("Karaf " + pid + " did not end");
            Thread.sleep(100);
        }
    }

    public String log() {
        try {
            return Files.readString(home.resolve("data/log/karaf.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Resident memory of the Karaf JVM in MiB, from /proc. */
    public long rssMiB() throws IOException {
        return ProcFs.rssKiB(pid()) / 1024;
    }

    @Override
    public void close() {
        try {
            if (alive()) kill9();
        } catch (Exception ignored) {
            // not running
        }
    }

    public static String run(List<String> cmd, Map<String, String> env, int seconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("TALON_ADMIN_PASSWORD");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd + " hung");
        }
        if (p.exitValue() != 0) throw new IllegalStateException(cmd + " exit " + p.exitValue() + ": " + out);
        return out;
    }

    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
