package org.talon.queue.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.PriorityClass;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.Ticket;
import org.talon.queue.api.TransferTarget;
import org.talon.queue.api.rule.CallRules;

/** What readers see (a snapshot) is what the writer's own views say, after any sequence of commands. */
class SnapshotTest {
    static final Instant T0 = Instant.parse("2026-11-23T07:00:00Z");
    static final String[] COUNTERS = {"1", "2", "3", "4"};

    static BranchState branch() {
        return new Fixtures().service("A").service("B").service("C", Duration.ofMinutes(5), Duration.ofMinutes(2))
                .profile("all", CallRules.STRICT_ORDER, "A", "B", "C")
                .profile("ab", CallRules.WEIGHTED, "A:2", "B:1")
                .profile("c", CallRules.LONGEST_WAIT, "C")
                .counter("1", "all").counter("2", "ab").counter("3", "c").counter("4", "all")
                .headStart(PriorityClass.PRIORITY, Duration.ofMinutes(10))
                .headStart(PriorityClass.VIP, Duration.ofMinutes(20))
                .state();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aSnapshotAgreesWithTheWritersViewsAfterEveryGroup(long seed) {
        Random r = new Random(seed);
        BranchState s = branch();
        Instant now = T0;
        int refused = 0;
        for (int step = 0; step < 3_000; step++) {
            now = now.plusSeconds(r.nextInt(40));
            try {
                act(s, r, now);
            } catch (QueueException e) {
                refused++; // a refused command changes nothing, as the writer's commands promise
            }
            if (r.nextInt(3) == 0) {
                s.drain(); // a group ends: the writer publishes what it committed
                Instant readAt = now.plusSeconds(r.nextInt(60));
                same(s, s.snapshot(), readAt);
            }
        }
        assertTrue(refused < 2_500, "most commands were taken: " + refused + " refused");
        same(s, s.snapshot(), now.plus(Duration.ofDays(1))); // the totals of a day that has passed
    }

    private static void same(BranchState s, Snapshot snap, Instant readAt) {
        List<Ticket> active = s.activeTickets();
        assertEquals(active, snap.activeTickets());
        assertEquals(s.counterViews(), snap.counters());
        assertEquals(s.queueStatus(readAt), snap.queueStatus(readAt));
        assertEquals(s.today(readAt), snap.today(readAt));
        for (Ticket t : active) {
            assertEquals(s.view(s.find(t.number())), snap.find(t.number()));
            assertEquals(s.view(s.find(Long.toString(t.id()))), snap.find(Long.toString(t.id())));
            assertEquals(s.view(s.findPublic(t.publicId())), snap.findPublic(t.publicId()));
        }
        assertNull(snap.findPublic("no-such-ticket"));
        assertNull(snap.find("Z999"));
    }

    private static void act(BranchState s, Random r, Instant now) {
        String counter = COUNTERS[r.nextInt(COUNTERS.length)];
        switch (r.nextInt(14)) {
            case 0, 1, 2 -> s.issue(IssueRequest.builder().branch("demo").service(String.valueOf((char) ('A' + r.nextInt(3))))
                    .priority(PriorityClass.values()[r.nextInt(PriorityClass.values().length)]).build(), now);
            case 3 -> s.open(counter, "op" + counter, now);
            case 4 -> s.call(counter, now);
            case 5 -> s.next(counter, now);
            case 6 -> s.serve(counter, now);
            case 7 -> s.finish(counter, now);
            case 8 -> s.noShow(counter, now);
            case 9 -> s.recall(counter, now);
            case 10 -> s.park(counter, now);
            case 11 -> s.transfer(counter, switch (r.nextInt(3)) {
                case 0 -> TransferTarget.queue(String.valueOf((char) ('A' + r.nextInt(3))));
                case 1 -> TransferTarget.counter(COUNTERS[r.nextInt(COUNTERS.length)]);
                default -> TransferTarget.operator("op" + COUNTERS[r.nextInt(COUNTERS.length)]);
            }, now);
            case 12 -> {
                if (r.nextBoolean()) s.pause(counter, now);
                else s.close(counter, now);
            }
            default -> {
                List<Ticket> active = s.activeTickets();
                if (active.isEmpty()) return;
                Ticket t = active.get(r.nextInt(active.size()));
                if (r.nextBoolean()) s.cancel(t.number(), now);
                else s.callParked(counter, t.number(), now);
            }
        }
    }

    @Test
    void aSnapshotIsNotChangedByLaterCommands() {
        BranchState s = branch();
        s.issue(IssueRequest.of("demo", "A"), T0);
        s.issue(IssueRequest.of("demo", "B"), T0);
        s.open("1", "anna", T0);
        s.drain();
        Snapshot first = s.snapshot();
        List<Ticket> before = first.activeTickets();

        s.call("1", T0.plusSeconds(30));
        s.issue(IssueRequest.of("demo", "C"), T0.plusSeconds(31));
        s.drain();
        Snapshot second = s.snapshot();

        assertEquals(before, first.activeTickets(), "what a reader holds stays as it was committed");
        assertEquals(2, first.queueStatus(T0).stream().mapToInt(q -> q.waiting()).sum());
        assertEquals(2, second.queueStatus(T0).stream().mapToInt(q -> q.waiting()).sum());
        assertEquals("A001", second.counters().get(0).currentTicket().number());
        assertEquals(first.find("B001"), second.find("B001"), "B001 did not change");
        assertEquals(org.talon.queue.api.TicketState.WAITING, first.find("A001").state());
        assertEquals(org.talon.queue.api.TicketState.CALLED, second.find("A001").state());
    }
}
