package org.talon.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.QueueService;
import org.talon.queue.api.Ticket;
import org.talon.queue.api.TicketState;

/**
 * The queue engine in the real distribution, through its service and its console. Subclasses
 * choose the database (embedded H2, PostgreSQL).
 */
public abstract class QueueEngineTests {
    static final String BRANCH = "demo";

    @Inject
    protected BundleContext context;

    @Inject
    protected SessionFactory sessions;

    protected QueueService queues;

    @Before
    public void demoBranchIsUp() throws Exception {
        queues = service();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (queues.counters(BRANCH).size() == 4 && queues.services(BRANCH).size() == 3
                        && queues.profiles(BRANCH).size() == 2) {
                    clearBranch();
                    return;
                }
            } catch (QueueException e) {
                // configuration still arriving
            }
            Thread.sleep(200);
        }
        fail("demo branch did not come up: " + queues.branches());
    }

    /** Ends whatever earlier tests left, so each test starts with no active ticket. */
    void clearBranch() {
        for (Ticket t : queues.activeTickets(BRANCH)) {
            switch (t.state()) {
                case WAITING, PARKED -> queues.cancel(BRANCH, String.valueOf(t.id()));
                case CALLED -> queues.noShow(BRANCH, t.counter());
                case SERVING -> queues.finish(BRANCH, t.counter());
                default -> {
                }
            }
        }
        assertEquals(List.of(), queues.activeTickets(BRANCH));
    }

    QueueService service() throws InterruptedException {
        ServiceTracker<QueueService, QueueService> t = new ServiceTracker<>(context, QueueService.class, null);
        t.open();
        try {
            QueueService s = t.waitForService(60_000);
            if (s == null) fail("no QueueService");
            return s;
        } finally {
            t.close();
        }
    }

    /** Runs a console command as the admin user and returns what it printed. */
    protected String console(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, "UTF-8");
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("admin"));
        // the roles of Talon's admingroup (etc/users.properties)
        for (String role : new String[] {"admin", "manager", "viewer", "systembundles", "ssh"}) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        try {
            // The session and its threads are made inside doAs so that they run as admin
            // (commands such as bundle:update check the caller's roles).
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> {
                Session s = sessions.create(System.in, out, out);
                try {
                    return s.execute(command);
                } finally {
                    s.close();
                }
            });
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        } finally {
            out.flush();
        }
        return bytes.toString("UTF-8");
    }

    @Test
    public void issueCallServeFinishThroughTheService() {
        Ticket issued = queues.issue(IssueRequest.of(null, "A"));
        assertEquals(TicketState.WAITING, issued.state());
        assertTrue(issued.number(), issued.number().matches("A\\d{3,}"));
        assertEquals(1, issued.position());
        Ticket called = queues.call(BRANCH, "1").orElseThrow();
        assertEquals(issued.id(), called.id());
        assertEquals(TicketState.CALLED, called.state());
        assertEquals("1", called.counter());
        assertEquals(TicketState.SERVING, queues.serve(BRANCH, "1").state());
        assertEquals(TicketState.DONE, queues.finish(BRANCH, "1").state());
        assertFalse(queues.call(BRANCH, "1").isPresent());
        QueueException e = expectRefusal(() -> queues.finish(BRANCH, "1"));
        assertEquals(QueueException.Reason.ILLEGAL_STATE, e.reason());
    }

    /** The manager's "served today" is read back from the database when the engine is loaded again. */
    @Test
    public void theDaySoFarComesBackFromTheDatabaseAfterAnUpdateOfTheEngine() throws Exception {
        clearBranch();
        org.talon.queue.api.QueueDay before = dayOf(queues, "A");
        queues.issue(IssueRequest.of(null, "A"));
        Ticket cancelled = queues.issue(IssueRequest.of(null, "A"));
        queues.call(BRANCH, "1").orElseThrow();
        queues.finish(BRANCH, "1");
        queues.cancel(BRANCH, String.valueOf(cancelled.id()));
        org.talon.queue.api.QueueDay now = dayOf(queues, "A");
        assertEquals(before.served() + 1, now.served());
        assertEquals(before.cancelled() + 1, now.cancelled());
        console("bundle:update org.talon.queue");
        Thread.sleep(1500);
        long deadline = System.currentTimeMillis() + 60_000;
        org.talon.queue.api.QueueDay after = null;
        while (after == null && System.currentTimeMillis() < deadline) {
            try {
                after = dayOf(service(), "A");
            } catch (RuntimeException e) {
                Thread.sleep(200); // the updated engine's branches still arriving
            }
        }
        queues = service();
        assertEquals(now, after);
    }

    private static org.talon.queue.api.QueueDay dayOf(QueueService q, String queue) {
        return q.today(BRANCH).stream().filter(d -> d.queue().equals(queue)).findFirst().orElseThrow();
    }

    @Test
    public void issueCallServeFinishThroughTheConsole() throws Exception {
        String issued = console("talon:issue B");
        Matcher m = Pattern.compile("Ticket (B\\d{3,}) issued").matcher(issued);
        assertTrue(issued, m.find());
        String number = m.group(1);
        assertTrue(console("talon:tickets").contains(number));
        assertTrue(console("talon:call 3").contains("Counter 3 calls " + number));
        assertTrue(console("talon:serve 3").contains(number));
        assertTrue(console("talon:finish 3").contains(number + " is now done"));
        assertTrue(console("talon:call 3").contains("No one is waiting for counter 3"));
        assertTrue(queues.activeTickets(BRANCH).isEmpty());
    }

    @Test
    public void refusalsOnTheConsoleNameTheProblem() throws Exception {
        // a CommandException: Karaf prints its message and logs it at debug level, not as an ERROR
        try {
            console("talon:issue Z");
            fail("unknown service accepted");
        } catch (Exception e) {
            assertEquals("CommandException", e.getClass().getSimpleName());
            assertTrue(e.getMessage(), e.getMessage().contains("no service 'Z'"));
        }
        try {
            console("talon:serve 2");
            fail("serve without a ticket accepted");
        } catch (Exception e) {
            assertEquals("CommandException", e.getClass().getSimpleName());
            assertTrue(e.getMessage(), e.getMessage().contains("Counter 2 has no current ticket"));
        }
    }

    @Test
    public void waitingTicketsAreCalledInOrderWithPriorityOutOfTurn() {
        List<String> normal = new ArrayList<>();
        for (int i = 0; i < 3; i++) normal.add(queues.issue(IssueRequest.of(BRANCH, "A")).number());
        Ticket prio = queues.issue(new IssueRequest(BRANCH, "A", org.talon.queue.api.PriorityClass.PRIORITY, null, null, null, null));
        List<String> called = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            called.add(queues.call(BRANCH, "1").orElseThrow().number());
            queues.serve(BRANCH, "1");
            queues.finish(BRANCH, "1");
        }
        List<String> expected = new ArrayList<>();
        expected.add(prio.number());
        expected.addAll(normal);
        assertEquals(expected, called);
    }

    @Test
    public void bundleUpdateOfTheEngineWhileIssuingLosesNoTicket() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Ticket> acknowledged = new ArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Throwable> unexpected = new java.util.concurrent.atomic.AtomicReference<>();
        Thread issuer = new Thread(() -> {
            ServiceTracker<QueueService, QueueService> t = new ServiceTracker<>(context, QueueService.class, null);
            t.open();
            try {
                while (running.get()) {
                    QueueService s = t.waitForService(30_000);
                    try {
                        Ticket k = s.issue(IssueRequest.of(BRANCH, "C"));
                        synchronized (acknowledged) {
                            acknowledged.add(k);
                        }
                    } catch (QueueException e) {
                        if (e.reason() != QueueException.Reason.UNAVAILABLE) unexpected.compareAndSet(null, e);
                        refused.incrementAndGet();
                        Thread.sleep(20);
                    } catch (RuntimeException | Error e) {
                        unexpected.compareAndSet(null, e);
                        refused.incrementAndGet();
                        Thread.sleep(20);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                t.close();
            }
        });
        issuer.start();
        Thread.sleep(1500);
        Bundle engine = bundle("org.talon.queue");
        long before = engine.getLastModified();
        console("bundle:update org.talon.queue");
        assertTrue("the bundle was updated", engine.getLastModified() > before);
        Thread.sleep(2500);
        running.set(false);
        issuer.join(30_000);

        if (unexpected.get() != null) {
            throw new AssertionError("a caller got something other than a clear 'unavailable' refusal", unexpected.get());
        }
        queues = service();
        Set<Long> stored = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (Ticket t : queues.activeTickets(BRANCH)) {
            stored.add(t.id());
            assertTrue("number issued twice: " + t.number(), numbers.add(t.number()));
        }
        int ackCount;
        synchronized (acknowledged) {
            ackCount = acknowledged.size();
            for (Ticket t : acknowledged) assertTrue("lost " + t.number(), stored.contains(t.id()));
        }
        if (ackCount != stored.size()) {
            Set<Long> acked = new HashSet<>();
            synchronized (acknowledged) {
                for (Ticket t : acknowledged) acked.add(t.id());
            }
            List<String> extra = new ArrayList<>();
            for (Ticket t : queues.activeTickets(BRANCH)) {
                if (!acked.contains(t.id())) extra.add(t.toString());
            }
            fail(ackCount + " acknowledged, " + stored.size() + " stored, " + refused.get() + " refused; stored but never acknowledged: " + extra);
        }
        assertTrue("issued before and after the update: " + ackCount, ackCount > 20);
        System.out.printf("bundle:update under load: %d tickets acknowledged and kept, %d refused while restarting%n",
                ackCount, refused.get());
    }

    /**
     * Prints how many durable issues per second one caller and eight concurrent callers get: with
     * group commit, eight callers share commits. A figure for the notes, not a timed assertion;
     * it asserts only that nothing is lost.
     */
    @Test
    public void concurrentCallersShareCommitsAndLoseNothing() throws Exception {
        String db = database();
        for (int callers : new int[] {1, 8}) {
            clearBranch();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger issued = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                threads.add(new Thread(() -> {
                    while (running.get()) {
                        queues.issue(IssueRequest.of(BRANCH, "A"));
                        issued.incrementAndGet();
                    }
                }));
            }
            long t0 = System.nanoTime();
            threads.forEach(Thread::start);
            Thread.sleep(3000);
            running.set(false);
            for (Thread t : threads) t.join(30_000);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(issued.get(), queues.activeTickets(BRANCH).size());
            System.out.printf("%s: %d caller(s): %.0f tickets issued per second, each acknowledged after its commit%n",
                    db, callers, issued.get() / seconds);
        }
    }

    /**
     * A command whose rows the database refuses (here an event type longer than its column) is
     * committed in one group with the kiosks' issues beside it: the group fails, each command runs
     * again alone, and only the refused one fails. Before, every ticket of that group got a 503.
     */
    @Test
    public void aCommandTheDatabaseRefusesFailsAloneAndTheIssuesOfItsGroupAreStored() throws Exception {
        org.talon.event.api.EventLog log = context.getService(context.getServiceReference(org.talon.event.api.EventLog.class));
        // hold the writer, so that what follows waits and is committed as one group
        var holder = log.submit(BRANCH, tx -> {
            Thread.sleep(300);
            return null;
        }).toCompletableFuture();
        Thread.sleep(50);
        java.util.concurrent.ExecutorService kiosks = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Future<Ticket>> issued = new ArrayList<>();
            for (int i = 0; i < 10; i++) issued.add(kiosks.submit(() -> queues.issue(IssueRequest.of(BRANCH, "C"))));
            Thread.sleep(100);
            var poison = log.submit(BRANCH, tx -> tx.append("T".repeat(200), "{}")).toCompletableFuture();
            holder.get(30, java.util.concurrent.TimeUnit.SECONDS);
            Set<String> numbers = new HashSet<>();
            for (var f : issued) numbers.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS).number());
            assertEquals("ten tickets, ten numbers", 10, numbers.size());
            try {
                poison.get(60, java.util.concurrent.TimeUnit.SECONDS);
                fail("an event type of 200 characters was stored");
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof org.talon.event.api.StorageUnavailableException);
            }
            Set<String> stored = new HashSet<>();
            for (Ticket t : queues.activeTickets(BRANCH)) stored.add(t.number());
            assertTrue("every acknowledged ticket is there: " + numbers + " in " + stored, stored.containsAll(numbers));
        } finally {
            kiosks.shutdownNow();
        }
    }

    /** Which database the Talon datasource points at, from its service properties. */
    String database() throws Exception {
        for (var ref : context.getServiceReferences(javax.sql.DataSource.class, "(osgi.jndi.service.name=talon)")) {
            Object url = ref.getProperty("url");
            if (url != null) return url.toString().startsWith("jdbc:h2") ? "H2" : url.toString().startsWith("jdbc:postgresql") ? "PostgreSQL" : url.toString();
        }
        return "unknown database";
    }

    Bundle bundle(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals(bsn)) return b;
        }
        throw new AssertionError("no bundle " + bsn);
    }

    static QueueException expectRefusal(Runnable r) {
        try {
            r.run();
        } catch (QueueException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }
}
