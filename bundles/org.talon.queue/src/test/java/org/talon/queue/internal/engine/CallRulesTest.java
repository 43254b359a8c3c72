package org.talon.queue.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.talon.queue.api.rule.CallRules;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.PriorityClass;

class CallRulesTest {
    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    static LiveTicket issue(BranchState s, String service, Instant at) {
        return s.issue(IssueRequest.of("demo", service), at);
    }

    static LiveTicket issue(BranchState s, String service, PriorityClass p, Instant at) {
        return s.issue(Fixtures.request("demo", service, p, null, null, null, null), at);
    }

    /** Calls at counter 1 and finishes at once, n times; returns the services called. */
    static List<String> callAndFinish(BranchState s, String counter, int n, Instant at) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LiveTicket t = s.call(counter, at);
            if (t == null) {
                out.add("-");
                continue;
            }
            out.add(t.service);
            s.serve(counter, at);
            s.finish(counter, at);
        }
        return out;
    }

    @Test
    void fifoWithinAClass() {
        BranchState s = Fixtures.simple();
        for (int i = 0; i < 5; i++) issue(s, "A", T0.plusSeconds(i));
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            numbers.add(s.call("1", T0.plusSeconds(100)).number);
            s.serve("1", T0.plusSeconds(100));
            s.finish("1", T0.plusSeconds(100));
        }
        assertEquals(List.of("A001", "A002", "A003", "A004", "A005"), numbers);
    }

    @Test
    void priorityIsCalledOutOfTurnButAgingLetsALongWaiterGoFirst() {
        BranchState s = Fixtures.simple(); // PRIORITY head start 10 min, VIP 20 min
        LiveTicket normalOld = issue(s, "A", T0);
        LiveTicket normalNew = issue(s, "A", T0.plus(Duration.ofMinutes(5)));
        LiveTicket prio = issue(s, "A", PriorityClass.PRIORITY, T0.plus(Duration.ofMinutes(8)));
        // prio's key is 07:58: ahead of normalNew (08:05) but behind nothing older than that.
        // normalOld (08:00) has waited 8 min < 10 min head start: prio goes first.
        assertEquals(prio, s.call("1", T0.plus(Duration.ofMinutes(9))));
        s.serve("1", T0.plus(Duration.ofMinutes(9)));
        s.finish("1", T0.plus(Duration.ofMinutes(9)));
        // A priority ticket issued 11 minutes after normalOld does not overtake it: aging.
        LiveTicket prio2 = issue(s, "A", PriorityClass.PRIORITY, T0.plus(Duration.ofMinutes(11)));
        assertEquals(normalOld, s.call("1", T0.plus(Duration.ofMinutes(12))));
        s.serve("1", T0);
        s.finish("1", T0);
        assertEquals(prio2, s.call("1", T0.plus(Duration.ofMinutes(13))), "prio2 (key 08:01) before normalNew (08:05)");
        s.serve("1", T0);
        s.finish("1", T0);
        assertEquals(normalNew, s.call("1", T0.plus(Duration.ofMinutes(14))));
    }

    @Test
    void aBookedCustomerIsPlacedInLineByTheBookedTimeNotTheArrival() {
        BranchState s = new Fixtures().service("A").profile("all", CallRules.STRICT_ORDER, "A").counter("1", "all")
                .headStart(PriorityClass.APPOINTMENT, Duration.ofMinutes(5)).state();
        LiveTicket before = issue(s, "A", T0);                                   // came at 08:00
        LiveTicket after = issue(s, "A", T0.plus(Duration.ofMinutes(12)));      // came at 08:12
        // booked for 08:15, checked in early at 07:55: line key 08:10 (its time minus the 5-minute head start)
        LiveTicket booked = s.issue(Fixtures.request("demo", "A", PriorityClass.APPOINTMENT, null, null, null, null).toBuilder()
                .appointmentAt(T0.plus(Duration.ofMinutes(15))).build(), T0.minus(Duration.ofMinutes(5)));
        // booked for 10:00 and come at 08:13: it waits for its time behind everyone who came before 09:55
        LiveTicket later = s.issue(Fixtures.request("demo", "A", PriorityClass.APPOINTMENT, null, null, null, null).toBuilder()
                .appointmentAt(T0.plus(Duration.ofHours(2))).build(), T0.plus(Duration.ofMinutes(13)));
        LiveTicket walkIn = issue(s, "A", T0.plus(Duration.ofMinutes(14)));     // came at 08:14
        List<LiveTicket> order = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            order.add(s.call("1", T0.plus(Duration.ofMinutes(20))));
            s.finish("1", T0.plus(Duration.ofMinutes(20)));
        }
        assertEquals(List.of(before, booked, after, walkIn, later), order);
    }

    @Test
    void aNormalTicketIsNeverOvertakenForLongerThanTheHeadStart() {
        BranchState s = Fixtures.simple();
        LiveTicket normal = issue(s, "A", T0);
        // A priority customer arrives every minute and counter 1 serves one per minute.
        Instant now = T0;
        for (int minute = 1; minute <= 60; minute++) {
            now = T0.plus(Duration.ofMinutes(minute));
            issue(s, "A", PriorityClass.PRIORITY, now);
            LiveTicket called = s.call("1", now);
            s.serve("1", now);
            s.finish("1", now);
            if (called == normal) {
                assertEquals(true, minute <= 11, "called after " + minute + " minutes");
                return;
            }
        }
        throw new AssertionError("the normal ticket was never called");
    }

    @Test
    void strictOrderCallsTheFirstQueueWithSomeone() {
        BranchState s = new Fixtures().service("A").service("B").service("C")
                .profile("p", CallRules.STRICT_ORDER, "C", "A", "B").counter("1", "p").state();
        issue(s, "A", T0);
        issue(s, "B", T0);
        issue(s, "C", T0.plusSeconds(5));
        assertEquals(List.of("C", "A", "B", "-"), callAndFinish(s, "1", 4, T0.plusSeconds(10)));
    }

    @Test
    void longestWaitCallsTheQueueWhoseFirstCustomerWaitedLongest() {
        BranchState s = new Fixtures().service("A").service("B").service("C")
                .profile("p", CallRules.LONGEST_WAIT, "A", "B", "C").counter("1", "p").state();
        issue(s, "B", T0);
        issue(s, "C", T0.plusSeconds(10));
        issue(s, "A", T0.plusSeconds(20));
        issue(s, "B", T0.plusSeconds(30));
        assertEquals(List.of("B", "C", "A", "B"), callAndFinish(s, "1", 4, T0.plusSeconds(60)));
    }

    @Test
    void earliestBreachCallsTheCustomerClosestToTheTargetWait() {
        BranchState s = new Fixtures().service("A", Duration.ofMinutes(30), Duration.ofMinutes(5))
                .service("B", Duration.ofMinutes(5), Duration.ofMinutes(5))
                .profile("p", CallRules.EARLIEST_BREACH, "A", "B").counter("1", "p").state();
        issue(s, "A", T0); // breach at 08:30
        issue(s, "B", T0.plus(Duration.ofMinutes(10))); // breach at 08:15
        issue(s, "B", T0.plus(Duration.ofMinutes(28))); // breach at 08:33
        assertEquals(List.of("B", "A", "B"), callAndFinish(s, "1", 3, T0.plus(Duration.ofMinutes(29))));
    }

    @Test
    void weightedPatternPlatinumPlatinumGoldSilverRepeats() {
        BranchState s = new Fixtures().service("P").service("G").service("S")
                .profile("w", CallRules.WEIGHTED, "P:2", "G:1", "S").counter("1", "w").state();
        for (int i = 0; i < 10; i++) {
            issue(s, "P", T0.plusSeconds(i));
            issue(s, "G", T0.plusSeconds(i));
            issue(s, "S", T0.plusSeconds(i));
        }
        assertEquals(List.of("P", "P", "G", "S", "P", "P", "G", "S", "P", "P", "G", "S"),
                callAndFinish(s, "1", 12, T0.plusSeconds(60)));
    }

    @Test
    void weightedPatternSkipsEmptyQueuesAndStartsANewRound() {
        BranchState s = new Fixtures().service("P").service("G").service("S")
                .profile("w", CallRules.WEIGHTED, "P:2", "G:1", "S").counter("1", "w").state();
        for (int i = 0; i < 6; i++) issue(s, "P", T0.plusSeconds(i));
        issue(s, "G", T0);
        // No Silver: P, P, G; the round is used up, a new one starts: P, P; again: P, P; then nobody.
        assertEquals(List.of("P", "P", "G", "P", "P", "P", "P", "-"), callAndFinish(s, "1", 8, T0.plusSeconds(60)));
    }

    @Test
    void weightedRoundsAreKeptPerCounter() {
        BranchState s = new Fixtures().service("P").service("S")
                .profile("w", CallRules.WEIGHTED, "P:1", "S").counter("1", "w").counter("2", "w").state();
        for (int i = 0; i < 4; i++) {
            issue(s, "P", T0.plusSeconds(i));
            issue(s, "S", T0.plusSeconds(i));
        }
        assertEquals(List.of("P"), callAndFinish(s, "1", 1, T0.plusSeconds(60)));
        assertEquals(List.of("P"), callAndFinish(s, "2", 1, T0.plusSeconds(60)));
        assertEquals(List.of("S"), callAndFinish(s, "1", 1, T0.plusSeconds(60)));
        assertEquals(List.of("S"), callAndFinish(s, "2", 1, T0.plusSeconds(60)));
    }

    @Test
    void conditionCallsFromAQueueWaitingTooLong() {
        BranchState s = new Fixtures().service("A").service("X")
                .profile("p", CallRules.STRICT_ORDER, "A", "X").condition("p", "X", Duration.ofMinutes(30))
                .counter("1", "p").state();
        issue(s, "X", T0);
        for (int i = 0; i < 5; i++) issue(s, "A", T0.plus(Duration.ofMinutes(1 + i)));
        assertEquals(List.of("A"), callAndFinish(s, "1", 1, T0.plus(Duration.ofMinutes(20))));
        assertEquals(List.of("X"), callAndFinish(s, "1", 1, T0.plus(Duration.ofMinutes(31))),
                "X waited over 30 min: called before A");
        assertEquals(List.of("A", "A"), callAndFinish(s, "1", 2, T0.plus(Duration.ofMinutes(32))));
    }

    @Test
    void countersCallOnlyTheirProfilesQueues() {
        BranchState s = new Fixtures().service("A").service("B")
                .profile("a", CallRules.STRICT_ORDER, "A").profile("b", CallRules.STRICT_ORDER, "B")
                .counter("1", "a").counter("2", "b").state();
        issue(s, "B", T0);
        assertNull(s.call("1", T0.plusSeconds(1)));
        assertEquals("B001", s.call("2", T0.plusSeconds(1)).number);
    }

    @Test
    void waitEstimateGrowsWithPositionAndShrinksWithOpenCounters() {
        BranchState s = Fixtures.simple(); // expected service time 5 min
        LiveTicket first = issue(s, "A", T0);
        LiveTicket third = null;
        issue(s, "A", T0.plusSeconds(1));
        third = issue(s, "A", T0.plusSeconds(2));
        assertNull(s.view(third).estimatedWait(), "no open counter: no estimate");
        s.open("1", null, T0);
        assertEquals(3, s.view(third).position());
        assertEquals(Duration.ofMinutes(10), s.view(third).estimatedWait());
        assertEquals(Duration.ZERO, s.view(first).estimatedWait());
        s.open("2", null, T0);
        assertEquals(Duration.ofMinutes(5), s.view(third).estimatedWait());
    }

    @Test
    void waitEstimateFollowsLiveServiceTimes() {
        BranchState s = Fixtures.simple();
        s.open("1", null, T0);
        for (int i = 0; i < 30; i++) {
            issue(s, "A", T0);
            s.call("1", T0);
            s.serve("1", T0);
            s.finish("1", T0.plus(Duration.ofMinutes(1)));
        }
        issue(s, "A", T0);
        LiveTicket second = issue(s, "A", T0);
        long seconds = s.view(second).estimatedWait().toSeconds();
        assertEquals(true, seconds >= 60 && seconds < 70, "close to the live 1 min, not the expected 5: " + seconds);
    }
}
