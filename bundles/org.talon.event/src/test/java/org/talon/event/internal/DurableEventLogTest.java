package org.talon.event.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.EventListener;
import org.talon.event.api.StorageUnavailableException;

class DurableEventLogTest {
    final MemoryEventStore store = new MemoryEventStore();
    final DurableEventLog log = new DurableEventLog(store, Clock.systemUTC());

    @AfterEach
    void stop() {
        log.deactivate();
    }

    static <T> T get(java.util.concurrent.CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void sequencesStartAtOneAndHaveNoGapsPerBranch() throws Exception {
        for (int i = 0; i < 5; i++) {
            get(log.submit("a", tx -> tx.append("T", "{}")));
            get(log.submit("b", tx -> tx.append("T", "{}")));
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), log.read("a", 0, 100).stream().map(DomainEvent::sequence).toList());
        assertEquals(5, log.lastSequence("b"));
        assertEquals(List.of(4L, 5L), log.read("a", 3, 100).stream().map(DomainEvent::sequence).toList());
    }

    @Test
    void commandsWaitingTogetherCommitInOneGroup() throws Exception {
        store.commitDelayMillis = 50;
        List<CompletableFuture<DomainEvent>> fs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            fs.add(log.submit("a", tx -> tx.append("T", "{}")).toCompletableFuture());
        }
        for (var f : fs) f.get(10, TimeUnit.SECONDS);
        assertTrue(store.commits.get() < 20, "200 commands took " + store.commits.get() + " commits");
        assertEquals(200, store.committed.size());
    }

    @Test
    void underConcurrentLoadAGroupWaitsBrieflyForTheCommandsOnTheirWay() throws Exception {
        DurableEventLog lingering = new DurableEventLog(store, Clock.systemUTC(), 200_000);
        try {
            store.commitDelayMillis = 30;
            // two commands arrive while the writer is busy: one group of two, which sets the expected group size
            var busy = lingering.submit("a", tx -> {
                Thread.sleep(100);
                return null;
            });
            Thread.sleep(20);
            var a = lingering.submit("a", tx -> tx.append("T", "{}"));
            var b = lingering.submit("a", tx -> tx.append("T", "{}"));
            get(busy);
            get(a);
            get(b);
            int before = store.commits.get();
            // then one command, and another 50 ms later: the first waits for the second (one commit)
            var c = lingering.submit("a", tx -> tx.append("T", "{}"));
            Thread.sleep(50);
            var d = lingering.submit("a", tx -> tx.append("T", "{}"));
            assertEquals(3, get(c).sequence());
            assertEquals(4, get(d).sequence());
            assertEquals(before + 1, store.commits.get(), "the two commands shared one commit");
            // a lone command after a lone command commits at once: no waiting when nothing else comes
            long t0 = System.nanoTime();
            get(lingering.submit("a", tx -> tx.append("T", "{}")));
            get(lingering.submit("a", tx -> tx.append("T", "{}")));
            get(lingering.submit("a", tx -> tx.append("T", "{}")));
            assertTrue(System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(400 + 3 * 30 + 300),
                    "lone commands do not each wait the full 200 ms");
        } finally {
            lingering.deactivate();
        }
    }

    @Test
    void aRefusedCommandFailsAloneAndLeavesNoEvent() throws Exception {
        store.commitDelayMillis = 20;
        var ok1 = log.submit("a", tx -> tx.append("T", "{\"n\":1}"));
        var bad = log.submit("a", tx -> {
            tx.append("T", "{\"n\":2}");
            throw new IllegalArgumentException("refused");
        });
        var ok2 = log.submit("a", tx -> tx.append("T", "{\"n\":3}"));
        assertEquals(1, get(ok1).sequence());
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(bad));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals(2, get(ok2).sequence(), "no gap where the refused command was");
        assertEquals(List.of("{\"n\":1}", "{\"n\":3}"), log.read("a", 0, 10).stream().map(DomainEvent::payload).toList());
    }

    @Test
    void aFailedCommitFailsItsCommandsRunsRollbackHooksAndReusesNoSequence() throws Exception {
        get(log.submit("a", tx -> tx.append("T", "{}")));
        store.failCommits = true;
        AtomicBoolean rolledBack = new AtomicBoolean();
        var f = log.submit("a", tx -> {
            tx.onRollback(() -> rolledBack.set(true));
            return tx.append("T", "{}");
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(f));
        assertInstanceOf(StorageUnavailableException.class, e.getCause());
        assertTrue(rolledBack.get());
        store.failCommits = false;
        assertEquals(2, get(log.submit("a", tx -> tx.append("T", "{}"))).sequence());
        assertEquals(2, store.committed.size());
    }

    @Test
    void aCommitStoredButReportedFailedWhileTheDatabaseIsDownIsNeverNumberedOver() throws Exception {
        get(log.submit("a", tx -> tx.append("T", "{\"n\":1}")));
        // the database stores the group, the answer is lost, and it cannot be asked afterwards
        store.loseCommitAnswers = true;
        store.failReads = true;
        var f = log.submit("a", tx -> tx.append("T", "{\"n\":2}"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(f));
        StorageUnavailableException u = assertInstanceOf(StorageUnavailableException.class, e.getCause());
        assertTrue(u.mayHaveBeenStored(), "the caller is not told that nothing was stored");
        store.loseCommitAnswers = false;
        // still down: the next command is refused before anything is numbered or written
        var g = log.submit("a", tx -> tx.append("T", "{\"n\":3}"));
        assertInstanceOf(StorageUnavailableException.class, assertThrows(ExecutionException.class, () -> get(g)).getCause());
        assertEquals(2, store.committed.size());
        // back: numbering goes on after what the database has, not after what the writer last knew
        store.failReads = false;
        assertEquals(3, get(log.submit("a", tx -> tx.append("T", "{\"n\":4}"))).sequence());
        assertEquals(List.of(1L, 2L, 3L), log.read("a", 0, 10).stream().map(DomainEvent::sequence).toList());
    }

    @Test
    void commitHooksRunAfterTheCommitBeforeTheCallerOrAListenerHearsAndNeverAfterAFailedOne() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        log.addListener(e -> order.add("listener " + e.sequence()), Map.of(EventListener.BRANCH, "a"));
        var f = log.submit("a", tx -> {
            tx.onCommit(() -> order.add("hook, stored " + store.committed.size()));
            return tx.append("T", "{}");
        }).toCompletableFuture().thenApply(e -> order.add("caller " + e.sequence()));
        f.get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (order.size() < 3 && System.nanoTime() < deadline) Thread.sleep(10);
        // the hook first, with the group stored; who of the caller and the listener comes next is theirs
        assertEquals("hook, stored 1", order.get(0), String.valueOf(order));
        assertEquals(java.util.Set.of("caller 1", "listener 1"), java.util.Set.copyOf(order.subList(1, order.size())));

        store.failCommits = true;
        AtomicBoolean ran = new AtomicBoolean();
        var failed = log.submit("a", tx -> {
            tx.onCommit(() -> ran.set(true));
            return tx.append("T", "{}");
        });
        assertThrows(ExecutionException.class, () -> get(failed));
        assertTrue(!ran.get(), "a hook of a group that did not commit does not run");
        store.failCommits = false;
        // a hook that throws is logged; the commit and its caller's answer stand
        assertEquals(2, get(log.submit("a", tx -> {
            tx.onCommit(() -> {
                throw new IllegalStateException("hook failed");
            });
            return tx.append("T", "{}");
        })).sequence());
    }

    @Test
    void listenersGetEachBranchsEventsInOrderAfterCommit() throws Exception {
        List<Long> seen = new CopyOnWriteArrayList<>();
        EventListener l = e -> seen.add(e.sequence());
        log.addListener(l, Map.of(EventListener.BRANCH, "a", EventListener.TYPES, "Wanted"));
        for (int i = 0; i < 100; i++) {
            String type = i % 2 == 0 ? "Wanted" : "Other";
            log.submit("a", tx -> tx.append(type, "{}"));
            log.submit("b", tx -> tx.append("Wanted", "{}"));
        }
        get(log.submit("a", tx -> "done"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (seen.size() < 50 && System.nanoTime() < deadline) Thread.sleep(10);
        List<Long> expected = new ArrayList<>();
        for (long s = 1; s <= 100; s += 2) expected.add(s);
        assertEquals(expected, seen);
    }

    @Test
    void aCommandTheDatabaseRefusesFailsAloneAndTheOthersOfItsGroupCommit() throws Exception {
        store.refusedPayload = "poison";
        // the writer is busy, so the next five commands wait and form one group
        var busy = log.submit("a", tx -> {
            Thread.sleep(200);
            return tx.append("T", "{\"n\":0}");
        });
        Thread.sleep(50);
        List<CompletableFuture<DomainEvent>> fs = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String payload = i == 3 ? "{\"poison\":true}" : "{\"n\":" + i + "}";
            fs.add(log.submit("a", tx -> tx.append("T", payload)).toCompletableFuture());
        }
        get(busy);
        for (int i = 0; i < 5; i++) {
            if (i == 2) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> fs.get(2).get(10, TimeUnit.SECONDS));
                assertInstanceOf(StorageUnavailableException.class, e.getCause());
                assertTrue(!((StorageUnavailableException) e.getCause()).mayHaveBeenStored(), "the database said no: nothing stored");
            } else {
                assertTrue(fs.get(i).get(10, TimeUnit.SECONDS).payload().contains("\"n\":" + (i + 1)));
            }
        }
        assertTrue(log.writerIsolations("a") >= 1, "the refused group was split");
        // no gap, no poison: the four good commands follow the first in order
        assertEquals(List.of("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":4}", "{\"n\":5}"),
                log.read("a", 0, 100).stream().map(DomainEvent::payload).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), log.read("a", 0, 100).stream().map(DomainEvent::sequence).toList());
    }

    @Test
    void aCallerWithdrawsItsCommandUntilTheWriterTakesItAndNotAfter() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        var busy = log.submit("a", tx -> {
            Thread.sleep(300);
            return tx.append("T", "{}");
        }).toCompletableFuture();
        Thread.sleep(50);
        var waiting = log.submit("a", tx -> {
            ran.set(true);
            return tx.append("T", "{\"withdrawn\":true}");
        }).toCompletableFuture();
        assertTrue(waiting.cancel(false), "not taken yet: withdrawn");
        // the running one is the writer's: it cannot be withdrawn, and it commits
        assertTrue(!busy.cancel(false), "taken: not withdrawn");
        assertEquals(1, get(busy).sequence());
        assertEquals(2, get(log.submit("a", tx -> tx.append("T", "{}"))).sequence(), "the withdrawn one took no number");
        assertTrue(!ran.get(), "a withdrawn command never runs");
        assertTrue(log.read("a", 0, 10).stream().noneMatch(e -> e.payload().contains("withdrawn")));
    }

    @Test
    void afterStopCommandsAreRefusedClearly() throws Exception {
        get(log.submit("a", tx -> tx.append("T", "{}")));
        log.deactivate();
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(log.submit("a", tx -> "x")));
        assertInstanceOf(StorageUnavailableException.class, e.getCause());
    }

    @Test
    void aCommandThatThrowsAfterItWroteIsRolledBackWholeAndTheOthersOfItsGroupCommit() throws Exception {
        store.commitDelayMillis = 20;
        AtomicBoolean forgotten = new AtomicBoolean();
        var busy = log.submit("a", tx -> {
            Thread.sleep(50); // the next three wait meanwhile: one group
            return null;
        });
        var ok1 = log.submit("a", tx -> {
            tx.rows(ROWS).insert(1L, "row 1");
            return tx.append("T", "{\"n\":1}");
        });
        // as a booking check-in that issued its ticket through the queue's operation, then failed
        var bad = log.submit("a", tx -> {
            tx.rows(ROWS).insert(2L, "row 2");
            tx.append("T", "{\"n\":2}");
            tx.onRollback(() -> forgotten.set(true));
            throw new IllegalStateException("failed after it wrote");
        });
        var ok2 = log.submit("a", tx -> {
            tx.rows(ROWS).insert(3L, "row 3");
            return tx.append("T", "{\"n\":3}");
        });
        get(busy);
        assertEquals(1, get(ok1).sequence());
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(bad));
        assertEquals("failed after it wrote", e.getCause().getMessage());
        assertEquals(2, get(ok2).sequence(), "no gap where the rolled-back command was");
        assertEquals(List.of("insert t [1, row 1]", "insert t [3, row 3]"), store.rows, "nothing of the failed command is stored, not even its rows");
        assertEquals(List.of("{\"n\":1}", "{\"n\":3}"), log.read("a", 0, 10).stream().map(DomainEvent::payload).toList());
        assertTrue(forgotten.get(), "its rollback hook ran, so state kept in memory forgets it");
    }

    static final org.talon.event.api.RowTable ROWS = org.talon.event.api.RowTable.named("t").key("id").columns("v");

    @Test
    void aCommandThatThrowsAfterItWroteOnlyRowsIsRolledBackWholeAndTheOthersRowsCommitOnceEach() throws Exception {
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var busy = log.submit("a", tx -> {
            running.countDown();
            release.await(10, TimeUnit.SECONDS); // the next three wait meanwhile: one group
            return null;
        });
        running.await(10, TimeUnit.SECONDS);
        var ok1 = log.submit("a", tx -> {
            tx.rows(ROWS).insert(1L, "issued");
            return tx.append("T", "{\"n\":1}");
        });
        var bad = log.submit("a", tx -> {
            tx.rows(ROWS).insert(2L, "spoiled");
            throw new IllegalStateException("failed after it wrote a row");
        });
        var ok2 = log.submit("a", tx -> {
            tx.rows(ROWS).update(1L, "called");
            return tx.append("T", "{\"n\":2}");
        });
        release.countDown();
        get(busy);
        get(ok1);
        assertEquals("failed after it wrote a row", assertThrows(ExecutionException.class, () -> get(bad)).getCause().getMessage());
        assertEquals(2, get(ok2).sequence());
        assertEquals(List.of("insert t [1, called]"), store.lastRows.pending(),
                "the row is inserted once with its last values; nothing of the failed command is written");
    }

    @Test
    void aCommandThatWaitsForAnotherOfItsOwnBranchIsRefusedAtOnceNotAfterATimeout() throws Exception {
        long start = System.nanoTime();
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(log.submit("a",
                tx -> log.submit("a", inner -> inner.append("T", "{}")).toCompletableFuture().get(30, TimeUnit.SECONDS))));
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 5, "refused at once");
        assertInstanceOf(org.talon.event.api.CommandWaitsForItsOwnBranch.class, e.getCause().getCause());
        assertTrue(e.getCause().getMessage().contains("with this command's transaction"), e.getCause().getMessage());
        assertEquals(0, log.lastSequence("a"));
    }

    @Test
    void aTransactionKeptAfterItsCommandIsRefused() throws Exception {
        org.talon.event.api.BranchTransaction kept = get(log.submit("a", tx -> tx));
        assertThrows(IllegalStateException.class, () -> kept.append("T", "{}"));
        assertThrows(IllegalStateException.class, () -> kept.onRollback(() -> {}));
        assertThrows(IllegalStateException.class, () -> kept.rows(ROWS).put(1L, "late"));
        assertEquals(0, log.lastSequence("a"));
    }

    @Test
    void theTimeOfAGroupIsInMicrosecondsAsTheDatabaseKeepsIt() throws Exception {
        java.time.Instant t = java.time.Instant.parse("2026-12-03T08:00:00.123456789Z");
        DurableEventLog fixed = new DurableEventLog(store, Clock.fixed(t, java.time.ZoneOffset.UTC));
        try {
            DomainEvent e = get(fixed.submit("m", tx -> tx.append("T", "{}")));
            assertEquals(java.time.Instant.parse("2026-12-03T08:00:00.123456Z"), e.time(), "what the caller is told is what is read back");
        } finally {
            fixed.deactivate();
        }
    }
}
