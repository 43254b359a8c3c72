package org.talon.itest;

import java.io.File;
import java.io.IOException;
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
 */
final class KarafProcess implements AutoCloseable {
    final Path home;
    final int sshPort;
    final int httpPort;
    final String password;
    String startOutput = "";

    KarafProcess(String name, String password) throws Exception {
        Path target = Path.of("target", "proc", name).toAbsolutePath();
        deleteTree(target);
        Files.createDirectories(target);
        run(List.of("tar", "xzf", System.getProperty("talon.distribution"), "-C", target.toString()), Map.of(), 120);
        try (var s = Files.list(target)) {
            home = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        this.sshPort = TalonKaraf.freePort();
        this.httpPort = TalonKaraf.freePort();
        setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(httpPort));
        this.password = password;
        setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(sshPort));
        setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(TalonKaraf.freePort()));
        setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(TalonKaraf.freePort()));
    }

    void setProperty(String file, String key, String value) throws IOException {
        Path p = home.resolve(file);
        List<String> lines = Files.exists(p) ? new ArrayList<>(Files.readAllLines(p)) : new ArrayList<>();
        lines.removeIf(l -> l.matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*=.*"));
        lines.add(key + " = " + value);
        Files.write(p, lines);
    }

    /** bin/start; returns what it printed. {@code env} may set TALON_ADMIN_PASSWORD. */
    String start(Map<String, String> env) throws Exception {
        startOutput = run(List.of(home.resolve("bin/start").toString()), env, 60);
        return startOutput;
    }

    /** Waits until the console answers and the demo branch has its four counters. */
    void awaitReady() throws Exception {
        awaitReadyAs(password);
    }

    void awaitReadyAs(String pw) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = clientAs("admin", pw, "talon:counters");
                if (last.contains("Window 4")) return;
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("Talon did not come up: " + last + "\n" + log());
    }

    /** Runs console commands in one SSH session (batch mode); throws when one fails. */
    String client(String... commands) throws Exception {
        return clientAs("admin", password, commands);
    }

    String clientAs(String user, String pw, String... commands) throws Exception {
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

    long pid() throws IOException {
        for (Path p : List.of(home.resolve("karaf.pid"), home.resolve("data/karaf.pid"))) {
            if (Files.exists(p)) return Long.parseLong(Files.readString(p).trim());
        }
        throw new IllegalStateException("no karaf.pid");
    }

    void stop() throws Exception {
        long pid = pid();
        run(List.of(home.resolve("bin/stop").toString()), Map.of(), 60);
        awaitExit(pid);
    }

    void kill9() throws Exception {
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

    String log() {
        try {
            return Files.readString(home.resolve("data/log/karaf.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Resident memory of the Karaf JVM in MiB, from /proc. */
    long rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
        return -1;
    }

    @Override
    public void close() {
        try {
            if (ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false)) kill9();
        } catch (Exception ignored) {
            // not running
        }
    }

    static String run(List<String> cmd, Map<String, String> env, int seconds) throws Exception {
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

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
