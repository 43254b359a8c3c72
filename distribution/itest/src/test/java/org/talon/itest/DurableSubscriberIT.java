package org.talon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.talon.bench.Http.basic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.talon.bench.TalonProcess;
import org.talon.itest.recorder.RecorderActivator;

/**
 * A durable subscriber installed late into a running distribution catches up on the log; Talon is
 * killed with kill -9 in the middle of that catch-up; after the restart the subscriber goes on from
 * the position it had committed, and in the end it has handled every event of the log exactly once
 * as far as its rows tell (its rows and its position commit together; its rows' key refuses any
 * event handled twice after commit, which would stop it short of the end).
 */
class DurableSubscriberIT {
    static final String PW = "Admin-Secret-1";
    static final Pattern HANDLED = Pattern.compile("recorder handled demo (\\d+)");

    @Test
    void aSubscriberKilledInTheMiddleOfItsCatchUpGoesOnFromItsCommittedPositionAndMissesNothing() throws Exception {
        TalonProcess karaf = new TalonProcess("subscriber", PW);
        try {
            karaf.startAndAwait();
            Api api = new Api(karaf.httpPort).awaitUp(basic("admin", PW));
            String admin = basic("admin", PW);
            for (int i = 0; i < 2000; i++) {
                assertEquals(201, api.call("POST", "/branches/demo/tickets", admin, "{\"service\":\"A\"}").statusCode());
            }
            Files.write(karaf.home.resolve("deploy/talon-itest-recorder.jar"), recorderBundle());
            long midway = awaitHandled(karaf, 500, 120);
            karaf.kill9();
            String before = karaf.log();
            assertTrue(!before.contains("recorder handled demo 2000"), "killed before it caught up: " + midway);

            karaf.startAndAwait();
            api.awaitUp(admin);
            for (int i = 0; i < 20; i++) api.call("POST", "/branches/demo/tickets", admin, "{\"service\":\"B\"}");
            String marker = api.call("POST", "/branches/demo/tickets", admin, "{\"service\":\"C\"}").body();
            assertTrue(marker.contains("\"service\":\"C\""), marker);
            long deadline = System.currentTimeMillis() + 120_000;
            while (!karaf.log().contains("recorder handled the marker demo")) {
                assertTrue(System.currentTimeMillis() < deadline, "the subscriber did not reach the last ticket within 120 s");
                Thread.sleep(300);
            }
            // other parts append events of their own (a device coming online): the end of the log, not the marker, is the end
            Pattern caughtUp = Pattern.compile("itest\\.recorder\\s*[|│]\\s*demo\\s*[|│]\\s*\\d+\\s*[|│]\\s*0\\s*[|│]");
            while (!caughtUp.matcher(karaf.client("talon:subscribers")).find()) {
                assertTrue(System.currentTimeMillis() < deadline, "the subscriber did not reach the end of the log within 120 s");
                Thread.sleep(300);
            }
            karaf.stop();

            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + karaf.home.resolve("data/talon/talon"), "talon", "talon");
                    Statement st = c.createStatement()) {
                long last = one(st, "SELECT MAX(seq) FROM talon_event WHERE branch = 'demo'");
                assertTrue(last >= 2021, "the log holds the tickets: " + last);
                assertEquals(last, one(st, "SELECT COUNT(*) FROM itest_seen WHERE branch = 'demo'"), "a row for each event");
                assertEquals(1, one(st, "SELECT MIN(seq) FROM itest_seen WHERE branch = 'demo'"));
                assertEquals(last, one(st, "SELECT MAX(seq) FROM itest_seen WHERE branch = 'demo'"));
                assertEquals(last, one(st, "SELECT position FROM talon_subscription WHERE name = 'itest.recorder' AND branch = 'demo'"),
                        "its stored position is the end of the log");
            }
        } finally {
            karaf.close();
        }
    }

    static long one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until the recorder has logged an event at or past {@code at}; returns the greatest logged. */
    static long awaitHandled(TalonProcess karaf, long at, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            long max = 0;
            Matcher m = HANDLED.matcher(karaf.log());
            while (m.find()) max = Math.max(max, Long.parseLong(m.group(1)));
            if (max >= at) return max;
            Thread.sleep(100);
        }
        throw new AssertionError("the recorder did not reach event " + at + " within " + seconds + " s:\n" + karaf.log());
    }

    /** The recorder as a bundle of its own: its class from the test classes, a manifest, nothing else. */
    static byte[] recorderBundle() throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.talon.itest.recorder");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Activator", RecorderActivator.class.getName());
        a.putValue("Import-Package", "javax.sql,org.osgi.framework;version=\"[1.8,2)\",org.osgi.util.tracker;version=\"[1.5,2)\","
                + "org.talon.event.api;version=\"[1.3,2)\"");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, mf)) {
            String cls = RecorderActivator.class.getName().replace('.', '/');
            Path dir = Path.of("target", "test-classes");
            try (var files = Files.list(dir.resolve(cls).getParent())) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (!f.getFileName().toString().startsWith("RecorderActivator")) continue;
                    jar.putNextEntry(new JarEntry(dir.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, jar);
                    jar.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }
}
