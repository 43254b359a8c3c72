package org.talon.itest;

import org.talon.bench.TalonProcess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The distribution run as a process: first start, console login, restart and kill -9. */
class DistributionIT {
    static final Pattern ISSUED = Pattern.compile("Ticket ([A-C]\\d{3}) issued");
    static final Pattern WAITING_ROW = Pattern.compile("(?m)^([A-C]\\d{3})\\s*\\|.*\\|\\s*waiting\\s*\\|\\s*(\\d+)\\s*\\|");

    static List<String> issued(String out) {
        List<String> n = new ArrayList<>();
        Matcher m = ISSUED.matcher(out);
        while (m.find()) n.add(m.group(1));
        return n;
    }

    /** Waiting tickets as talon:tickets lists them: in call order within each queue. */
    static List<String> waiting(String ticketsOutput) {
        List<String> n = new ArrayList<>();
        Matcher m = WAITING_ROW.matcher(ticketsOutput);
        while (m.find()) n.add(m.group(1));
        return n;
    }

    @Test
    void adminPasswordComesFromTheEnvironmentAndNoOtherLoginWorks() throws Exception {
        try (TalonProcess k = new TalonProcess("login", "Env-Secret-42")) {
            String out = k.start(Map.of("TALON_ADMIN_PASSWORD", "Env-Secret-42"));
            assertTrue(out.contains("from TALON_ADMIN_PASSWORD"), out);
            assertFalse(out.contains("Env-Secret-42"), "the password is not echoed");
            k.awaitReady();
            assertThrows(IllegalStateException.class, () -> k.clientAs("karaf", "karaf", "talon:branches"), "karaf/karaf refused");
            assertThrows(IllegalStateException.class, () -> k.clientAs("admin", "admin", "talon:branches"), "wrong password refused");
            String users = java.nio.file.Files.readString(k.home.resolve("etc/users.properties"));
            assertFalse(users.contains("Env-Secret-42"), "stored hashed, not in clear:\n" + users);
            assertTrue(users.contains("{CRYPT}"), users);
            String shell = java.nio.file.Files.readString(k.home.resolve("etc/org.apache.karaf.shell.cfg"));
            assertTrue(shell.contains("sshHost = 127.0.0.1"), "SSH on localhost only");
            // the schema migrations ran with a Flyway that knows the database it migrates
            String log = java.nio.file.Files.readString(k.home.resolve("data/log/karaf.log"));
            assertTrue(log.contains("Successfully applied"), "migrations ran");
            assertFalse(log.contains("Flyway upgrade recommended"), "Flyway knows H2 " + log.lines().filter(l -> l.contains("Flyway")).toList());
        }
    }

    @Test
    void withoutAPasswordInTheEnvironmentOneIsGeneratedAndPrintedOnce() throws Exception {
        try (TalonProcess k = new TalonProcess("generated", null)) {
            String first = k.start(Map.of());
            Matcher m = Pattern.compile("shown only this once: (\\S+)").matcher(first);
            assertTrue(m.find(), first);
            String generated = m.group(1);
            assertTrue(generated.length() >= 16, generated);
            k.awaitReadyAs(generated);
            k.stop();
            String second = k.start(Map.of());
            assertFalse(second.contains(generated), "printed only once: " + second);
            k.awaitReadyAs(generated);
        }
    }

    @Test
    void aRestartedDistributionKeepsWaitingTicketsInOrderAndKill9LosesNoAcknowledgedTicket() throws Exception {
        try (TalonProcess k = new TalonProcess("restart", "Restart-Secret-1")) {
            long t0 = System.nanoTime();
            k.start(Map.of("TALON_ADMIN_PASSWORD", "Restart-Secret-1"));
            k.awaitReady();
            String first = k.client("talon:issue A");
            long bootToFirstTicketMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(List.of("A001"), issued(first));
            System.out.printf("boot to first ticket: %d ms; RSS after boot: %d MiB%n", bootToFirstTicketMs, k.rssMiB());

            List<String> cmds = new ArrayList<>();
            for (int i = 0; i < 12; i++) cmds.add("talon:issue " + "ABC".charAt(i % 3));
            cmds.add("talon:issue --priority PRIORITY B");
            List<String> acknowledged = issued(k.client(cmds.toArray(new String[0])));
            assertEquals(13, acknowledged.size());
            List<String> before = waiting(k.client("talon:tickets"));
            assertEquals(14, before.size(), before.toString());

            k.stop();
            k.start(Map.of());
            k.awaitReady();
            assertEquals(before, waiting(k.client("talon:tickets")), "same tickets, same order after bin/stop + bin/start");

            // Acknowledged = printed by talon:issue; the JVM is killed right after the last one.
            List<String> more = new ArrayList<>();
            for (int i = 0; i < 30; i++) more.add("talon:issue " + "ABC".charAt(i % 3));
            List<String> acknowledgedBeforeKill = issued(k.client(more.toArray(new String[0])));
            assertEquals(30, acknowledgedBeforeKill.size());
            k.kill9();
            k.start(Map.of());
            k.awaitReady();
            List<String> after = waiting(k.client("talon:tickets"));
            for (String n : acknowledgedBeforeKill) assertTrue(after.contains(n), "lost " + n + " to kill -9");
            for (String n : before) assertTrue(after.contains(n), "lost " + n);
            assertEquals(44, after.size());
            assertEquals(after.size(), new HashSet<>(after).size(), "no number twice");
            String next = issued(k.client("talon:issue A")).get(0);
            assertFalse(after.contains(next), "numbering continues after the crash: " + next);
            // calling still follows the stored order
            String called = k.client("talon:call 1");
            assertTrue(called.contains("calls B"), "the priority ticket first: " + called);
        }
    }
}
