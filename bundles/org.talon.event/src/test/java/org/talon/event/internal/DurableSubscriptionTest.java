package org.talon.event.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.DurableSubscriber;
import org.talon.event.api.EventListener;

class DurableSubscriptionTest {
    final MemoryEventStore store = new MemoryEventStore();
    final List<DurableEventLog> logs = new ArrayList<>();

    DurableEventLog log() {
        DurableEventLog l = new DurableEventLog(store, Clock.systemUTC());
        logs.add(l);
        return l;
    }

    @AfterEach
    void stop() {
        logs.forEach(DurableEventLog::deactivate);
    }

    static void append(DurableEventLog log, String branch, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            log.submit(branch, tx -> tx.append("T", "{}")).toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 15 s: " + what);
            Thread.sleep(10);
        }
    }

    /** Records what it is handed; a row per event, written in the subscriber's transaction. */
    final class Recorder implements DurableSubscriber {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void handle(DomainEvent e) {
            seen.add(e.branch() + e.sequence());
            store.write(e.branch() + e.sequence());
        }
    }

    static Map<String, Object> props(String name, Object... more) {
        Map<String, Object> p = new HashMap<>();
        p.put(DurableSubscriber.NAME, name);
        for (int i = 0; i < more.length; i += 2) p.put((String) more[i], more[i + 1]);
        return p;
    }

    @Test
    void aLateSubscriberCatchesUpInOrderThenFollowsLive() throws Exception {
        DurableEventLog log = log();
        append(log, "a", 450);
        append(log, "b", 3);
        Recorder r = new Recorder();
        log.addSubscriber(r, props("projection"));
        await(() -> r.seen.size() == 453, "caught up: " + r.seen.size());
        append(log, "a", 2);
        await(() -> r.seen.size() == 455, "live: " + r.seen.size());
        List<String> a = r.seen.stream().filter(s -> s.startsWith("a")).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 452; i++) expected.add("a" + i);
        assertEquals(expected, a, "each of branch a's events once, in log order");
        assertEquals(Map.of("a", 452L, "b", 3L), log.positions("projection"));
        assertEquals(452L, store.positions.get("projection a"), "the position is stored");
        assertEquals(455, store.rows.size(), "the subscriber's rows committed with its positions");
    }

    @Test
    void afterARestartItGoesOnFromItsStoredPositionAndGetsWhatWasCommittedMeanwhile() throws Exception {
        DurableEventLog first = log();
        Recorder before = new Recorder();
        first.addSubscriber(before, props("notifications"));
        append(first, "a", 5);
        await(() -> before.seen.size() == 5, "first run");
        first.removeSubscriber(before); // as a bundle:update of the subscriber's bundle
        append(first, "a", 3); // committed while it was away
        first.deactivate();

        DurableEventLog second = log();
        Recorder after = new Recorder();
        second.addSubscriber(after, props("notifications"));
        await(() -> after.seen.size() == 3, "caught up after restart: " + after.seen);
        assertEquals(List.of("a6", "a7", "a8"), after.seen);
    }

    @Test
    void aHandlerThatFailsIsHandedTheSameEventAgainAndNothingAfterItMeanwhile() throws Exception {
        DurableEventLog log = log();
        append(log, "a", 5);
        AtomicInteger failures = new AtomicInteger();
        List<String> seen = new CopyOnWriteArrayList<>();
        log.addSubscriber(e -> {
            store.write("row " + e.sequence());
            if (e.sequence() == 3 && failures.getAndIncrement() == 0) throw new IllegalStateException("mail server down");
            seen.add("a" + e.sequence());
        }, props("mailer"));
        await(() -> seen.size() >= 5 && seen.contains("a5"), "went on after the failure: " + seen);
        // the first batch (1..5) was rolled back at 3: 1 and 2 were handed twice, then each once, in order
        assertEquals(List.of("a1", "a2", "a1", "a2", "a3", "a4", "a5"), seen);
        assertEquals(2, failures.get(), "event 3 was tried twice: it failed once, then was handled");
        assertEquals(List.of("row 1", "row 2", "row 3", "row 4", "row 5"), store.rows, "rows of the rolled-back try are not stored");
        assertEquals(5L, store.positions.get("mailer a"));
    }

    @Test
    void aSubscriberFromTheEndSkipsThePastAndKeepsItsPlaceAcrossARestart() throws Exception {
        DurableEventLog first = log();
        append(first, "a", 4);
        Recorder r = new Recorder();
        first.addSubscriber(r, props("display-feed", DurableSubscriber.FROM, "end"));
        await(() -> store.positions.containsKey("display-feed a"), "its first position is stored");
        first.removeSubscriber(r);
        append(first, "a", 2);
        first.deactivate();
        DurableEventLog second = log();
        Recorder again = new Recorder();
        second.addSubscriber(again, props("display-feed", DurableSubscriber.FROM, "end"));
        await(() -> again.seen.size() == 2, "what came after its first start: " + again.seen);
        assertEquals(List.of("a5", "a6"), again.seen);
        assertEquals(List.of(), r.seen);
    }

    @Test
    void typesAndBranchLimitWhatItIsHandedAndItsPositionStillMovesOn() throws Exception {
        DurableEventLog log = log();
        log.submit("a", tx -> {
            tx.append("TicketIssued", "{}");
            tx.append("TicketCalled", "{}");
            return tx.append("TicketIssued", "{}");
        }).toCompletableFuture().get(10, TimeUnit.SECONDS);
        append(log, "b", 2);
        List<DomainEvent> seen = new CopyOnWriteArrayList<>();
        log.addSubscriber(seen::add, props("calls", EventListener.TYPES, "TicketCalled", EventListener.BRANCH, "a"));
        await(() -> Long.valueOf(3).equals(store.positions.get("calls a")), "position past the events it is not handed");
        assertEquals(List.of("TicketCalled"), seen.stream().map(DomainEvent::type).toList());
        assertTrue(!store.positions.containsKey("calls b"), "another branch is not followed");
    }

    @Test
    void aSecondSubscriberOfTheSameNameIsNotStarted() throws Exception {
        DurableEventLog log = log();
        Recorder one = new Recorder();
        Recorder two = new Recorder();
        log.addSubscriber(one, props("same"));
        log.addSubscriber(two, props("same"));
        append(log, "a", 2);
        await(() -> one.seen.size() == 2, "the first");
        Thread.sleep(200);
        assertEquals(List.of(), two.seen);
    }
}
