package org.talon.workflow.internal.engine;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.talon.event.api.BranchTransaction;
import org.talon.queue.api.Branch;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.QueueService;
import org.talon.queue.api.Ticket;
import org.talon.queue.api.TicketState;
import org.talon.queue.api.calendar.BranchCalendar;
import org.talon.queue.api.calendar.WeeklyHours;
import org.talon.workflow.api.HistoryEntry;
import org.talon.workflow.api.Intake;
import org.talon.workflow.api.NewRequest;
import org.talon.workflow.api.Request;
import org.talon.workflow.api.RequestField;
import org.talon.workflow.api.RequestPage;
import org.talon.workflow.api.RequestQuery;
import org.talon.workflow.api.RequestType;

/** A branch with a controllable clock, the engine on a {@link TestLog}, a queue that issues tickets, and a store in memory. */
final class Fixture implements AutoCloseable {
    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return WARSAW;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock;
    final TestLog log;
    final Map<Long, Ticket> tickets = new ConcurrentHashMap<>();
    final Map<String, Request> stored = new ConcurrentHashMap<>();
    final Map<String, List<HistoryEntry>> histories = new ConcurrentHashMap<>();
    final Map<String, Integer> numbers = new ConcurrentHashMap<>();
    final List<String> told = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile Setup setup;
    final Requests requests;

    Fixture(Instant now, BranchCalendar calendar, List<RequestType> types, List<Staff> staff) {
        this.clock = new MovableClock(now);
        this.log = new TestLog(clock);
        Branch branch = Branch.builder().id("b1").name("B1").zone(WARSAW).locales(List.of(Locale.ENGLISH, Locale.forLanguageTag("pl")))
                .calendar(calendar).build();
        Map<String, RequestType> byCode = new java.util.HashMap<>();
        for (RequestType t : types) byCode.put(t.code(), t);
        this.setup = new Setup(branch, new Settings("WAR", true, "boss@example.com"), byCode, staff);
        this.requests = new Requests(log, queue(branch), store(), clock, id -> id.equals("b1") ? setup : null);
        requests.notices(new Notices() {
            @Override
            public void registered(BranchTransaction tx, Setup s, Request r) {
                tx.onCommit(() -> told.add("registered " + r.id()));
            }

            @Override
            public void changed(BranchTransaction tx, Setup s, Request r) {
                tx.onCommit(() -> told.add(r.state() + " " + r.id()));
            }

            @Override
            public void overdue(BranchTransaction tx, Setup s, Request r) {
                tx.onCommit(() -> told.add("overdue " + r.id()));
            }
        });
    }

    /** A store in memory, with the real one's row shapes checked by the test log. */
    Store store() {
        return new Store() {
            @Override
            public List<Request> loadOpen(String branch) {
                return stored.values().stream().filter(Request::open).toList();
            }

            @Override
            public int lastNumber(String branch, int year) {
                return numbers.getOrDefault(branch + "/" + year, 0);
            }

            @Override
            public void write(BranchTransaction tx, Request r, HistoryEntry entry, int numberInYear) {
                tx.rows(org.talon.workflow.internal.store.RequestStore.REQUESTS).put(new Object[26]);
                tx.onCommit(() -> {
                    stored.put(r.id(), r);
                    if (entry != null) histories.computeIfAbsent(r.id(), k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(entry);
                    if (numberInYear > 0) numbers.put(r.branch() + "/" + r.id().split("-")[1], numberInYear);
                });
            }

            @Override
            public Optional<Request> read(String id) {
                return Optional.ofNullable(stored.get(id));
            }

            @Override
            public List<HistoryEntry> history(String id) {
                return List.copyOf(histories.getOrDefault(id, List.of()));
            }

            @Override
            public RequestPage closed(RequestQuery q) {
                List<Request> all = stored.values().stream().filter(r -> q.states().contains(r.state()))
                        .sorted(Comparator.comparing(Request::id)).toList();
                return new RequestPage(all.size(), all);
            }
        };
    }

    /** The same branch's engine as after a restart: read from this fixture's store. */
    Requests restarted() {
        return new Requests(log, queue(setup.branch()), store(), clock, id -> id.equals("b1") ? setup : null);
    }

    static BranchCalendar officeHours(String... days) {
        BranchCalendar.Builder b = BranchCalendar.builder().zone(WARSAW).hours(WeeklyHours.parse(List.of("MON-FRI 09:00-17:00")));
        for (String d : days) b.day(d);
        return b.build();
    }

    static RequestType type(String code, int slaHours, boolean pickup, String... skills) {
        return new RequestType("b1", code, Map.of("en", "Type " + code), List.of(
                new RequestField("surname", RequestField.Kind.TEXT, true, Map.of("en", "Surname"), List.of(), 60, null, null, null)),
                Duration.ofHours(slaHours), 0.5, Set.of(skills), 0, pickup, pickup ? "C" : null, false);
    }

    static Staff staff(String id, String... skills) {
        return new Staff("b1", id, "Staff " + id, Set.of(skills), 1000, WeeklyHours.NONE);
    }

    NewRequest request(String type) {
        return new NewRequest("b1", type, Map.of("surname", "Nowak"), "Anna Nowak", "+48600100200", null, "pl", Intake.WEB, null, 0);
    }

    private QueueService queue(Branch branch) {
        return (QueueService) Proxy.newProxyInstance(QueueService.class.getClassLoader(), new Class<?>[] {QueueService.class}, (p, m, args) -> {
            switch (m.getName()) {
                case "issue":
                    if (!(args[0] instanceof BranchTransaction tx)) throw new UnsupportedOperationException("issue outside a command");
                    IssueRequest r = (IssueRequest) args[1];
                    long id = tickets.size() + 1;
                    Ticket t = Ticket.builder().id(id).branch(tx.branch()).number(String.format("C%03d", id)).service(r.service())
                            .priority(r.priority()).channel(r.channel()).language(r.language()).state(TicketState.WAITING).issuedAt(tx.now()).build();
                    tx.append("TicketIssued", "{\"ticket\":" + id + "}");
                    tickets.put(id, t);
                    return t;
                case "ticket":
                    return Optional.ofNullable(tickets.get(Long.parseLong((String) args[1])));
                case "branches":
                    return List.of(branch);
                case "toString":
                    return "test queue";
                default:
                    throw new UnsupportedOperationException(m.getName());
            }
        });
    }

    @Override
    public void close() {
        log.shutdown();
    }
}
