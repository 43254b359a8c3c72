package org.talon.queue.internal.engine;

import static org.talon.queue.api.event.QueueEvents.*;

import org.talon.queue.api.rule.CallRule;

import static org.talon.queue.api.QueueException.Reason.ILLEGAL_STATE;
import static org.talon.queue.api.QueueException.Reason.FORBIDDEN;
import static org.talon.queue.api.QueueException.Reason.INVALID;
import static org.talon.queue.api.QueueException.Reason.KEY_REUSED;
import static org.talon.queue.api.QueueException.Reason.NOT_FOUND;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.talon.queue.api.CallCondition;
import org.talon.queue.api.Channel;
import org.talon.queue.api.Counter;
import org.talon.queue.api.CounterAction;
import org.talon.queue.api.CounterCommand;
import org.talon.queue.api.CounterState;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.PriorityClass;
import org.talon.queue.api.ProfileEntry;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.QueueStatus;
import org.talon.queue.api.Service;
import org.talon.queue.api.Ticket;
import org.talon.queue.api.TicketState;
import org.talon.queue.api.TransferTarget;
import org.talon.queue.api.WorkProfile;

/**
 * The live state of one branch and every rule that changes it. Not thread-safe: only the
 * branch's single writer calls the commands, so two counters can never take the same ticket.
 *
 * <p>Every command checks first and changes second: when it throws, nothing has changed. What a
 * command changes is recorded in the journal (events, tickets and counters to store), which the
 * writer drains and stores in the same transaction.
 */
public final class BranchState {
    public static final int MAX_CONTACT = 200;

    /** An event to append, with its JSON payload. */
    public record PendingEvent(String type, String payload) {
    }

    /** What the commands since the last drain changed. */
    public record Journal(List<PendingEvent> events, List<LiveTicket> tickets, List<LiveCounter> counters) {
        public boolean isEmpty() {
            return events.isEmpty() && tickets.isEmpty() && counters.isEmpty();
        }
    }

    private final BranchSetup setup;
    private final LongSupplier ids;
    private final java.util.function.Function<String, CallRule> rules;
    private final Numbering numbering;
    private final ServiceTimes times = new ServiceTimes();
    private final Map<String, Line> queues = new LinkedHashMap<>();
    private final Map<String, LiveCounter> counters = new LinkedHashMap<>();
    private final Map<String, Line> pools = new HashMap<>();
    private final Map<Long, LiveTicket> active = new LinkedHashMap<>();
    /** Tickets by idempotency key, today's: a retried issue gets the ticket it already has. */
    private final Map<String, LiveTicket> byIdempotencyKey = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LiveTicket> eldest) {
            // the oldest keys go first: a kiosk retries within seconds, not after 100,000 tickets
            return size() > MAX_KEYS_REMEMBERED;
        }
    };
    static final int MAX_KEYS_REMEMBERED = 100_000;
    /** Active tickets by public id: customers' pages poll it. */
    private final Map<String, LiveTicket> byPublicId = new HashMap<>();
    /**
     * Numbers held by active tickets, with how many hold each: after midnight the numbering starts
     * again, and a number still held by a ticket of an earlier day is skipped, so that two waiting
     * customers never have the same number on the displays.
     */
    private final Map<String, Integer> held = new HashMap<>();
    /** Per queue: served, no-shows, cancelled of the tickets issued on {@link #totalsDay}. */
    private final Map<String, int[]> totals = new HashMap<>();
    private java.time.LocalDate totalsDay;
    public static final int MAX_IDEMPOTENCY_KEY = 100;
    private long lineOrder;

    /**
     * For the snapshot: the active tickets in no line (called, being served, parked) in the order
     * they became active, kept up to date from the tickets changed since the last snapshot, so a
     * snapshot never walks every active ticket (10,000 of them cost it 0.4 ms).
     */
    private final java.util.TreeMap<Long, LiveTicket> outOfLine = new java.util.TreeMap<>();
    private Set<LiveTicket> changedSinceSnapshot = new LinkedHashSet<>();
    private boolean outOfLineKnown;
    private long activations;

    private List<PendingEvent> events = new ArrayList<>();
    private Set<LiveTicket> dirtyTickets = new LinkedHashSet<>();
    private final Set<LiveCounter> dirtyCounters = new LinkedHashSet<>();

    /** A branch with the built-in call rules only (tests, benchmarks). */
    public BranchState(BranchSetup setup, LongSupplier ids) {
        this(setup, ids, BuiltInRules.ALL::get);
    }

    /** @param rules the call rule of a name, or null when none is installed */
    public BranchState(BranchSetup setup, LongSupplier ids, java.util.function.Function<String, CallRule> rules) {
        this.rules = rules;
        this.setup = setup;
        this.ids = ids;
        this.numbering = new Numbering(setup.branch().zone());
        for (String q : setup.queues().keySet()) {
            queues.put(q, new Line("queue:" + q));
        }
        for (Service s : setup.services().values()) {
            times.expect(s.queue(), s.expectedServiceTime());
        }
        for (BranchSetup.CounterSetup c : setup.counters().values()) {
            counters.put(c.id(), new LiveCounter(c.id(), c.name(), c.profile()));
        }
    }

    public BranchSetup setup() {
        return setup;
    }

    public String id() {
        return setup.id();
    }

    // ------------------------------------------------------------------ restoring from storage

    /** Remembers a stored ticket's idempotency key (tickets of today, final or not). */
    public void restoreKey(LiveTicket t) {
        if (t.idempotencyKey != null) byIdempotencyKey.put(keyScope(t.issuedBy, t.idempotencyKey), t);
    }

    /** Keys are kept per caller: one caller's key never finds another caller's ticket. */
    private static String keyScope(String issuedBy, String key) {
        return (issuedBy == null ? "" : issuedBy) + '\n' + key;
    }

    /** Puts back a stored ticket that is not final. */
    public void restore(LiveTicket t) {
        if (!PublicIds.isCurrent(t.publicId, t.id)) {
            // none yet, or one from before public ids began with the ticket id (queue schema V4)
            t.publicId = PublicIds.next(t.id);
            changed(t);
        }
        restoreKey(t);
        byPublicId.put(t.publicId, t);
        numbering.used(t.day, prefixOf(t), t.dailyNumber);
        lineOrder = Math.max(lineOrder, Math.abs(t.lineOrder) + 1);
        activate(t);
        switch (t.state) {
            case WAITING -> lineOf(t).add(t);
            case CALLED, SERVING -> {
                LiveCounter c = counters.get(t.counter);
                if (c != null && c.current == null) {
                    c.current = t;
                } else {
                    // Its counter is gone from the configuration: the ticket waits again in its queue.
                    t.state = TicketState.WAITING;
                    t.counter = null;
                    lineOf(t).add(t);
                    changed(t);
                }
            }
            case PARKED -> {
            }
            default -> {
                deactivate(t);
                byPublicId.remove(t.publicId);
            }
        }
    }

    /** Tells the numbering a number used by a stored (possibly final) ticket of the current day. */
    public void restoreNumber(java.time.LocalDate day, String prefix, int number) {
        numbering.used(day, prefix, number);
    }

    /** Puts back how many of a queue's tickets of {@code day} ended in a final state. */
    public void restoreDayCount(java.time.LocalDate day, String queue, TicketState state, int count) {
        int[] c = dayTotals(day, queue);
        if (c != null) c[slot(state)] += count;
    }

    /** Starts the totals afresh when {@code day} is later than theirs. */
    private void rollTotals(java.time.LocalDate day) {
        if (totalsDay == null || day.isAfter(totalsDay)) {
            totalsDay = day;
            totals.clear();
        }
    }

    private int[] dayTotals(java.time.LocalDate day, String queue) {
        rollTotals(day);
        if (!day.equals(totalsDay)) return null; // a ticket of an earlier day ending now
        return totals.computeIfAbsent(queue, q -> new int[3]);
    }

    private static int slot(TicketState s) {
        return s == TicketState.DONE ? 0 : s == TicketState.NO_SHOW ? 1 : 2;
    }

    private void ended(LiveTicket t) {
        int[] c = dayTotals(t.day, t.queue);
        if (c != null) c[slot(t.state)]++;
    }

    /** Per queue, the business day so far. */
    public List<org.talon.queue.api.QueueDay> today(Instant now) {
        rollTotals(numbering.dayOf(now));
        List<org.talon.queue.api.QueueDay> out = new ArrayList<>();
        for (String q : queues.keySet()) {
            int[] c = totals.getOrDefault(q, new int[3]);
            out.add(org.talon.queue.api.QueueDay.builder().branch(id()).queue(q).served(c[0]).noShows(c[1]).cancelled(c[2]).build());
        }
        return out;
    }

    /** Puts back a stored counter state. */
    public void restoreCounter(String id, CounterState state, String operator) {
        LiveCounter c = counters.get(id);
        if (c != null) {
            c.state = state;
            c.operator = operator;
        }
    }

    private String prefixOf(LiveTicket t) {
        Service s = setup.services().get(t.service);
        if (s != null) return s.prefix();
        return t.number.substring(0, t.number.length() - Math.max(3, String.valueOf(t.dailyNumber).length()));
    }

    // ------------------------------------------------------------------ commands

    public LiveTicket issue(IssueRequest r, Instant now) {
        String key = r.idempotencyKey() == null || r.idempotencyKey().isEmpty() ? null : r.idempotencyKey();
        if (key != null && key.length() > MAX_IDEMPOTENCY_KEY) {
            throw Messages.refuse(INVALID, "idempotency.tooLong", MAX_IDEMPOTENCY_KEY);
        }
        String scope = key == null ? null : keyScope(r.issuedBy(), key);
        Service s = service(r.service());
        String language = r.language();
        if (language == null || language.isBlank()) {
            language = setup.branch().locales().isEmpty() ? "en" : setup.branch().locales().get(0).toLanguageTag();
        } else {
            String lang = language;
            if (!setup.branch().locales().isEmpty()
                    && setup.branch().locales().stream().noneMatch(l -> l.toLanguageTag().equalsIgnoreCase(lang))) {
                throw Messages.refuse(INVALID, "language.unsupported", id(), language,
                        setup.branch().locales().stream().map(Locale::toLanguageTag).collect(Collectors.joining(", ")));
            }
        }
        String contact = r.contact() == null || r.contact().isBlank() ? null : normalizedContact(r.contact().strip());
        if (contact != null && contact.length() > MAX_CONTACT) {
            throw Messages.refuse(INVALID, "contact.tooLong", MAX_CONTACT);
        }
        PriorityClass priority = r.priority() == null ? PriorityClass.NORMAL : r.priority();
        Channel channel = r.channel() == null ? Channel.API : r.channel();
        LiveTicket earlier = scope == null ? null : byIdempotencyKey.get(scope);
        if (earlier != null && earlier.day.equals(numbering.dayOf(now))) {
            // a retry gets its ticket back; the same key for another request is a client's mistake
            if (earlier.service.equals(s.code()) && earlier.priority == priority && earlier.channel == channel
                    && language.equalsIgnoreCase(earlier.language) && java.util.Objects.equals(earlier.contact, contact)) {
                return earlier;
            }
            throw Messages.refuse(KEY_REUSED, "idempotency.reused", key, earlier.number);
        }

        int n = numbering.next(s.prefix(), now);
        while (held.containsKey(Numbering.format(s.prefix(), n))) n = numbering.next(s.prefix(), now);
        LiveTicket t = new LiveTicket(ids.getAsLong(), Numbering.format(s.prefix(), n), numbering.dayOf(now), n,
                s.code(), s.queue(), priority, channel, language, contact, now);
        // a booked customer takes their place by their time, not by when they arrived
        t.lineKey = (r.appointmentAt() != null ? r.appointmentAt() : now).minus(setup.headStart(priority));
        t.lineOrder = lineOrder++;
        t.publicId = PublicIds.next(t.id);
        t.idempotencyKey = key;
        t.issuedBy = r.issuedBy();
        if (scope != null) byIdempotencyKey.put(scope, t);
        queues.get(s.queue()).add(t);
        activate(t);
        byPublicId.put(t.publicId, t);
        changed(t);
        event(TICKET_ISSUED, t, null);
        return t;
    }

    public LiveCounter open(String counterId, String operator, Instant now) {
        return open(counterId, operator, null, now);
    }

    /**
     * Opens a counter, logging {@code operator} in when one is named. When another operator is
     * logged in there, it is a takeover: the event names the operator taken over from and
     * {@code by}, who did it (the supervisor; who may take over is checked by {@link #act}).
     */
    private LiveCounter open(String counterId, String operator, String by, Instant now) {
        LiveCounter c = counter(counterId);
        String previous = c.operator;
        c.state = CounterState.OPEN;
        if (operator != null && !operator.isBlank()) c.operator = operator.strip();
        changed(c);
        counterEvent(COUNTER_OPENED, c, previous != null && !previous.equals(c.operator) ? previous : null,
                by != null && !by.equals(c.operator) ? by : null);
        return c;
    }

    /**
     * A counter action on behalf of a person, checked here on the writer so that nothing can
     * change between the check and the action: an operator acts only where they are logged in
     * and cannot open a counter another operator holds; a supervisor acts anywhere.
     */
    public CounterOutcome act(CounterCommand cmd, Instant now) {
        if (cmd.action() == null) throw Messages.refuse(INVALID, "action.missing");
        LiveCounter c = counter(cmd.counter());
        if (!cmd.supervisor()) {
            String me = cmd.actor();
            if (me == null) throw Messages.refuse(FORBIDDEN, "counter.notYours", "", c.id);
            if (cmd.action() == CounterAction.OPEN) {
                if (c.operator != null && !c.operator.equals(me) && c.state != CounterState.CLOSED) {
                    throw Messages.refuse(ILLEGAL_STATE, "counter.inUse", c.id, c.operator);
                }
            } else if (c.operator == null || !c.operator.equals(me)) {
                throw Messages.refuse(FORBIDDEN, "counter.notYours", me, c.id);
            }
        }
        return switch (cmd.action()) {
            case OPEN -> new CounterOutcome(open(c.id, cmd.supervisor() ? cmd.operator() : cmd.actor(), cmd.actor(), now), null);
            case PAUSE -> new CounterOutcome(pause(c.id, now), null);
            case CLOSE -> new CounterOutcome(close(c.id, now), null);
            case CALL -> new CounterOutcome(c, call(c.id, now));
            case NEXT -> new CounterOutcome(c, next(c.id, now));
            case RECALL -> new CounterOutcome(c, recall(c.id, now));
            case SERVE -> new CounterOutcome(c, serve(c.id, now));
            case FINISH -> new CounterOutcome(c, finish(c.id, now));
            case NO_SHOW -> new CounterOutcome(c, noShow(c.id, now));
            case PARK -> new CounterOutcome(c, park(c.id, now));
            case TRANSFER -> new CounterOutcome(c, transfer(c.id, cmd.target(), now));
        };
    }

    /** A counter and the ticket an action concerned (or {@code null}). */
    public record CounterOutcome(LiveCounter counter, LiveTicket ticket) {
    }

    public LiveCounter pause(String counterId, Instant now) {
        LiveCounter c = counter(counterId);
        if (c.state == CounterState.CLOSED) throw Messages.refuse(ILLEGAL_STATE, "counter.closedCannotPause", c.id);
        c.state = CounterState.PAUSED;
        changed(c);
        counterEvent(COUNTER_PAUSED, c);
        return c;
    }

    public LiveCounter close(String counterId, Instant now) {
        LiveCounter c = counter(counterId);
        if (c.current != null) throw busy(c);
        c.state = CounterState.CLOSED;
        c.operator = null;
        c.round.clear();
        changed(c);
        counterEvent(COUNTER_CLOSED, c);
        return c;
    }

    /** Calls the next ticket to the counter; {@code null} when no one waits for it. */
    public LiveTicket call(String counterId, Instant now) {
        LiveCounter c = counter(counterId);
        if (c.current != null) throw busy(c);
        WorkProfile p = profile(c);
        LiveTicket t = choose(c, p, now);
        if (c.state != CounterState.OPEN) {
            c.state = CounterState.OPEN;
            changed(c);
            counterEvent(COUNTER_OPENED, c);
        }
        if (t == null) return null;
        t.line.remove(t);
        t.state = TicketState.CALLED;
        t.calledAt = now;
        t.counter = c.id;
        t.operatorPool = null;
        c.current = t;
        changed(t);
        event(TICKET_CALLED, t, c);
        return t;
    }

    /** The Next key: finishes the current ticket (called or being served), then calls. */
    public LiveTicket next(String counterId, Instant now) {
        LiveCounter c = counter(counterId);
        profile(c);
        if (c.current != null) finish(counterId, now);
        return call(counterId, now);
    }

    public LiveTicket recall(String counterId, Instant now) {
        LiveCounter c = counter(counterId);
        LiveTicket t = current(c, "action.recall");
        requireState(t, "action.recall", TicketState.CALLED);
        t.recalls++;
        t.calledAt = now;
        changed(t);
        event(TICKET_RECALLED, t, c);
        return t;
    }

    public LiveTicket serve(String counterId, Instant now) {
        LiveCounter c = counter(counterId);
        LiveTicket t = current(c, "action.serve");
        requireState(t, "action.serve", TicketState.CALLED);
        t.state = TicketState.SERVING;
        t.servedAt = now;
        changed(t);
        event(TICKET_SERVING, t, c);
        return t;
    }

    public LiveTicket finish(String counterId, Instant now) {
        LiveCounter c = counter(counterId);
        LiveTicket t = current(c, "action.finish");
        requireState(t, "action.finish", TicketState.CALLED, TicketState.SERVING);
        // Finished straight from CALLED: the operator served without pressing Serve, so the
        // service counts from the call.
        if (t.servedAt == null) t.servedAt = t.calledAt;
        t.state = TicketState.DONE;
        t.finishedAt = now;
        times.observe(t.queue, Duration.between(t.servedAt == null ? t.calledAt : t.servedAt, now));
        release(c, t);
        event(TICKET_FINISHED, t, c);
        return t;
    }

    public LiveTicket noShow(String counterId, Instant now) {
        LiveCounter c = counter(counterId);
        LiveTicket t = current(c, "action.noshow");
        requireState(t, "action.noshow", TicketState.CALLED);
        t.state = TicketState.NO_SHOW;
        t.finishedAt = now;
        release(c, t);
        event(TICKET_NO_SHOW, t, c);
        return t;
    }

    public LiveTicket park(String counterId, Instant now) {
        LiveCounter c = counter(counterId);
        LiveTicket t = current(c, "action.park");
        requireState(t, "action.park", TicketState.CALLED, TicketState.SERVING);
        t.state = TicketState.PARKED;
        c.current = null;
        changed(t);
        event(TICKET_PARKED, t, c);
        return t;
    }

    public LiveTicket callParked(String counterId, String ticket, Instant now) {
        LiveCounter c = counter(counterId);
        LiveTicket t = ticket(ticket);
        if (c.current != null) throw busy(c);
        requireState(t, "action.call", TicketState.PARKED);
        if (c.state != CounterState.OPEN) {
            c.state = CounterState.OPEN;
            changed(c);
            counterEvent(COUNTER_OPENED, c);
        }
        t.state = TicketState.CALLED;
        t.calledAt = now;
        t.counter = c.id;
        c.current = t;
        changed(t);
        event(TICKET_CALLED, t, c);
        return t;
    }

    public LiveTicket transfer(String counterId, TransferTarget target, Instant now) {
        LiveCounter c = counter(counterId);
        LiveTicket t = current(c, "action.transfer");
        requireState(t, "action.transfer", TicketState.CALLED, TicketState.SERVING);
        if (target == null || target.kind() == null) throw Messages.refuse(INVALID, "queue.unknown", id(), "");
        Line to;
        String queue = t.queue;
        String toCounter = null;
        String toOperator = null;
        switch (target.kind()) {
            case QUEUE -> {
                to = queues.get(target.id());
                if (to == null) throw Messages.refuse(NOT_FOUND, "queue.unknown", id(), target.id());
                queue = target.id();
            }
            case COUNTER -> {
                LiveCounter other = counters.get(target.id());
                if (other == null) throw Messages.refuse(NOT_FOUND, "counter.unknown", id(), target.id());
                if (other == c) throw Messages.refuse(INVALID, "transfer.sameCounter", t.number, c.id);
                to = other.transfers;
                toCounter = other.id;
            }
            case OPERATOR -> {
                if (target.id() == null || target.id().isBlank()) throw Messages.refuse(INVALID, "operator.missing");
                toOperator = target.id().strip();
                to = pools.computeIfAbsent(toOperator, o -> new Line("operator:" + o));
            }
            default -> throw new IllegalArgumentException(target.kind().name());
        }
        t.state = TicketState.WAITING;
        t.queue = queue;
        t.counter = toCounter;
        t.operatorPool = toOperator;
        t.calledAt = null;
        t.servedAt = null;
        if (target.first()) {
            t.lineKey = Instant.EPOCH;
            t.lineOrder = -(lineOrder++);
        } else {
            t.lineKey = now;
            t.lineOrder = lineOrder++;
        }
        to.add(t);
        c.current = null;
        changed(t);
        event(TICKET_TRANSFERRED, t, c);
        return t;
    }

    public LiveTicket cancel(String ticket, Instant now) {
        LiveTicket t = ticket(ticket);
        requireState(t, "action.cancel", TicketState.WAITING, TicketState.PARKED);
        if (t.line != null) t.line.remove(t);
        t.state = TicketState.CANCELLED;
        t.finishedAt = now;
        deactivate(t);
        ended(t);
        byPublicId.remove(t.publicId);
        changed(t);
        event(TICKET_CANCELLED, t, null);
        return t;
    }

    // ------------------------------------------------------------------ call rules

    private LiveTicket choose(LiveCounter c, WorkProfile p, Instant now) {
        if (!c.transfers.isEmpty()) return c.transfers.head();
        if (c.operator != null) {
            Line pool = pools.get(c.operator);
            if (pool != null && !pool.isEmpty()) return pool.head();
        }
        for (CallCondition cond : p.conditions()) {
            Line l = queues.get(cond.queue());
            LiveTicket h = l == null ? null : l.head();
            if (h != null && Duration.between(h.issuedAt, now).compareTo(cond.waitedOver()) > 0) return h;
        }
        CallRule rule = rules.apply(p.rule());
        if (rule == null) throw Messages.refuse(ILLEGAL_STATE, "profile.ruleMissing", p.id(), p.rule());
        String queue;
        try {
            queue = rule.choose(new RuleContext(this, c, p, now));
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(BranchState.class.getName()).log(java.util.logging.Level.WARNING,
                    "The call rule " + p.rule() + " failed at counter " + c.id + " of branch " + id(), e);
            throw Messages.refuse(ILLEGAL_STATE, "profile.ruleFailed", p.rule(), c.id);
        }
        if (queue == null) return null;
        LiveTicket h = p.entries().stream().anyMatch(e -> e.queue().equals(queue)) ? head(queue) : null;
        if (h == null) throw Messages.refuse(ILLEGAL_STATE, "profile.ruleWrong", p.rule(), queue, p.id());
        return h;
    }

    /** When the ticket reaches its service's target wait. */
    Instant breachAt(LiveTicket t) {
        Service s = setup.services().get(t.service);
        return t.issuedAt.plus(s == null ? Duration.ZERO : s.targetWait());
    }

    /** The next ticket of a queue in call order, or null. */
    LiveTicket head(String queue) {
        Line l = queues.get(queue);
        return l == null ? null : l.head();
    }

    // ------------------------------------------------------------------ queries

    public List<QueueStatus> queueStatus(Instant now) {
        List<QueueStatus> out = new ArrayList<>();
        for (Map.Entry<String, Line> e : queues.entrySet()) {
            Line l = e.getValue();
            LiveTicket h = oldest(l);
            int open = openCountersFor(e.getKey());
            Duration estimate = times.estimate(e.getKey(), l.size() + 1, open);
            out.add(QueueStatus.builder().branch(id()).id(e.getKey()).services(setup.queues().get(e.getKey())).waiting(l.size())
                    .longestWait(h == null ? Duration.ZERO : Duration.between(h.issuedAt, now)).estimate(estimate).openCounters(open).build());
        }
        return out;
    }

    private static LiveTicket oldest(Line l) {
        LiveTicket oldest = null;
        for (LiveTicket t : l) {
            if (oldest == null || t.issuedAt.isBefore(oldest.issuedAt)) oldest = t;
        }
        return oldest;
    }

    public Ticket view(LiveTicket t) {
        if (t.state != TicketState.WAITING || t.line == null) return t.toTicket(id(), 0, null);
        return view(t, t.line.positionOf(t));
    }

    private Ticket view(LiveTicket t, int pos) {
        Duration est = t.operatorPool != null || t.counter != null ? times.estimateDirected(t.queue, pos)
                : times.estimate(t.queue, pos, openCountersFor(t.queue));
        return t.toTicket(id(), pos, est);
    }

    public int openCountersFor(String queue) {
        int n = 0;
        for (LiveCounter c : counters.values()) {
            if (c.state != CounterState.OPEN) continue;
            WorkProfile p = setup.profiles().get(c.profile);
            if (p != null && p.entries().stream().anyMatch(e -> e.queue().equals(queue))) n++;
        }
        return n;
    }

    public List<Ticket> activeTickets() {
        List<Ticket> out = new ArrayList<>();
        // positions are counted along each line here, not looked up ticket by ticket
        for (Line l : queues.values()) viewLine(l, out);
        for (LiveCounter c : counters.values()) viewLine(c.transfers, out);
        for (Line l : pools.values()) viewLine(l, out);
        for (LiveTicket t : active.values()) {
            if (t.state != TicketState.WAITING) out.add(view(t));
        }
        return out;
    }

    private void viewLine(Line l, List<Ticket> out) {
        int pos = 0;
        for (LiveTicket t : l) out.add(view(t, ++pos));
    }

    public List<Counter> counterViews() {
        List<Counter> out = new ArrayList<>();
        for (LiveCounter c : counters.values()) out.add(view(c));
        return out;
    }

    public Counter view(LiveCounter c) {
        BranchSetup.CounterSetup configured = setup.counters().get(c.id);
        return Counter.builder().branch(id()).id(c.id).name(c.name).names(configured == null ? java.util.Map.of() : configured.names())
                .profile(c.profile).state(c.state).operator(c.operator)
                .currentTicket(c.current == null ? null : view(c.current)).build();
    }

    /** An active ticket by its public id, or {@code null}. */
    public LiveTicket findPublic(String publicId) {
        return byPublicId.get(publicId);
    }

    public LiveTicket find(String numberOrId) {
        if (numberOrId == null) return null;
        String key = numberOrId;
        LiveTicket found = null;
        for (LiveTicket t : active.values()) {
            if (t.number.equalsIgnoreCase(key) && (found == null || t.day.isAfter(found.day))) found = t;
        }
        if (found == null && key.chars().allMatch(Character::isDigit) && !key.isEmpty() && key.length() < 19) {
            found = active.get(Long.parseLong(key));
        }
        return found;
    }

    public Collection<LiveCounter> liveCounters() {
        return counters.values();
    }

    public int waiting() {
        int n = 0;
        for (Line l : queues.values()) n += l.size();
        for (LiveCounter c : counters.values()) n += c.transfers.size();
        for (Line l : pools.values()) n += l.size();
        return n;
    }

    /**
     * What readers see of the branch as it is now: made by the writer after a commit, read by any
     * thread. It copies only lines that changed and views of tickets that changed; places in
     * line and estimates are worked out when read.
     */
    public Snapshot snapshot() {
        List<Ticket[]> lines = new ArrayList<>();
        Map<String, Ticket[]> queueLines = new LinkedHashMap<>();
        for (Map.Entry<String, Line> e : queues.entrySet()) {
            Ticket[] l = e.getValue().frozen(id());
            lines.add(l);
            queueLines.put(e.getKey(), l);
        }
        for (LiveCounter c : counters.values()) lines.add(c.transfers.frozen(id()));
        for (Line l : pools.values()) lines.add(l.frozen(id()));
        if (!outOfLineKnown) {
            // the first snapshot (after a restore): every active ticket once
            for (LiveTicket t : active.values()) placeOutOfLine(t);
            outOfLineKnown = true;
        } else {
            for (LiveTicket t : changedSinceSnapshot) placeOutOfLine(t);
        }
        if (changedSinceSnapshot.size() > 256) changedSinceSnapshot = new LinkedHashSet<>();
        else changedSinceSnapshot.clear();
        List<Ticket> notInLine = new ArrayList<>(outOfLine.size());
        for (LiveTicket t : outOfLine.values()) notInLine.add(t.base(id()));
        Map<String, Integer> open = new HashMap<>();
        for (LiveCounter c : counters.values()) {
            if (c.state != CounterState.OPEN) continue;
            WorkProfile p = setup.profiles().get(c.profile);
            if (p == null) continue;
            p.entries().stream().map(ProfileEntry::queue).distinct().forEach(q -> open.merge(q, 1, Integer::sum));
        }
        Map<String, int[]> dayTotals = new HashMap<>();
        for (Map.Entry<String, int[]> e : totals.entrySet()) dayTotals.put(e.getKey(), e.getValue().clone());
        return new Snapshot(setup, lines, queueLines, notInLine, counterViews(), open, times.means(), totalsDay, dayTotals);
    }

    private void placeOutOfLine(LiveTicket t) {
        boolean out = active.get(t.id) == t && (t.state != TicketState.WAITING || t.line == null);
        if (out) outOfLine.put(t.activeOrder, t);
        else outOfLine.remove(t.activeOrder, t);
    }

    // ------------------------------------------------------------------ journal

    /** Whether a command changed anything since the last drain (its journal is not empty). */
    public boolean changedSinceDrain() {
        return !events.isEmpty() || !dirtyTickets.isEmpty() || !dirtyCounters.isEmpty();
    }

    public Journal drain() {
        Journal j = new Journal(List.copyOf(events), List.copyOf(dirtyTickets), List.copyOf(dirtyCounters));
        // A hash set's clear() walks its whole table, which never shrinks: after one large
        // journal (a restore of many tickets) every later drain would pay for it.
        if (dirtyTickets.size() > 256) dirtyTickets = new LinkedHashSet<>();
        else dirtyTickets.clear();
        if (events.size() > 256) events = new ArrayList<>();
        else events.clear();
        dirtyCounters.clear();
        return j;
    }

    /** A phone number or e-mail address in the one form Talon compares (so a person's data is found to erase it); other text as given. */
    static String normalizedContact(String contact) {
        try {
            return org.talon.event.api.privacy.ContactAddress.parse(contact).value();
        } catch (IllegalArgumentException e) {
            return contact;
        }
    }

    /**
     * Clears the contact of the active tickets whose contact matches (a person's request to be
     * forgotten); their rows are written again without it.
     *
     * @return how many tickets had it
     */
    public int eraseContacts(java.util.function.Predicate<String> which) {
        int n = 0;
        for (LiveTicket t : active.values()) {
            if (t.contact != null && which.test(t.contact)) {
                t.contact = null;
                changed(t);
                n++;
            }
        }
        return n;
    }

    private void changed(LiveTicket t) {
        dirtyTickets.add(t);
        if (outOfLineKnown) changedSinceSnapshot.add(t);
        t.changed();
    }

    /**
     * A counter's stored row holds only its state and operator (its current ticket is found
     * from the tickets' rows), so only a change of those marks it.
     */
    private void changed(LiveCounter c) {
        dirtyCounters.add(c);
    }

    private void event(String type, LiveTicket t, LiveCounter c) {
        events.add(new PendingEvent(type, EventPayloads.json(EventPayloads.ticket(t, c))));
    }

    private void counterEvent(String type, LiveCounter c) {
        counterEvent(type, c, null, null);
    }

    private void counterEvent(String type, LiveCounter c, String takenOverFrom, String by) {
        events.add(new PendingEvent(type, EventPayloads.json(EventPayloads.counter(c, takenOverFrom, by))));
    }

    // ------------------------------------------------------------------ checks

    private void release(LiveCounter c, LiveTicket t) {
        c.current = null;
        deactivate(t);
        ended(t);
        byPublicId.remove(t.publicId);
        changed(t);
    }

    private void activate(LiveTicket t) {
        if (active.put(t.id, t) == null) {
            held.merge(t.number, 1, Integer::sum);
            t.activeOrder = ++activations;
        }
    }

    private void deactivate(LiveTicket t) {
        if (active.remove(t.id) != null) held.computeIfPresent(t.number, (k, v) -> v == 1 ? null : v - 1);
    }

    /** A service by its code exactly as sent; a code in lower case finds its service too (never trimmed). */
    private Service service(String code) {
        Service s = code == null ? null : setup.services().get(code);
        if (s == null && code != null) s = setup.services().get(code.toUpperCase(Locale.ROOT));
        if (s == null) throw Messages.refuse(NOT_FOUND, "service.unknown", id(), code);
        return s;
    }

    private LiveCounter counter(String id) {
        LiveCounter c = id == null ? null : counters.get(id);
        if (c == null) throw Messages.refuse(NOT_FOUND, "counter.unknown", id(), id);
        return c;
    }

    private WorkProfile profile(LiveCounter c) {
        WorkProfile p = setup.profiles().get(c.profile);
        if (p == null) throw Messages.refuse(NOT_FOUND, "profile.unknown", id(), c.id, c.profile);
        return p;
    }

    private LiveTicket ticket(String numberOrId) {
        LiveTicket t = find(numberOrId);
        if (t == null) throw Messages.refuse(NOT_FOUND, "ticket.unknown", id(), numberOrId);
        return t;
    }

    private LiveTicket current(LiveCounter c, String actionKey) {
        if (c.current == null) {
            throw Messages.refuse(ILLEGAL_STATE, "counter.noTicket", c.id, actionKey);
        }
        return c.current;
    }

    private QueueException busy(LiveCounter c) {
        return Messages.refuse(ILLEGAL_STATE, "counter.busy", c.id, c.current.number, c.current.state.name());
    }

    private static void requireState(LiveTicket t, String actionKey, TicketState... allowed) {
        for (TicketState s : allowed) {
            if (t.state == s) return;
        }
        throw Messages.refuse(ILLEGAL_STATE, "ticket.illegal", t.number, t.state.name(), actionKey);
    }

    private Line lineOf(LiveTicket t) {
        if (t.operatorPool != null) return pools.computeIfAbsent(t.operatorPool, o -> new Line("operator:" + o));
        if (t.counter != null && counters.containsKey(t.counter)) return counters.get(t.counter).transfers;
        Line l = queues.get(t.queue);
        if (l == null) {
            // Its queue is gone from the configuration: it waits in its service's queue, or the first one.
            Service s = setup.services().get(t.service);
            l = s != null && queues.containsKey(s.queue()) ? queues.get(s.queue()) : queues.values().iterator().next();
            t.queue = l.id.substring("queue:".length());
            changed(t);
        }
        return l;
    }
}
