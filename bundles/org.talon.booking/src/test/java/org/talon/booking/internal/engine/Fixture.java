package org.talon.booking.internal.engine;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.talon.booking.api.BookableService;
import org.talon.booking.api.Booking;
import org.talon.booking.api.Resource;
import org.talon.event.api.BranchTransaction;
import org.talon.queue.api.Branch;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.QueueService;
import org.talon.queue.api.Ticket;
import org.talon.queue.api.TicketState;
import org.talon.queue.api.calendar.BranchCalendar;
import org.talon.queue.api.calendar.WeeklyHours;

/** A branch with a controllable clock, an engine on a {@link TestLog}, a queue that issues tickets, and a store in memory. */
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
    final List<IssueRequest> issued = new ArrayList<>();
    final Map<Long, Ticket> tickets = new ConcurrentHashMap<>();
    final Map<String, Booking> stored = new ConcurrentHashMap<>();
    volatile Setup setup;
    final Bookings bookings;

    Fixture(Instant now, Settings settings, BranchCalendar calendar, List<Resource> resources, int seats) {
        this.clock = new MovableClock(now);
        this.log = new TestLog(clock);
        Branch branch = Branch.builder().id("b1").name("B1").zone(WARSAW).locales(List.of(Locale.ENGLISH, Locale.forLanguageTag("pl")))
                .calendar(calendar).build();
        this.setup = new Setup(branch, settings,
                Map.of("A", new BookableService("b1", "A", "General", Map.of("en", "General"), Duration.ofMinutes(15), seats)), resources);
        Store store = new Store() {
            @Override
            public List<Booking> load(String b, Instant since) {
                return new ArrayList<>(stored.values());
            }

            @Override
            public void write(BranchTransaction tx, Booking b) {
                tx.rows(org.talon.booking.internal.store.BookingStore.BOOKINGS).put(new Object[19]);
                tx.onCommit(() -> stored.put(b.id(), b));
            }
        };
        this.bookings = new Bookings(log, queue(branch), store, clock, id -> id.equals("b1") ? setup : null);
    }

    static BranchCalendar everyDay(String hours, String... days) {
        BranchCalendar.Builder b = BranchCalendar.builder().zone(WARSAW).hours(WeeklyHours.parse(List.of("MON-SUN " + hours)));
        for (String d : days) b.day(d);
        return b.build();
    }

    static Resource staff(String id, String... hours) {
        return new Resource("b1", id, "Staff " + id, Resource.Kind.STAFF, null, List.of("A"), WeeklyHours.parse(List.of(hours)));
    }

    private QueueService queue(Branch branch) {
        return (QueueService) Proxy.newProxyInstance(QueueService.class.getClassLoader(), new Class<?>[] {QueueService.class}, (p, m, args) -> {
            switch (m.getName()) {
                case "issue":
                    if (!(args[0] instanceof BranchTransaction tx)) throw new UnsupportedOperationException("issue outside a command");
                    IssueRequest r = (IssueRequest) args[1];
                    long id = tickets.size() + 1;
                    Ticket t = Ticket.builder().id(id).branch(tx.branch()).number(String.format("A%03d", id)).service(r.service())
                            .priority(r.priority()).channel(r.channel()).language(r.language()).contact(r.contact()).state(TicketState.WAITING)
                            .issuedAt(tx.now()).build();
                    tx.append("TicketIssued", "{\"ticket\":" + id + "}");
                    synchronized (issued) {
                        issued.add(r);
                    }
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
