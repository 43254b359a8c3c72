package org.talon.event.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    final List<List<String>> transactions = Collections.synchronizedList(new ArrayList<>());
    final List<String> stored = Collections.synchronizedList(new ArrayList<>());
    final ExecutorService writers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        writers.shutdownNow();
    }

    /** A database that takes its time and refuses any transaction holding "bad". */
    void store(List<String> items) throws Exception {
        transactions.add(List.copyOf(items));
        Thread.sleep(20);
        if (items.contains("bad")) throw new IllegalStateException("value too long for column");
        stored.addAll(items);
    }

    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    /** The first group's commit holds until released, so the groups after it wait in line meanwhile. */
    GroupCommit<String> commits() {
        return new GroupCommit<>(items -> {
            if (items.contains("first")) {
                started.countDown();
                assertTrue(release.await(5, TimeUnit.SECONDS));
            }
            store(items);
        });
    }

    /** One writer commits "first"; the others put theirs in line meanwhile and wait for the lock. */
    List<Future<?>> othersWaitWhileOneCommits(GroupCommit<String> gc, String... others) throws Exception {
        List<Future<?>> all = new ArrayList<>();
        all.add(writers.submit(() -> {
            gc.commit("first");
            return null;
        }));
        assertTrue(started.await(5, TimeUnit.SECONDS));
        for (String s : others) {
            all.add(writers.submit(() -> {
                gc.commit(s);
                return null;
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (gc.waiting() < others.length && System.nanoTime() < deadline) Thread.sleep(1);
        assertEquals(others.length, gc.waiting());
        return all;
    }

    @Test
    void writersThatWaitForACommitShareTheNextOneAndEachIsAnsweredAfterItsOwnIsStored() throws Exception {
        GroupCommit<String> gc = commits();
        List<Future<?>> all = othersWaitWhileOneCommits(gc, "b", "c", "d");
        release.countDown();
        for (Future<?> f : all) f.get(5, TimeUnit.SECONDS);
        assertEquals(2, transactions.size(), "the three that waited shared one commit: " + transactions);
        assertEquals(List.of("first"), transactions.get(0));
        assertEquals(List.of("b", "c", "d"), transactions.get(1).stream().sorted().toList());
        assertEquals(4, stored.size());
    }

    @Test
    void aGroupTheDatabaseRefusesFailsAloneAndTheGroupsThatSharedItsCommitAreStored() throws Exception {
        GroupCommit<String> gc = commits();
        List<Future<?>> all = othersWaitWhileOneCommits(gc, "b", "bad", "d");
        release.countDown();
        all.get(0).get(5, TimeUnit.SECONDS);
        all.get(1).get(5, TimeUnit.SECONDS);
        Exception e = assertThrows(java.util.concurrent.ExecutionException.class, () -> all.get(2).get(5, TimeUnit.SECONDS));
        assertEquals("value too long for column", e.getCause().getMessage());
        all.get(3).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("b", "d", "first"), stored.stream().sorted().toList(), "nothing of the refused group, all of the others");
        // the shared commit, then each of its groups alone
        assertEquals(5, transactions.size(), transactions.toString());
        assertEquals(3, transactions.get(1).size());
    }

    @Test
    void aWriterAloneCommitsItsOwnGroupAtOnceOnItsOwnThreadAndGetsItsOwnFailure() throws Exception {
        List<Thread> on = new ArrayList<>();
        GroupCommit<String> gc = new GroupCommit<>(items -> {
            on.add(Thread.currentThread());
            if (items.contains("bad")) throw new java.sql.SQLException("refused");
        });
        gc.commit("a");
        assertEquals(List.of(Thread.currentThread()), on);
        java.sql.SQLException e = assertThrows(java.sql.SQLException.class, () -> gc.commit("bad"));
        assertEquals("refused", e.getMessage());
        assertEquals(2, on.size(), "a lone group that failed is not tried again");
        gc.commit("c");
        assertEquals(3, on.size());
    }
}
