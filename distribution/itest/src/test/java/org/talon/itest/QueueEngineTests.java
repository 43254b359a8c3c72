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

    /**
     * Runs a console command as the admin user and returns what it printed. A command of a bundle
     * still starting (the web bundle's come up after the queue engine's) is waited for, 30 s at most.
     */
    protected String console(String command) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        for (;;) {
            try {
                return consoleOnce(command);
            } catch (Exception e) {
                // gogo's CommandNotFoundException, whose package the test probe does not import
                if (!e.getClass().getSimpleName().equals("CommandNotFoundException") || System.currentTimeMillis() > deadline) throw e;
                Thread.sleep(200);
            }
        }
    }

    private String consoleOnce(String command) throws Exception {
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
        String tickets = console("talon:tickets");
        assertTrue(tickets.contains(number));
        // times on the console say their zone (the branch's): the API's are UTC
        assertTrue(tickets, Pattern.compile(number + ".*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{2}:\\d{2}").matcher(tickets).find());
        queues.close(BRANCH, "3");
        String called = console("talon:call 3");
        assertTrue(called, called.contains("Counter 3 was closed; calling opened it.") && called.contains("Counter 3 calls " + number));
        assertTrue(console("talon:serve 3").contains(number));
        assertTrue(console("talon:finish 3").contains(number + " is now done"));
        String nobody = console("talon:call 3");
        assertTrue(nobody, nobody.contains("No one is waiting for counter 3") && !nobody.contains("was closed"));
        assertTrue(queues.activeTickets(BRANCH).isEmpty());
    }

    @Test
    public void theDeviceListSaysWhatItShowsAndWhenItIsEmpty() throws Exception {
        String none = console("talon:devices");
        assertTrue(none, none.contains("No devices yet") && none.contains("talon:device-add"));
        assertTrue(console("talon:device-add lobby-screen display").contains("lobby-screen"));
        try {
            String list = console("talon:devices");
            assertTrue(list, Pattern.compile("Device\\s+\\|?\\s*Role\\s+\\|?\\s*Created").matcher(list).find());
            assertTrue(list, Pattern.compile("lobby-screen.*display.*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{2}:\\d{2}").matcher(list).find());
        } finally {
            console("talon:device-revoke lobby-screen");
        }
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
        Ticket prio = queues.issue(IssueRequest.builder().branch(BRANCH).service("A").priority(org.talon.queue.api.PriorityClass.PRIORITY).build());
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

    /**
     * Another domain's command (here: as a booking's check-in would) issues a ticket with its own
     * transaction: its event and the ticket commit together, or, when it fails after issuing,
     * neither is stored, in the real database.
     */
    @Test
    public void aCommandOfAnotherDomainIssuesATicketInItsOwnTransactionAllOrNothing() throws Exception {
        org.talon.event.api.EventLog log = context.getService(context.getServiceReference(org.talon.event.api.EventLog.class));
        java.util.concurrent.TimeUnit s = java.util.concurrent.TimeUnit.SECONDS;
        Ticket checkedIn = log.submit(BRANCH, tx -> {
            Ticket t = queues.issue(tx, IssueRequest.of(BRANCH, "A"));
            tx.append("AppointmentCheckedIn", "{\"ticket\":" + t.id() + "}");
            return t;
        }).toCompletableFuture().get(30, s);
        List<org.talon.event.api.DomainEvent> last = log.read(BRANCH, log.lastSequence(BRANCH) - 2, 2);
        assertEquals(List.of("TicketIssued", "AppointmentCheckedIn"), last.stream().map(org.talon.event.api.DomainEvent::type).toList());
        assertEquals("one commit, one time", last.get(0).time(), last.get(1).time());
        assertTrue(queues.activeTickets(BRANCH).stream().anyMatch(t -> t.id() == checkedIn.id()));

        long before = log.lastSequence(BRANCH);
        java.util.concurrent.atomic.AtomicReference<Ticket> issuedThenFailed = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            log.submit(BRANCH, tx -> {
                issuedThenFailed.set(queues.issue(tx, IssueRequest.of(null, "A")));
                throw new IllegalStateException("the booking's row was refused");
            }).toCompletableFuture().get(30, s);
            fail("the failing command succeeded");
        } catch (java.util.concurrent.ExecutionException e) {
            assertEquals("the booking's row was refused", e.getCause().getMessage());
        }
        assertTrue("it did issue inside its command", issuedThenFailed.get() != null);
        // other bundles may write to the branch meanwhile (hardware coming online after the boot): none of what came is the failed command's
        long failedId = issuedThenFailed.get().id();
        assertTrue("no event of it is stored", log.read(BRANCH, before, 1000).stream()
                .noneMatch(e -> e.type().equals("TicketIssued") && e.payload().contains("\"ticketId\":" + failedId + ",")));
        assertFalse("its ticket is not there, in memory or in the database",
                queues.activeTickets(BRANCH).stream().anyMatch(t -> t.id() == issuedThenFailed.get().id()));
        assertTrue(queues.ticket(BRANCH, issuedThenFailed.get().number()).isEmpty());
        // the number it would have had is the next ticket's: nothing of it was stored
        assertEquals(issuedThenFailed.get().number(), queues.issue(IssueRequest.of(BRANCH, "A")).number());

        // a ticket for another branch cannot be issued in this branch's transaction
        try {
            log.submit(BRANCH, tx -> queues.issue(tx, IssueRequest.of("elsewhere", "A"))).toCompletableFuture().get(30, s);
            fail("issued for another branch");
        } catch (java.util.concurrent.ExecutionException e) {
            assertTrue(e.getCause().getMessage(), e.getCause() instanceof QueueException);
        }
        // the service's own form, which waits for the writer, is refused at once on the writer, not after 30 s
        long start = System.nanoTime();
        try {
            log.submit(BRANCH, tx -> queues.issue(IssueRequest.of(BRANCH, "A"))).toCompletableFuture().get(30, s);
            fail("a command waited for its own writer and was answered");
        } catch (java.util.concurrent.ExecutionException e) {
            assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof org.talon.event.api.CommandWaitsForItsOwnBranch
                    && e.getCause().getMessage().contains("with this command's transaction"));
        }
        assertTrue("refused at once", java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 10);
    }

    /**
     * Reads see the last commit and never queue behind commands: with the branch's writer held
     * by a long command, every read of the branch is answered at once, and shows what the held
     * command has not yet committed only after it commits (and before its caller is answered).
     */
    @Test
    public void readsAreAnsweredWhileTheWriterIsBusyAndSeeOnlyWhatWasCommitted() throws Exception {
        org.talon.event.api.EventLog log = context.getService(context.getServiceReference(org.talon.event.api.EventLog.class));
        java.util.concurrent.TimeUnit s = java.util.concurrent.TimeUnit.SECONDS;
        Ticket waiting = queues.issue(IssueRequest.of(BRANCH, "A"));
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Ticket> held = log.submit(BRANCH, tx -> {
            Ticket t = queues.issue(tx, IssueRequest.of(BRANCH, "B"));
            inside.countDown();
            if (!release.await(60, s)) throw new IllegalStateException("never released");
            return t;
        }).toCompletableFuture();
        try {
            assertTrue("the writer took the held command", inside.await(30, s));
            java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                // each read on its own thread, given 10 s: a read queued on the writer would wait for the release
                List<Ticket> active = reader.submit(() -> queues.activeTickets(BRANCH)).get(10, s);
                assertEquals(List.of(waiting.number()), active.stream().map(Ticket::number).toList());
                assertEquals(1, reader.submit(() -> queues.queues(BRANCH)).get(10, s).stream().mapToInt(q -> q.waiting()).sum());
                assertEquals(4, reader.submit(() -> queues.counters(BRANCH)).get(10, s).size());
                assertEquals(waiting.id(), reader.submit(() -> queues.ticket(BRANCH, waiting.number())).get(10, s).orElseThrow().id());
                assertEquals(waiting.number(), reader.submit(() -> queues.ticketByPublicId(waiting.publicId())).get(10, s).orElseThrow().number());
                assertEquals(3, reader.submit(() -> queues.today(BRANCH)).get(10, s).size());
                assertFalse("the held command has not committed", held.isDone());
            } finally {
                reader.shutdownNow();
            }
        } finally {
            release.countDown();
        }
        Ticket b = held.get(30, s);
        // answered after its commit: its caller reads its own write
        assertEquals(List.of(waiting.number(), b.number()), queues.activeTickets(BRANCH).stream().map(Ticket::number).sorted().toList());
    }

    /**
     * A durable subscriber registered late catches up on the whole log from the database, in
     * order, writing a row per event in the same transaction as its position; away for a while
     * (as in a bundle:update of its bundle) it gets what was committed meanwhile; a handler that
     * fails has its rows rolled back with its position and is handed the event again. The rows'
     * primary key (branch, sequence) would stop it for good on any event handed twice after commit.
     */
    @Test
    public void aDurableSubscriberCatchesUpFromTheDatabaseAndGoesOnWhereItLeftOff() throws Exception {
        org.talon.event.api.EventLog log = context.getService(context.getServiceReference(org.talon.event.api.EventLog.class));
        javax.sql.DataSource ds = context.getService(context.getServiceReferences(javax.sql.DataSource.class, "(osgi.jndi.service.name=talon)").iterator().next());
        String table = "itest_seen_" + Long.toString(System.nanoTime(), 36);
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + table + " (branch VARCHAR(64) NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (branch, seq))");
        }
        for (int i = 0; i < 5; i++) queues.issue(IssueRequest.of(BRANCH, "A"));
        AtomicInteger failOnce = new AtomicInteger();
        long failAt = log.lastSequence(BRANCH) - 2;
        org.talon.event.api.DurableSubscriber recorder = e -> {
            if (!e.branch().equals(BRANCH)) return;
            try (java.sql.Connection c = ds.getConnection();
                    java.sql.PreparedStatement st = c.prepareStatement("INSERT INTO " + table + " (branch, seq) VALUES (?, ?)")) {
                st.setString(1, e.branch());
                st.setLong(2, e.sequence());
                st.executeUpdate();
            }
            if (e.sequence() == failAt && failOnce.getAndIncrement() == 0) throw new IllegalStateException("refused once");
        };
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put(org.talon.event.api.DurableSubscriber.NAME, table);
        String none = console("talon:subscribers");
        assertTrue(none, !none.contains(table));
        var registration = context.registerService(org.talon.event.api.DurableSubscriber.class, recorder, props);
        try {
            awaitRows(ds, table, log.lastSequence(BRANCH), 120);
            assertEquals("the refused event was tried again", 2, failOnce.get());
            // the console shows where it stands: at the end of the log, nothing behind, no problem left
            String status = console("talon:subscribers");
            assertTrue(status, status.contains("Subscriber") && status.contains("Behind")
                    && Pattern.compile(table + "\\s*\\|\\s*demo\\s*\\|\\s*" + log.lastSequence(BRANCH) + "\\s*\\|\\s*0\\b")
                            .matcher(status).find());
            registration.unregister();
            registration = null;
            for (int i = 0; i < 7; i++) queues.issue(IssueRequest.of(BRANCH, "B"));
            registration = context.registerService(org.talon.event.api.DurableSubscriber.class, recorder, props);
            for (int i = 0; i < 3; i++) queues.issue(IssueRequest.of(BRANCH, "C"));
            awaitRows(ds, table, log.lastSequence(BRANCH), 120);
        } finally {
            if (registration != null) registration.unregister();
            try (java.sql.Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
                st.execute("DROP TABLE " + table);
            }
        }
    }

    /** Waits until the table holds exactly the sequences 1..last of the branch, each once. */
    static void awaitRows(javax.sql.DataSource ds, String table, long last, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        long count = -1, min = -1, max = -1;
        while (System.currentTimeMillis() < deadline) {
            try (java.sql.Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*), MIN(seq), MAX(seq) FROM " + table + " WHERE branch = '" + BRANCH + "'")) {
                rs.next();
                count = rs.getLong(1);
                min = rs.getLong(2);
                max = rs.getLong(3);
            }
            if (count == last && min == 1 && max == last) return;
            Thread.sleep(200);
        }
        fail("the subscriber's rows: " + count + " rows " + min + ".." + max + ", the log ends at " + last);
    }

    /**
     * A call rule is a component of its own: a rule registered as a service under a new name is
     * what a work profile naming it calls by, at once; unregistered, the profile's counters are
     * refused in words, and nothing is called.
     */
    @Test
    public void aCallRuleInstalledAsAServiceIsWhatAProfileNamingItCallsBy() throws Exception {
        org.osgi.service.cm.ConfigurationAdmin cm = context.getService(context.getServiceReference(org.osgi.service.cm.ConfigurationAdmin.class));
        // the last of the profile's queues that has someone waiting: the opposite of STRICT_ORDER
        org.talon.queue.api.rule.CallRule lastFirst = c -> {
            List<org.talon.queue.api.ProfileEntry> entries = c.profile().entries();
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (c.head(entries.get(i).queue()) != null) return entries.get(i).queue();
            }
            return null;
        };
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put(org.talon.queue.api.rule.CallRule.NAME, "LAST_FIRST");
        var rule = context.registerService(org.talon.queue.api.rule.CallRule.class, lastFirst, props);
        org.osgi.service.cm.Configuration profile = cm.getFactoryConfiguration("org.talon.queue.profile", "demo-itest-last", "?");
        org.osgi.service.cm.Configuration counter = cm.getFactoryConfiguration("org.talon.queue.counter", "demo-itest-9", "?");
        try {
            java.util.Hashtable<String, Object> p = new java.util.Hashtable<>();
            p.put("branch", BRANCH);
            p.put("id", "itest-last");
            p.put("rule", "LAST_FIRST");
            p.put("queues", "A,B,C");
            profile.update(p);
            java.util.Hashtable<String, Object> k = new java.util.Hashtable<>();
            k.put("branch", BRANCH);
            k.put("id", "9");
            k.put("name", "Window 9");
            k.put("profile", "itest-last");
            counter.update(k);
            long deadline = System.currentTimeMillis() + 30_000;
            while (queues.counters(BRANCH).stream().noneMatch(c -> c.id().equals("9"))) {
                assertTrue("counter 9 did not come", System.currentTimeMillis() < deadline);
                Thread.sleep(100);
            }
            String a = queues.issue(IssueRequest.of(BRANCH, "A")).number();
            String c = queues.issue(IssueRequest.of(BRANCH, "C")).number();
            assertEquals("the installed rule chose C, the last of A,B,C with someone waiting", c,
                    queues.call(BRANCH, "9").orElseThrow().number());
            rule.unregister();
            rule = null;
            // Next finishes the ticket at the counter, then finds no rule to call by: refused, and
            // what it had changed is neither stored nor shown to readers
            QueueException refusedNext = expectRefusal(() -> queues.next(BRANCH, "9"));
            assertTrue(refusedNext.getMessage(), refusedNext.getMessage().contains("LAST_FIRST"));
            assertEquals("the ticket at the counter is still called", TicketState.CALLED, queues.ticket(BRANCH, c).orElseThrow().state());
            assertEquals(c, queues.counters(BRANCH).stream().filter(k9 -> k9.id().equals("9")).findFirst().orElseThrow().currentTicket().number());
            queues.finish(BRANCH, "9");
            QueueException refused = expectRefusal(() -> queues.call(BRANCH, "9"));
            assertTrue(refused.getMessage(), refused.getMessage().contains("LAST_FIRST") && refused.getMessage().contains("not installed"));
            assertTrue("nothing was called", queues.ticket(BRANCH, a).orElseThrow().state() == TicketState.WAITING);
        } finally {
            if (rule != null) rule.unregister();
            counter.delete();
            profile.delete();
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

    /**
     * Group commit across branches, on the real database: while one branch's commit waits (for a
     * row lock this test holds), two other branches' groups wait in line for the next commit; one
     * of them writes a value the database refuses. The shared commit fails, each group is
     * committed again alone: the good one is stored, the refused one fails with nothing of it
     * stored, and the branch that waited for the lock commits once the lock is gone.
     */
    @Test
    public void branchesReadyTogetherShareACommitAndARefusedGroupFailsAlone() throws Exception {
        org.talon.event.api.EventLog log = context.getService(context.getServiceReference(org.talon.event.api.EventLog.class));
        javax.sql.DataSource ds = context.getService(context.getServiceReferences(javax.sql.DataSource.class, "(osgi.jndi.service.name=talon)").iterator().next());
        String run = Long.toString(System.nanoTime(), 36);
        String table = "itest_gc_" + run;
        String a = "gc-a-" + run, b = "gc-b-" + run, c = "gc-c-" + run;
        org.talon.event.api.RowTable rows = org.talon.event.api.RowTable.named(table).key("id").columns("v");
        try (java.sql.Connection db = ds.getConnection(); java.sql.Statement st = db.createStatement()) {
            st.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, v VARCHAR(4) NOT NULL)");
            st.execute("INSERT INTO " + table + " (id, v) VALUES (1, 'x')");
        }
        java.sql.Connection lock = ds.getConnection();
        try {
            lock.setAutoCommit(false);
            try (java.sql.Statement st = lock.createStatement()) {
                st.executeUpdate("UPDATE " + table + " SET v = 'y' WHERE id = 1"); // holds the row until commit
            }
            var first = log.submit(a, tx -> {
                tx.rows(rows).update(1L, "a");
                return tx.append("T", "{}");
            }).toCompletableFuture();
            // branch a's writer is inside its commit, waiting for the row
            long deadline = System.currentTimeMillis() + 30_000;
            while (!inCommit("talon-writer-" + a) && System.currentTimeMillis() < deadline) Thread.sleep(10);
            assertTrue("branch a's commit waits for the row", inCommit("talon-writer-" + a));
            var good = log.submit(b, tx -> {
                tx.rows(rows).insert(2L, "b");
                return tx.append("T", "{}");
            }).toCompletableFuture();
            var refused = log.submit(c, tx -> {
                tx.rows(rows).insert(3L, "longer than four");
                return tx.append("T", "{}");
            }).toCompletableFuture();
            Thread.sleep(500);
            assertFalse("branch b waits for the commit in progress", good.isDone());
            assertFalse("branch c waits for the commit in progress", refused.isDone());
            lock.commit();
            assertEquals(1, first.get(30, java.util.concurrent.TimeUnit.SECONDS).sequence());
            assertEquals(1, good.get(30, java.util.concurrent.TimeUnit.SECONDS).sequence());
            try {
                refused.get(30, java.util.concurrent.TimeUnit.SECONDS);
                fail("a value longer than its column was stored");
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof org.talon.event.api.StorageUnavailableException);
            }
        } finally {
            lock.close();
        }
        assertEquals(1, log.lastSequence(a));
        assertEquals(1, log.lastSequence(b));
        assertEquals("nothing of the refused group is in the log", 0, log.lastSequence(c));
        assertEquals(List.of(), log.read(c, 0, 10));
        try (java.sql.Connection db = ds.getConnection(); java.sql.Statement st = db.createStatement()) {
            java.util.Map<Long, String> stored = new java.util.TreeMap<>();
            try (java.sql.ResultSet r = st.executeQuery("SELECT id, v FROM " + table)) {
                while (r.next()) stored.put(r.getLong(1), r.getString(2));
            }
            assertEquals(java.util.Map.of(1L, "a", 2L, "b"), stored);
            st.execute("DROP TABLE " + table);
        }
    }

    /** Whether the named writer thread is inside the store's commit now. */
    private static boolean inCommit(String thread) {
        for (var e : Thread.getAllStackTraces().entrySet()) {
            if (!e.getKey().getName().equals(thread)) continue;
            for (StackTraceElement f : e.getValue()) {
                if (f.getClassName().endsWith("JpaEventStore") && f.getMethodName().contains("commitTogether")) return true;
            }
        }
        return false;
    }
}
