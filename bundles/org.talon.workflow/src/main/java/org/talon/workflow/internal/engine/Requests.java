package org.talon.workflow.internal.engine;

import static org.talon.workflow.api.WorkflowException.Reason.ILLEGAL_STATE;
import static org.talon.workflow.api.WorkflowException.Reason.INVALID;
import static org.talon.workflow.api.WorkflowException.Reason.NOT_ALLOWED;
import static org.talon.workflow.api.WorkflowException.Reason.NOT_FOUND;
import static org.talon.workflow.api.WorkflowException.Reason.UNAVAILABLE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.talon.event.api.BranchCommand;
import org.talon.event.api.BranchTransaction;
import org.talon.event.api.EventLog;
import org.talon.event.api.StorageUnavailableException;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.event.api.text.Texts;
import org.talon.queue.api.Branch;
import org.talon.queue.api.Channel;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.QueueService;
import org.talon.queue.api.Ticket;
import org.talon.queue.api.TicketState;
import org.talon.queue.api.calendar.BranchCalendar;
import org.talon.queue.api.calendar.TimeRange;
import org.talon.workflow.api.Action;
import org.talon.workflow.api.Actor;
import org.talon.workflow.api.HistoryEntry;
import org.talon.workflow.api.Intake;
import org.talon.workflow.api.NewRequest;
import org.talon.workflow.api.PickupTicket;
import org.talon.workflow.api.Request;
import org.talon.workflow.api.RequestPage;
import org.talon.workflow.api.RequestQuery;
import org.talon.workflow.api.RequestState;
import org.talon.workflow.api.RequestType;
import org.talon.workflow.api.StaffMember;
import org.talon.workflow.api.WorkflowEvents;
import org.talon.workflow.api.WorkflowException;
import org.talon.workflow.api.WorkflowService;

/**
 * The workflow engine: every branch's open requests in memory ({@link Desk}), changed only by
 * commands on the branch's writer, so a request is never given to two people however many ask
 * at once, and every change is an event, a row and a history entry in one commit.
 *
 * <p>The SLA is counted in the branch's opening hours ({@link BranchCalendar#plusOpenTime}); a
 * branch without opening hours counts every hour. The clock stops while the request waits for the
 * customer or for its pickup and goes on from where it stood.
 */
public final class Requests implements WorkflowService {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How far the automatic assignment looks down the unassigned requests for one a staff member can do, per command. */
    static final int LOOK_AHEAD = 1000;
    static final int MAX_NOTE = 2000;
    static final int MAX_MESSAGE = 4000;

    private final EventLog log;
    private final QueueService queues;
    private final Store store;
    private final Clock clock;
    private final Function<String, Setup> setups;
    private final Validation validation = new Validation();
    private volatile Notices notices = Notices.NONE;
    private final Map<String, Desk> desks = new ConcurrentHashMap<>();

    /**
     * @param setups what a branch takes as requests, or null for a branch without requests;
     *               asked on every call, so a changed configuration holds at once
     */
    public Requests(EventLog log, QueueService queues, Store store, Clock clock, Function<String, Setup> setups) {
        this.log = log;
        this.queues = queues;
        this.store = store;
        this.clock = clock;
        this.setups = setups;
    }

    public void notices(Notices n) {
        this.notices = n == null ? Notices.NONE : n;
    }

    /** The branch's open requests, read from the store the first time they are needed. */
    Desk desk(String branch) {
        return desks.computeIfAbsent(branch, b -> {
            Desk d = new Desk(b);
            for (Request r : store.loadOpen(b)) d.load(r);
            return d;
        });
    }

    private Setup setup(String branch) {
        Setup s = branch == null ? null : setups.apply(branch);
        if (s == null) throw Messages.refuse(NOT_FOUND, "branch.notFound", String.valueOf(branch));
        return s;
    }

    /** The branch whose requests' ids start with the id's prefix, or null. */
    private Setup setupOf(String id) {
        if (id == null) return null;
        int dash = id.indexOf('-');
        if (dash <= 0) return null;
        String prefix = id.substring(0, dash).toUpperCase(Locale.ROOT);
        for (Branch b : queues.branches()) {
            Setup s = setups.apply(b.id());
            if (s != null && s.settings().idPrefix().equals(prefix)) return s;
        }
        return null;
    }

    private static RequestType type(Setup s, String code) {
        RequestType t = code == null ? null : s.types().get(code);
        if (t == null) throw Messages.refuse(NOT_FOUND, "type.notFound", String.valueOf(code), s.branch().id());
        return t;
    }

    // ---- reading --------------------------------------------------------------------------

    @Override
    public List<RequestType> types(String branch) {
        Setup s = setups.apply(branch);
        if (s == null) return List.of();
        return s.types().values().stream().sorted(java.util.Comparator.comparing(RequestType::code)).toList();
    }

    @Override
    public Optional<RequestType> type(String branch, String code) {
        Setup s = setups.apply(branch);
        return s == null || code == null ? Optional.empty() : Optional.ofNullable(s.types().get(code));
    }

    @Override
    public Optional<Request> request(String id) {
        String canonical = canonical(id);
        Setup s = setupOf(canonical);
        if (s == null) return Optional.empty();
        Request r = desk(s.branch().id()).get(canonical);
        return r != null ? Optional.of(r) : store.read(canonical);
    }

    /** An id as it is written: upper case, without spaces around. */
    static String canonical(String id) {
        return id == null ? null : id.strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public Optional<Request> find(String id, ContactAddress contact) {
        if (contact == null) return Optional.empty();
        return request(id).filter(r -> contact.kind() == ContactAddress.Kind.PHONE ? contact.value().equals(r.phone())
                : contact.value().equals(r.email()));
    }

    @Override
    public RequestPage list(RequestQuery q) {
        int limit = Math.max(1, Math.min(500, q.limit()));
        int offset = Math.max(0, q.offset());
        boolean closed = q.states().stream().anyMatch(st -> !st.open());
        boolean open = q.states().isEmpty() || q.states().stream().anyMatch(RequestState::open);
        if (closed && open) throw Messages.refuse(INVALID, "query.openAndClosed");
        if (closed) return store.closed(new RequestQuery(q.branch(), q.states(), q.type(), q.assignee(), q.overdue(), offset, limit));
        RequestState one = q.states().size() == 1 ? q.states().iterator().next() : null;
        boolean several = q.states().size() > 1;
        Predicate<Request> rest = !several && q.type() == null ? null
                : r -> (!several || q.states().contains(r.state())) && (q.type() == null || q.type().equals(r.type()));
        String assignee = q.assignee() == null ? null : RequestQuery.NOBODY.equals(q.assignee()) ? "" : q.assignee();
        List<String> branches = new ArrayList<>();
        if (q.branch() != null) {
            setup(q.branch());
            branches.add(q.branch());
        } else {
            for (Branch b : queues.branches()) {
                if (setups.apply(b.id()) != null) branches.add(b.id());
            }
        }
        if (branches.size() == 1) {
            List<Request> page = new ArrayList<>();
            int total = desk(branches.get(0)).list(assignee, q.overdue(), one, rest, offset, limit, page);
            return new RequestPage(total, page);
        }
        // several branches: each one's first offset + limit, merged by due time
        List<Request> all = new ArrayList<>();
        int total = 0;
        for (String b : branches) total += desk(b).list(assignee, q.overdue(), one, rest, 0, offset + limit, all);
        all.sort(Desk.BY_DUE);
        return new RequestPage(total, all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size())));
    }

    @Override
    public List<HistoryEntry> history(String id) {
        if (request(id).isEmpty()) throw Messages.refuse(NOT_FOUND, "request.notFound", String.valueOf(id));
        return store.history(canonical(id));
    }

    @Override
    public List<StaffMember> staff(String branch) {
        Setup s = setup(branch);
        Desk d = desk(branch);
        Instant now = clock.instant();
        return s.staff().stream().map(m -> new StaffMember(branch, m.id(), m.name(), m.skills(), m.maxOpen(), onDuty(s, m, now), d.load(m.id())))
                .toList();
    }

    @Override
    public Optional<Request> requestForTicket(String branch, long ticketId) {
        if (setups.apply(branch) == null) return Optional.empty();
        return Optional.ofNullable(desk(branch).byTicket(ticketId));
    }

    // ---- changing -------------------------------------------------------------------------

    @Override
    public Request register(NewRequest n) {
        Setup setup = setup(n.branch());
        RequestType type = type(setup, n.type());
        Validation.Checked c = validation.check(type, n, setup.branch());
        if (n.visitTicket() != 0 && queues.ticket(setup.branch().id(), String.valueOf(n.visitTicket())).isEmpty()) {
            throw Messages.refuse(INVALID, "visit.notFound", String.valueOf(n.visitTicket()), setup.branch().id());
        }
        Intake intake = n.intake() == null ? Intake.WEB : n.intake();
        String branch = setup.branch().id();
        return run(branch, tx -> {
            Desk desk = desk(branch);
            Instant now = tx.now();
            int year = now.atZone(setup.branch().zone()).getYear();
            int number = desk.knowsYear(year) ? 0 : store.lastNumber(branch, year);
            desk.changing(tx);
            number = desk.nextNumber(year, number);
            String id = String.format(Locale.ROOT, "%s-%d-%06d", setup.settings().idPrefix(), year, number);
            Request r = Request.builder().id(id).branch(branch).type(type.code()).state(RequestState.REGISTERED).priority(type.priority())
                    .fields(c.fields()).name(c.name()).phone(c.phone()).email(c.email()).language(c.language()).intake(intake)
                    .createdAt(now).createdBy(n.by()).dueAt(plusOpen(setup, now, type.sla())).warnAt(plusOpen(setup, now, warnPart(type)))
                    .visitTicketId(n.visitTicket()).updatedAt(now).version(1).build();
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("intake", intake.name());
            extra.put("dueAt", r.dueAt().toString());
            change(tx, desk, r, WorkflowEvents.REGISTERED, by(n.by()), null, intake.name(), extra, number);
            notices.registered(tx, setup, r);
            if (setup.settings().autoAssign()) fill(tx, setup, desk);
            return current(desk, r.id());
        });
    }

    private static String by(String login) {
        return login == null ? Actor.CUSTOMER.login() : login;
    }

    @Override
    public Request act(String id, Action action, Actor by, String assignee, String note) {
        if (action == null) throw Messages.refuse(INVALID, "action.none");
        if (by == null) throw Messages.refuse(INVALID, "actor.none");
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > MAX_NOTE) throw Messages.refuse(INVALID, "note.tooLong", MAX_NOTE);
        if (action == Action.REJECT && text == null) throw Messages.refuse(INVALID, "reject.noReason");
        String canonical = canonical(id);
        Setup setup = setupOf(canonical);
        if (setup == null) throw Messages.refuse(NOT_FOUND, "request.notFound", String.valueOf(id));
        String branch = setup.branch().id();
        return run(branch, tx -> {
            Desk desk = desk(branch);
            Request r = openOne(desk, canonical);
            RequestType type = type(setup, r.type());
            if (!action.allowedFrom(r.state())) throw Messages.refuse(ILLEGAL_STATE, "action.notFrom", new Texts.Key("action." + action.name()), new Texts.Key("state." + r.state().name()), r.id());
            Instant now = tx.now();
            Request.Builder after = r.toBuilder().updatedAt(now).version(r.version() + 1);
            RequestState to = action.to();
            String detail = text;
            switch (action) {
                case ASSIGN -> {
                    if (!by.manager()) throw Messages.refuse(NOT_ALLOWED, "assign.managersOnly");
                    Staff m = assignable(setup, type, assignee);
                    if (m.id().equals(r.assignee())) return r;
                    // a reassigned request keeps waiting for its customer; otherwise the new person starts it
                    to = r.state() == RequestState.WAITING_FOR_CUSTOMER ? RequestState.WAITING_FOR_CUSTOMER : RequestState.ASSIGNED;
                    after.assignee(m.id());
                    detail = m.id();
                }
                case TAKE -> {
                    Staff m = assignable(setup, type, by.login());
                    after.assignee(m.id());
                    detail = m.id();
                }
                case READY -> {
                    holder(r, by);
                    if (!type.pickup()) throw Messages.refuse(ILLEGAL_STATE, "ready.noPickup", type.code());
                    if (text != null) after.result(text);
                }
                case COMPLETE -> {
                    holder(r, by);
                    if (type.pickup()) throw Messages.refuse(ILLEGAL_STATE, "complete.pickup", r.id());
                    if (text != null) after.result(text);
                }
                case COLLECT -> {
                    if (by.customer()) throw Messages.refuse(NOT_ALLOWED, "collect.staffOnly");
                }
                case REJECT -> {
                    if (!by.customer()) holder(r, by);
                    after.result(text);
                }
                case CANCEL -> {
                    if (!by.customer()) holder(r, by);
                }
                default -> holder(r, by);
            }
            after.state(to);
            clock(setup, type, r, to, now, after);
            if (!to.open()) after.closedAt(now);
            Request changed = after.build();
            Map<String, Object> extra = new LinkedHashMap<>();
            String event;
            if (action == Action.ASSIGN || action == Action.TAKE) {
                event = WorkflowEvents.ASSIGNED;
                extra.put("assignee", changed.assignee());
                extra.put("fromAssignee", r.assignee());
            } else {
                event = WorkflowEvents.STATE_CHANGED;
                extra.put("action", action.name());
            }
            extra.put("from", r.state().name());
            change(tx, desk, changed, event, by.login(), r.state(), detail, extra, 0);
            if (to == RequestState.READY_FOR_PICKUP || !to.open()) notices.changed(tx, setup, changed);
            if (setup.settings().autoAssign() && (!to.held() || action == Action.ASSIGN)) fill(tx, setup, desk);
            return current(desk, changed.id(), changed);
        });
    }

    @Override
    public Optional<Request> takeNext(String branch, Actor by) {
        Setup setup = setup(branch);
        Staff m = setup.member(by.login());
        if (m == null) throw Messages.refuse(NOT_FOUND, "staff.notFound", by.login(), branch);
        return run(branch, tx -> {
            Desk desk = desk(branch);
            Request r = desk.firstUnassigned(x -> can(setup, m, x), Integer.MAX_VALUE);
            if (r == null) return Optional.<Request>empty();
            Instant now = tx.now();
            Request changed = r.toBuilder().state(RequestState.ASSIGNED).assignee(m.id()).updatedAt(now).version(r.version() + 1).build();
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("assignee", m.id());
            extra.put("fromAssignee", null);
            extra.put("from", r.state().name());
            change(tx, desk, changed, WorkflowEvents.ASSIGNED, m.id(), r.state(), m.id(), extra, 0);
            return Optional.of(changed);
        });
    }

    @Override
    public Request message(String id, Actor by, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw Messages.refuse(INVALID, "message.empty");
        if (t.length() > MAX_MESSAGE) throw Messages.refuse(INVALID, "message.tooLong", MAX_MESSAGE);
        String canonical = canonical(id);
        Setup setup = setupOf(canonical);
        if (setup == null) throw Messages.refuse(NOT_FOUND, "request.notFound", String.valueOf(id));
        String branch = setup.branch().id();
        return run(branch, tx -> {
            Desk desk = desk(branch);
            Request r = openOne(desk, canonical);
            RequestType type = type(setup, r.type());
            if (!type.question()) throw Messages.refuse(ILLEGAL_STATE, "message.notAQuestion", type.code());
            if (!by.customer()) holder(r, by);
            Request changed = r.toBuilder().updatedAt(tx.now()).version(r.version() + 1).build();
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("from", by.customer() ? "customer" : "staff");
            change(tx, desk, changed, WorkflowEvents.MESSAGE, by.login(), null, t, extra, 0);
            if (!by.customer()) notices.message(tx, setup, changed, t);
            return changed;
        });
    }

    @Override
    public PickupTicket pickup(String id, Channel channel, String by) {
        String canonical = canonical(id);
        Setup setup = setupOf(canonical);
        if (setup == null) throw Messages.refuse(NOT_FOUND, "request.notFound", String.valueOf(id));
        String branch = setup.branch().id();
        return run(branch, tx -> {
            Desk desk = desk(branch);
            Request r = desk.get(canonical);
            if (r == null) {
                Request stored = store.read(canonical).orElseThrow(() -> Messages.refuse(NOT_FOUND, "request.notFound", String.valueOf(id)));
                throw Messages.refuse(ILLEGAL_STATE, "pickup.state." + stored.state().name(), stored.id());
            }
            if (r.state() != RequestState.READY_FOR_PICKUP) throw Messages.refuse(ILLEGAL_STATE, "pickup.state." + r.state().name(), r.id());
            RequestType type = type(setup, r.type());
            if (r.ticketId() != 0) {
                // pressed twice, or a second kiosk: the same ticket while it is still to be served
                Ticket t = queues.ticket(branch, String.valueOf(r.ticketId())).orElse(null);
                if (t != null && t.state() != TicketState.DONE && t.state() != TicketState.NO_SHOW && t.state() != TicketState.CANCELLED) {
                    return new PickupTicket(r, t);
                }
            }
            if (type.pickupService() == null) throw Messages.refuse(ILLEGAL_STATE, "pickup.noService", type.code());
            Ticket t;
            try {
                t = queues.issue(tx, IssueRequest.builder().branch(branch).service(type.pickupService())
                        .channel(channel == null ? Channel.KIOSK : channel).language(r.language()).issuedBy(by).build());
            } catch (QueueException e) {
                throw Messages.refuse(UNAVAILABLE, "pickup.notIssued", e.getMessage());
            }
            Request changed = r.toBuilder().ticketId(t.id()).ticketNumber(t.number()).updatedAt(tx.now()).version(r.version() + 1).build();
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("ticket", t.id());
            extra.put("number", t.number());
            change(tx, desk, changed, WorkflowEvents.PICKUP_ISSUED, by == null ? "customer" : by, null, t.number(), extra, 0);
            return new PickupTicket(changed, t);
        });
    }

    /**
     * Marks requests at risk and overdue (telling the managers of the overdue ones), and gives
     * unassigned requests to whoever came on duty with room, in every branch.
     *
     * @return how many requests became overdue
     */
    public int sweep() {
        int overdue = 0;
        for (Branch b : queues.branches()) {
            Setup setup = setups.apply(b.id());
            if (setup == null) continue;
            Desk desk = desk(b.id());
            Instant now = clock.instant();
            List<Request> due = desk.due(now);
            boolean assign = setup.settings().autoAssign() && !desk.unassigned(1).isEmpty() && anyRoom(setup, desk, now);
            if (due.isEmpty() && !assign) continue;
            overdue += run(b.id(), tx -> {
                int n = 0;
                for (Request seen : due) {
                    Request r = desk.get(seen.id());
                    if (r == null || r.dueAt() == null) continue;
                    Instant t = tx.now();
                    if (!r.warned() && r.warnAt() != null && !t.isBefore(r.warnAt())) {
                        r = r.toBuilder().warned(true).version(r.version() + 1).build();
                        Map<String, Object> extra = new LinkedHashMap<>();
                        extra.put("dueAt", r.dueAt().toString());
                        change(tx, desk, r, WorkflowEvents.AT_RISK, Actor.TALON.login(), null, r.dueAt().toString(), extra, 0);
                    }
                    if (!r.overdue() && !t.isBefore(r.dueAt())) {
                        r = r.toBuilder().overdue(true).version(r.version() + 1).build();
                        Map<String, Object> extra = new LinkedHashMap<>();
                        extra.put("dueAt", r.dueAt().toString());
                        change(tx, desk, r, WorkflowEvents.OVERDUE, Actor.TALON.login(), null, r.dueAt().toString(), extra, 0);
                        notices.overdue(tx, setup, r);
                        n++;
                    }
                }
                if (setup.settings().autoAssign()) fill(tx, setup, desk);
                return n;
            });
        }
        return overdue;
    }

    /** Erases the customer's data of open requests that match (the rows of closed ones are the store's to clear). */
    public int eraseInMemory(Predicate<Request> which) {
        int n = 0;
        for (Desk desk : desks.values()) {
            List<Request> hit = new ArrayList<>();
            desk.list(which, 0, Integer.MAX_VALUE, hit);
            if (hit.isEmpty()) continue;
            n += run(desk.branch, tx -> {
                int c = 0;
                for (Request r : hit) {
                    Request now = desk.get(r.id());
                    if (now == null || !which.test(now)) continue;
                    Request erased = now.toBuilder().name(null).phone(null).email(null).fields(Map.of()).build();
                    desk.changing(tx);
                    desk.put(erased);
                    store.write(tx, erased, null, 0);
                    c++;
                }
                return c;
            });
        }
        return n;
    }

    // ---- assignment -----------------------------------------------------------------------

    /**
     * Gives unassigned requests, highest priority first, to the least loaded staff member on duty
     * who has the skills and room (ties by id); a request nobody can take now waits.
     */
    private void fill(BranchTransaction tx, Setup setup, Desk desk) {
        Instant now = tx.now();
        for (int guard = 0; guard < LOOK_AHEAD; guard++) {
            if (!anyRoom(setup, desk, now)) return;
            Request r = desk.firstUnassigned(x -> pick(setup, desk, x, now) != null, LOOK_AHEAD);
            if (r == null) return;
            Staff m = pick(setup, desk, r, now);
            Request changed = r.toBuilder().state(RequestState.ASSIGNED).assignee(m.id()).updatedAt(now).version(r.version() + 1).build();
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("assignee", m.id());
            extra.put("fromAssignee", null);
            extra.put("from", r.state().name());
            change(tx, desk, changed, WorkflowEvents.ASSIGNED, Actor.TALON.login(), r.state(), m.id(), extra, 0);
        }
    }

    private boolean anyRoom(Setup setup, Desk desk, Instant now) {
        for (Staff m : setup.staff()) {
            if (desk.load(m.id()) < m.maxOpen() && onDuty(setup, m, now)) return true;
        }
        return false;
    }

    private Staff pick(Setup setup, Desk desk, Request r, Instant now) {
        Staff best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (Staff m : setup.staff()) {
            int load = desk.load(m.id());
            if (load >= m.maxOpen() || load >= bestLoad || !can(setup, m, r) || !onDuty(setup, m, now)) continue;
            best = m;
            bestLoad = load;
        }
        return best;
    }

    private static boolean can(Setup setup, Staff m, Request r) {
        RequestType t = setup.types().get(r.type());
        return t != null && m.skills().containsAll(t.skills());
    }

    /** Within their working hours (the branch's opening hours when they have none) and the branch not closed that day. */
    static boolean onDuty(Setup setup, Staff m, Instant now) {
        BranchCalendar cal = setup.branch().calendar();
        ZonedDateTime z = now.atZone(setup.branch().zone());
        if (m.hours().isEmpty()) return !cal.isSet() || cal.isOpen(now);
        if (cal.isSet() && cal.openOn(z.toLocalDate()).isEmpty()) return false;
        LocalTime t = z.toLocalTime();
        for (TimeRange r : m.hours().on(z.getDayOfWeek())) {
            if (!t.isBefore(r.start()) && (t.isBefore(r.end()) || r.end().equals(LocalTime.MAX))) return true;
        }
        return false;
    }

    private static Staff assignable(Setup setup, RequestType type, String login) {
        Staff m = login == null ? null : setup.member(login.strip());
        if (m == null) throw Messages.refuse(NOT_FOUND, "staff.notFound", String.valueOf(login), setup.branch().id());
        if (!m.skills().containsAll(type.skills())) {
            List<String> missing = type.skills().stream().filter(s -> !m.skills().contains(s)).sorted().toList();
            throw Messages.refuse(NOT_ALLOWED, "staff.lacksSkill", m.id(), String.join(", ", missing), type.code());
        }
        return m;
    }

    private static void holder(Request r, Actor by) {
        if (by.manager()) return;
        if (!by.login().equals(r.assignee())) throw Messages.refuse(NOT_ALLOWED, "request.notYours", r.id());
    }

    // ---- the SLA clock --------------------------------------------------------------------

    private static Duration warnPart(RequestType t) {
        return Duration.ofMillis(Math.round(t.sla().toMillis() * t.warnShare()));
    }

    /** Stops the clock when the request leaves the states it runs in, and starts it again from where it stood. */
    private void clock(Setup setup, RequestType type, Request r, RequestState to, Instant now, Request.Builder after) {
        boolean ran = r.state().slaRuns();
        boolean runs = to.slaRuns();
        if (ran && !runs) {
            Duration left = r.dueAt() == null ? Duration.ZERO : openBetween(setup, now, r.dueAt());
            after.slaLeft(left).dueAt(null).warnAt(null);
        } else if (!ran && runs && r.slaLeft() != null) {
            Duration left = r.slaLeft();
            Duration warnLeft = left.minus(type.sla().minus(warnPart(type)));
            after.slaLeft(null).dueAt(plusOpen(setup, now, left)).warnAt(plusOpen(setup, now, warnLeft.isNegative() ? Duration.ZERO : warnLeft));
        }
    }

    static Instant plusOpen(Setup setup, Instant from, Duration d) {
        BranchCalendar cal = setup.branch().calendar();
        return cal.isSet() ? cal.plusOpenTime(from, d) : from.plus(d);
    }

    static Duration openBetween(Setup setup, Instant from, Instant to) {
        BranchCalendar cal = setup.branch().calendar();
        if (!to.isAfter(from)) return Duration.ZERO;
        return cal.isSet() ? cal.openTimeBetween(from, to) : Duration.between(from, to);
    }

    /** Business time left on a request's SLA now: negative once overdue, null while its clock stands still. */
    public Duration timeLeft(Request r) {
        if (r.dueAt() == null || !r.open()) return r.open() ? r.slaLeft() : null;
        Setup s = setups.apply(r.branch());
        if (s == null) return null;
        Instant now = clock.instant();
        return now.isBefore(r.dueAt()) ? openBetween(s, now, r.dueAt()) : openBetween(s, r.dueAt(), now).negated();
    }

    // ---- helpers --------------------------------------------------------------------------

    private Request openOne(Desk desk, String id) {
        Request r = desk.get(id);
        if (r != null) return r;
        Request stored = store.read(id).orElseThrow(() -> Messages.refuse(NOT_FOUND, "request.notFound", id));
        throw Messages.refuse(ILLEGAL_STATE, "request.closed", stored.id(), new Texts.Key("state." + stored.state().name()));
    }

    private static Request current(Desk desk, String id) {
        return desk.get(id);
    }

    private static Request current(Desk desk, String id, Request fallback) {
        Request r = desk.get(id);
        return r == null ? fallback : r;
    }

    private void change(BranchTransaction tx, Desk desk, Request after, String event, String by, RequestState from, String detail,
            Map<String, Object> extra, int number) {
        desk.changing(tx);
        desk.put(after);
        RequestState to = from != null || WorkflowEvents.REGISTERED.equals(event) ? after.state() : null;
        HistoryEntry h = new HistoryEntry(tx.now(), event, by, from, to, detail);
        store.write(tx, after, h, number);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("request", after.id());
        p.put("type", after.type());
        p.put("state", after.state().name());
        p.put("by", by);
        p.putAll(extra);
        try {
            tx.append(event, JSON.writeValueAsString(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T run(String branch, BranchCommand<T> command) {
        try {
            return log.submit(branch, command).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof WorkflowException we) throw we;
            if (c instanceof RuntimeException re && !(c instanceof StorageUnavailableException)) throw re;
            throw Messages.refuse(UNAVAILABLE, "storage.unavailable");
        } catch (TimeoutException e) {
            throw Messages.refuse(UNAVAILABLE, "storage.unavailable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Messages.refuse(UNAVAILABLE, "storage.unavailable");
        }
    }
}
