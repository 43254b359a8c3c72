package org.talon.queue.internal;

import static org.talon.queue.api.QueueException.Reason.NOT_FOUND;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.talon.event.api.BranchDirectory;
import org.talon.event.api.BranchTransaction;
import org.talon.event.api.EventLog;
import org.talon.event.api.StorageUnavailableException;
import org.talon.queue.api.Branch;
import org.talon.queue.api.Counter;
import org.talon.queue.api.CounterAction;
import org.talon.queue.api.CounterCommand;
import org.talon.queue.api.CounterResult;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.QueueService;
import org.talon.queue.api.QueueStatus;
import org.talon.queue.api.Service;
import org.talon.queue.api.Ticket;
import org.talon.queue.api.TransferTarget;
import org.talon.queue.api.WorkProfile;
import org.talon.queue.internal.config.BranchDefinition;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.event.api.privacy.ContactData;
import org.talon.queue.internal.config.CounterDefinition;
import org.talon.queue.internal.config.ProfileDefinition;
import org.talon.queue.internal.config.ServiceDefinition;
import org.talon.queue.internal.config.SiteElement;
import org.talon.queue.internal.engine.BranchSetup;
import org.talon.queue.internal.engine.BranchState;
import org.talon.queue.internal.engine.Limits;
import org.talon.queue.internal.engine.LiveTicket;
import org.talon.queue.internal.engine.Snapshot;
import org.talon.queue.internal.engine.Messages;
import org.talon.queue.internal.store.TicketStore;

/**
 * The queue engine service. Every command of a branch runs on that branch's single writer (the
 * event log's), against the branch's state in memory; the command's events and the changed rows
 * commit together, and the caller gets its answer only after that commit. After each commit the
 * writer publishes a {@link Snapshot} of the branch, and queries read that: they never queue
 * behind commands, and a caller's read after its own write sees it.
 */
@Component(service = {QueueService.class, BranchDirectory.class, ContactData.class}, immediate = true)
public final class QueueEngine implements QueueService, BranchDirectory, ContactData {
    /** How long a caller waits for its group to commit before it is told the store is unavailable. */
    static final long COMMAND_TIMEOUT_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(QueueEngine.class.getName());

    private final EventLog log;
    private final TicketStore store;
    private final CallRuleBook rules;
    private final List<SiteElement> elements = new CopyOnWriteArrayList<>();
    private final Map<String, BranchSetup> setups = new ConcurrentHashMap<>();
    /** Touched only on the branch's writer thread. */
    private final Map<String, BranchState> states = new ConcurrentHashMap<>();
    /** What readers see: each branch as of its last commit, published by its writer. */
    private final Map<String, Snapshot> committed = new ConcurrentHashMap<>();
    /** Branches whose running group will publish a snapshot when it commits; touched only by their writers. */
    private final java.util.Set<String> publishing = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids;
    /** Commands in flight, so deactivation waits for them (bundle:update loses nothing). */
    private final Phaser inFlight = new Phaser(1);
    private volatile boolean active = true;

    @Activate
    public QueueEngine(@Reference EventLog log, @Reference TicketStore store, @Reference CallRuleBook rules) {
        this.log = log;
        this.store = store;
        this.rules = rules;
        this.ids = new AtomicLong(store.maxTicketId());
        LOG.info("Queue engine started");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addElement(SiteElement e) {
        elements.add(e);
        setups.remove(e.branch());
    }

    void removeElement(SiteElement e) {
        elements.remove(e);
        setups.remove(e.branch());
    }

    @Deactivate
    void deactivate() {
        active = false;
        try {
            inFlight.awaitAdvanceInterruptibly(inFlight.arrive(), COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            // give up waiting; the commands still complete or fail on their own
        }
    }

    // ------------------------------------------------------------------ set-up

    private BranchSetup setup(String branch) {
        return setups.computeIfAbsent(branch, this::buildSetup);
    }

    private BranchSetup buildSetup(String branch) {
        BranchDefinition def = null;
        Map<String, Service> services = new LinkedHashMap<>();
        Map<String, List<String>> queues = new LinkedHashMap<>();
        Map<String, BranchSetup.CounterSetup> counters = new LinkedHashMap<>();
        Map<String, WorkProfile> profiles = new LinkedHashMap<>();
        List<SiteElement> mine = new ArrayList<>();
        for (SiteElement e : elements) {
            if (e.branch().equals(branch)) mine.add(e);
        }
        for (SiteElement e : mine) {
            if (e instanceof BranchDefinition b) def = b;
        }
        if (def == null) return null;
        mine.stream().filter(ServiceDefinition.class::isInstance).map(e -> ((ServiceDefinition) e).toService())
                .sorted(Comparator.comparing(Service::code)).forEach(s -> {
                    services.put(s.code(), s);
                    queues.computeIfAbsent(s.queue(), q -> new ArrayList<>()).add(s.code());
                });
        mine.stream().filter(CounterDefinition.class::isInstance).map(e -> ((CounterDefinition) e).toCounter())
                .sorted(Comparator.comparing((BranchSetup.CounterSetup c) -> c.id().length()).thenComparing(BranchSetup.CounterSetup::id))
                .forEach(c -> counters.put(c.id(), c));
        mine.stream().filter(ProfileDefinition.class::isInstance).map(e -> ((ProfileDefinition) e).toProfile())
                .sorted(Comparator.comparing(WorkProfile::id)).forEach(p -> profiles.put(p.id(), p));
        return new BranchSetup(def.toBranch(), services, queues, counters, profiles, def.headStarts());
    }

    private List<String> branchIds() {
        return elements.stream().filter(BranchDefinition.class::isInstance).map(SiteElement::branch).distinct().sorted().toList();
    }

    /** The branch named, or the only branch when none is named. */
    String resolve(String branch) {
        if (branch == null) {
            List<String> all = branchIds();
            if (all.isEmpty()) throw Messages.refuse(NOT_FOUND, "branch.none");
            if (all.size() > 1) throw Messages.refuse(QueueException.Reason.INVALID, "branch.ambiguous", all.size());
            return all.get(0);
        }
        // an id is exactly what was sent: "demo " or "demo\u3000" is not the branch demo
        if (setup(branch) == null) throw Messages.refuse(NOT_FOUND, "branch.unknown", branch);
        return branch;
    }

    @Override
    public boolean exists(String branch) {
        return branch != null && !branch.isEmpty() && setup(branch) != null;
    }

    // ------------------------------------------------------------------ running on the writer

    /** Runs an action on the branch's writer and waits for its group's commit. */
    // ---- personal data: the contacts of tickets ------------------------------------------------

    @Override
    public String name() {
        return "tickets";
    }

    /** Tickets that ended before the cutoff: only in their rows (the engine keeps active tickets only). */
    @Override
    public int eraseEndedBefore(Instant cutoff) {
        return store.eraseContacts("issued_at < ? AND state IN ('DONE', 'NO_SHOW', 'CANCELLED')",
                java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, cutoff));
    }

    /** One person's tickets: active ones by a command on their branch's writer (so no later write brings it back), then every row. */
    @Override
    public int erase(ContactAddress contact) {
        int n = 0;
        for (String branch : List.copyOf(states.keySet())) {
            n += run(branch, (s, now) -> s.eraseContacts(c -> c.equals(contact.value())));
        }
        return n + store.eraseContacts("contact = ?", contact.value());
    }

    private <T> T run(String branchId, BiFunction<BranchState, Instant, T> action) {
        String branch = resolve(branchId);
        if (!active || inFlight.register() < 0) {
            throw Messages.refuse(QueueException.Reason.UNAVAILABLE, "engine.stopping");
        }
        java.util.concurrent.CompletableFuture<T> submitted = null;
        try {
            submitted = log.submit(branch, tx -> execute(branch, tx, action)).toCompletableFuture();
            return submitted.get(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof QueueException q) throw q;
            // called from a command on this branch's own writer: a mistake of the calling code, said at once
            if (cause instanceof org.talon.event.api.CommandWaitsForItsOwnBranch nested) throw nested;
            if (cause instanceof StorageUnavailableException s) {
                LOG.log(Level.WARNING, s.getMessage());
                throw Messages.refuse(QueueException.Reason.UNAVAILABLE, s.mayHaveBeenStored() ? "storage.unknown" : "storage.unavailable");
            }
            LOG.log(Level.WARNING, "Branch " + branch + ": a command failed in the store", cause);
            throw Messages.refuse(QueueException.Reason.UNAVAILABLE, "storage.unavailable");
        } catch (QueueException e) {
            throw e;
        } catch (RuntimeException e) {
            // the event log could not even take the command (e.g. the database is not reachable)
            LOG.log(Level.WARNING, "Branch " + branch + ": the event log did not take a command", e);
            throw Messages.refuse(QueueException.Reason.UNAVAILABLE, "storage.unavailable");
        } catch (TimeoutException e) {
            // withdrawn before the writer took it: nothing was changed; taken: its commit decides,
            // and the caller must not be told that nothing was changed
            if (submitted.cancel(false)) throw Messages.refuse(QueueException.Reason.UNAVAILABLE, "storage.timeout", COMMAND_TIMEOUT_SECONDS);
            throw Messages.refuse(QueueException.Reason.UNAVAILABLE, "storage.unknown");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Messages.refuse(QueueException.Reason.UNAVAILABLE, "engine.stopping");
        } finally {
            inFlight.arriveAndDeregister();
        }
    }

    private <T> T execute(String branch, BranchTransaction tx, BiFunction<BranchState, Instant, T> action) {
        BranchState state = state(branch);
        tx.onRollback(() -> {
            states.remove(branch, state);
            publishing.remove(branch);
        });
        if (publishing.add(branch)) {
            // once per group, after its commit and before its callers are answered: a caller reads its own write
            tx.onCommit(() -> {
                publishing.remove(branch);
                // the branch's state now: another than this command's when one was given up during the
                // group (a failed write, a refusal after a change, a new set-up); none: the next read
                // loads the branch from the store
                BranchState now = states.get(branch);
                if (now != null) committed.put(branch, now.snapshot());
                else committed.remove(branch);
            });
        }
        T result;
        try {
            result = action.apply(state, tx.now());
        } catch (RuntimeException e) {
            // A refusal is thrown before anything changed; a command that changed the state and then
            // refused (Next finishes, then finds no rule to call by) leaves a state that is not stored
            if (state.changedSinceDrain()) states.remove(branch, state);
            throw e;
        }
        try {
            BranchState.Journal j = state.drain();
            if (!j.isEmpty()) {
                for (BranchState.PendingEvent e : j.events()) tx.append(e.type(), e.payload());
                store.write(tx, branch, j.tickets(), j.counters());
            }
            return result;
        } catch (RuntimeException e) {
            states.remove(branch, state);
            throw e;
        }
    }

    /** The branch's live state; loaded from the store at first use and after a set-up change or failed commit. */
    private BranchState state(String branch) {
        BranchSetup setup = setup(branch);
        if (setup == null) throw Messages.refuse(NOT_FOUND, "branch.unknown", branch);
        BranchState s = states.get(branch);
        if (s != null && s.setup() == setup) return s;
        s = new BranchState(setup, ids::incrementAndGet, rules::rule);
        TicketStore.Loaded loaded = store.load(branch, java.time.LocalDate.now(setup.branch().zone()));
        for (LiveTicket t : loaded.keyedToday()) s.restoreKey(t);
        for (LiveTicket t : loaded.active()) s.restore(t);
        java.time.LocalDate today = java.time.LocalDate.now(setup.branch().zone());
        for (Map.Entry<String, Integer> n : loaded.lastNumbers().entrySet()) s.restoreNumber(today, n.getKey(), n.getValue());
        for (TicketStore.StoredCounter c : loaded.counters()) s.restoreCounter(c.id(), c.state(), c.operator());
        for (TicketStore.DayCount c : loaded.finalToday()) s.restoreDayCount(today, c.queue(), c.state(), c.count());
        states.put(branch, s);
        return s;
    }

    // ------------------------------------------------------------------ queries

    /**
     * The branch as of its last commit. Reads never queue behind commands: only the first read of
     * a branch after a start or a change of its set-up waits for the writer, which loads the
     * branch and publishes what it loaded.
     */
    private Snapshot committed(String branchId) {
        String branch = resolve(branchId);
        if (!active) throw Messages.refuse(QueueException.Reason.UNAVAILABLE, "engine.stopping");
        Snapshot s = committed.get(branch);
        BranchSetup setup = setup(branch);
        if (s != null && s.setup() == setup) return s;
        for (int i = 0; i < 2 && (s == null || s.setup() != setup); i++) {
            // twice at most: a state given up in the group that loaded it leaves none published
            run(branch, (state, now) -> null);
            s = committed.get(branch);
        }
        if (s == null) throw Messages.refuse(QueueException.Reason.UNAVAILABLE, "storage.unavailable");
        return s;
    }

    /** "Now" for a read, in the writer's precision. */
    private static Instant readTime() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    @Override
    public List<Branch> branches() {
        List<Branch> out = new ArrayList<>();
        for (String id : branchIds()) {
            BranchSetup s = setup(id);
            if (s != null) out.add(s.branch());
        }
        return out;
    }

    @Override
    public Branch branch(String branch) {
        return setup(resolve(branch)).branch();
    }

    @Override
    public List<Service> services(String branch) {
        return List.copyOf(setup(resolve(branch)).services().values());
    }

    @Override
    public List<WorkProfile> profiles(String branch) {
        return List.copyOf(setup(resolve(branch)).profiles().values());
    }

    @Override
    public List<QueueStatus> queues(String branch) {
        return committed(branch).queueStatus(readTime());
    }

    @Override
    public List<org.talon.queue.api.QueueDay> today(String branch) {
        return committed(branch).today(readTime());
    }

    @Override
    public List<Counter> counters(String branch) {
        return committed(branch).counters();
    }

    @Override
    public List<Ticket> activeTickets(String branch) {
        return committed(branch).activeTickets();
    }

    @Override
    public Optional<Ticket> ticket(String branch, String numberOrId) {
        return Optional.ofNullable(committed(branch).find(numberOrId));
    }

    @Override
    public Optional<Ticket> ticketByPublicId(String publicId) {
        if (publicId == null || publicId.isBlank() || publicId.length() > 32) return Optional.empty();
        Optional<String> branch = store.branchOfPublicId(publicId);
        if (branch.isEmpty() || setup(branch.get()) == null) return Optional.empty();
        Optional<Ticket> live = Optional.ofNullable(committed(branch.get()).findPublic(publicId));
        if (live.isPresent()) return live;
        // done, cancelled or no-show: from the store, without a place in line
        return store.findByPublicId(publicId).map(t -> t.toTicket(branch.get(), 0, null));
    }

    // ------------------------------------------------------------------ commands

    @Override
    public Ticket issue(IssueRequest request) {
        checkIssue(request);
        return run(request.branch(), (s, now) -> s.view(s.issue(request, now)));
    }

    @Override
    public Ticket issue(BranchTransaction tx, IssueRequest request) {
        if (tx == null) throw Messages.refuse(QueueException.Reason.INVALID, "request.missing");
        checkIssue(request);
        if (request.branch() != null && !request.branch().equals(tx.branch())) {
            throw Messages.refuse(QueueException.Reason.INVALID, "branch.otherTransaction", request.branch(), tx.branch());
        }
        String branch = resolve(tx.branch());
        return execute(branch, tx, (s, now) -> s.view(s.issue(request, now)));
    }

    private static void checkIssue(IssueRequest request) {
        if (request == null) throw Messages.refuse(QueueException.Reason.INVALID, "request.missing");
        Limits.check("service", request.service(), Limits.SERVICE);
        Limits.check("language", request.language(), Limits.LANGUAGE);
        Limits.check("contact", request.contact(), Limits.CONTACT);
        Limits.check("Idempotency-Key", request.idempotencyKey(), Limits.IDEMPOTENCY_KEY);
        Limits.check("issuedBy", request.issuedBy(), Limits.CALLER);
    }

    @Override
    public Counter open(String branch, String counter, String operator) {
        Limits.check("operator", operator, Limits.OPERATOR);
        return run(branch, (s, now) -> s.view(s.open(counter, operator, now)));
    }

    @Override
    public Counter pause(String branch, String counter) {
        return run(branch, (s, now) -> s.view(s.pause(counter, now)));
    }

    @Override
    public Counter close(String branch, String counter) {
        return run(branch, (s, now) -> s.view(s.close(counter, now)));
    }

    @Override
    public Optional<Ticket> call(String branch, String counter) {
        return run(branch, (s, now) -> {
            LiveTicket t = s.call(counter, now);
            return t == null ? Optional.<Ticket>empty() : Optional.of(s.view(t));
        });
    }

    @Override
    public Optional<Ticket> next(String branch, String counter) {
        return run(branch, (s, now) -> {
            LiveTicket t = s.next(counter, now);
            return t == null ? Optional.<Ticket>empty() : Optional.of(s.view(t));
        });
    }

    @Override
    public Ticket recall(String branch, String counter) {
        return run(branch, (s, now) -> s.view(s.recall(counter, now)));
    }

    @Override
    public Ticket serve(String branch, String counter) {
        return run(branch, (s, now) -> s.view(s.serve(counter, now)));
    }

    @Override
    public Ticket finish(String branch, String counter) {
        return run(branch, (s, now) -> s.view(s.finish(counter, now)));
    }

    @Override
    public Ticket noShow(String branch, String counter) {
        return run(branch, (s, now) -> s.view(s.noShow(counter, now)));
    }

    @Override
    public Ticket park(String branch, String counter) {
        return run(branch, (s, now) -> s.view(s.park(counter, now)));
    }

    @Override
    public Ticket callParked(String branch, String counter, String numberOrId) {
        return run(branch, (s, now) -> s.view(s.callParked(counter, numberOrId, now)));
    }

    @Override
    public Ticket transfer(String branch, String counter, TransferTarget target) {
        checkTarget(target);
        return run(branch, (s, now) -> s.view(s.transfer(counter, target, now)));
    }

    private static void checkTarget(TransferTarget target) {
        if (target == null || target.kind() == null) return;
        switch (target.kind()) {
            case QUEUE -> Limits.check("queue", target.id(), Limits.QUEUE);
            case COUNTER -> Limits.check("counter", target.id(), Limits.COUNTER);
            case OPERATOR -> Limits.check("operator", target.id(), Limits.OPERATOR);
        }
    }

    @Override
    public CounterResult act(CounterCommand command) {
        if (command == null || command.action() == null) throw Messages.refuse(QueueException.Reason.INVALID, "request.missing");
        Limits.check("operator", command.operator(), Limits.OPERATOR);
        Limits.check("operator", command.actor(), Limits.OPERATOR);
        if (command.action() == CounterAction.TRANSFER) {
            if (command.target() == null) throw Messages.refuse(QueueException.Reason.INVALID, "transfer.targetMissing");
            checkTarget(command.target());
        }
        return run(command.branch(), (s, now) -> {
            BranchState.CounterOutcome o = s.act(command, now);
            return CounterResult.builder().counter(s.view(o.counter())).ticket(o.ticket() == null ? null : s.view(o.ticket())).build();
        });
    }

    @Override
    public Ticket cancel(String branch, String numberOrId) {
        return run(branch, (s, now) -> s.view(s.cancel(numberOrId, now)));
    }
}
