package org.talon.queue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.Ticket;
import org.talon.queue.api.TicketState;

class ConcurrentCallingTest {
    final SerialEventLog log = new SerialEventLog();
    final MemoryTicketStore store = new MemoryTicketStore();

    @AfterEach
    void stop() {
        log.shutdown();
    }

    @Test
    void eightCountersCallingSharedQueuesForTenSecondsNeverGetTheSameTicketAndLoseNone() throws Exception {
        QueueEngine engine = new QueueEngine(log, store, new CallRuleBook());
        engine.addElement(Configs.branch("demo"));
        for (String s : new String[] {"A", "B", "C"}) engine.addElement(Configs.service("demo", s));
        engine.addElement(Configs.profile("demo", "strict", "STRICT_ORDER", "A,B,C"));
        engine.addElement(Configs.profile("demo", "longest", "LONGEST_WAIT", "C,B,A"));
        engine.addElement(Configs.profile("demo", "weighted", "WEIGHTED", "B:2,A:1,C"));
        String[] profiles = {"strict", "longest", "weighted"};
        for (int i = 1; i <= 8; i++) engine.addElement(Configs.counter("demo", String.valueOf(i), profiles[i % 3]));

        AtomicBoolean issuing = new AtomicBoolean(true);
        Set<Long> issued = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<Long> called = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int k = 0; k < 2; k++) {
            String service = k == 0 ? "A" : "B";
            threads.add(new Thread(() -> {
                await(start);
                int n = 0;
                while (issuing.get()) {
                    issued.add(engine.issue(IssueRequest.of(null, n++ % 3 == 0 ? "C" : service)).id());
                }
            }));
        }
        for (int i = 1; i <= 8; i++) {
            String counter = String.valueOf(i);
            threads.add(new Thread(() -> {
                await(start);
                while (true) {
                    Optional<Ticket> t = engine.call(null, counter);
                    if (t.isEmpty()) {
                        if (!issuing.get()) return;
                        Thread.onSpinWait();
                        continue;
                    }
                    called.add(t.get().id());
                    try {
                        engine.serve(null, counter);
                        engine.finish(null, counter);
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        Thread.sleep(10_000);
        issuing.set(false);
        for (Thread t : threads) t.join(30_000);

        List<Long> calls = new ArrayList<>(called);
        Set<Long> distinct = new HashSet<>(calls);
        assertEquals(calls.size(), distinct.size(), "a ticket was called twice");
        assertEquals(issued, distinct, "every issued ticket was called exactly once");
        assertEquals(0, errors.get());
        assertTrue(issued.size() > 1000, "issued " + issued.size());
        for (Long id : issued) assertEquals(TicketState.DONE, store.states.get(id), "stored state of " + id);
        assertEquals(0, engine.activeTickets(null).size());
        System.out.printf("8 counters, 10 s: %d tickets issued, called and finished%n", issued.size());
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
