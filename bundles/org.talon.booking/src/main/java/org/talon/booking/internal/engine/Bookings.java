package org.talon.booking.internal.engine;

import static org.talon.booking.api.BookingException.Reason.INVALID;
import static org.talon.booking.api.BookingException.Reason.LIMIT_REACHED;
import static org.talon.booking.api.BookingException.Reason.NOT_ACTIVE;
import static org.talon.booking.api.BookingException.Reason.NOT_A_SLOT;
import static org.talon.booking.api.BookingException.Reason.NOT_FOUND;
import static org.talon.booking.api.BookingException.Reason.OUTSIDE_WINDOW;
import static org.talon.booking.api.BookingException.Reason.RESOURCE_BUSY;
import static org.talon.booking.api.BookingException.Reason.SLOT_FULL;
import static org.talon.booking.api.BookingException.Reason.TOO_EARLY;
import static org.talon.booking.api.BookingException.Reason.TOO_LATE;
import static org.talon.booking.api.BookingException.Reason.UNAVAILABLE;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.talon.booking.api.BookableService;
import org.talon.booking.api.Booking;
import org.talon.booking.api.BookingEvents;
import org.talon.booking.api.BookingException;
import org.talon.booking.api.BookingRequest;
import org.talon.booking.api.BookingService;
import org.talon.booking.api.BookingState;
import org.talon.booking.api.CheckIn;
import org.talon.booking.api.DayAvailability;
import org.talon.booking.api.Resource;
import org.talon.booking.api.Schedule;
import org.talon.booking.api.Slot;
import org.talon.event.api.BranchCommand;
import org.talon.event.api.BranchTransaction;
import org.talon.event.api.EventLog;
import org.talon.event.api.StorageUnavailableException;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.queue.api.Channel;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.PriorityClass;
import org.talon.queue.api.QueueService;
import org.talon.queue.api.Ticket;
import org.talon.queue.api.calendar.OpenPeriod;
import org.talon.queue.api.calendar.TimeRange;

/**
 * The booking engine: every branch's bookings in memory ({@link BranchBook}), changed only by
 * commands on the branch's writer, so two customers never get the last place of a slot however
 * many ask at once, and every change is an event and a row in one commit.
 */
public final class Bookings implements BookingService {
    /** How long past bookings stay in memory, for their customers' pages and the schedule. */
    static final Duration KEPT = Duration.ofDays(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private static final int MAX_NAME = 100;

    private final EventLog log;
    private final QueueService queues;
    private final Store store;
    private final Clock clock;
    private final Function<String, Setup> setups;
    private volatile Notices notices = Notices.NONE;
    private final Codes codes = new Codes();
    private final Map<String, BranchBook> books = new ConcurrentHashMap<>();

    /**
     * @param setups what a branch offers for booking, or null for a branch without booking; asked
     *               on every call, so a changed configuration holds at once
     */
    public Bookings(EventLog log, QueueService queues, Store store, Clock clock, Function<String, Setup> setups) {
        this.log = log;
        this.queues = queues;
        this.store = store;
        this.clock = clock;
        this.setups = setups;
    }

    public void notices(Notices n) {
        this.notices = n == null ? Notices.NONE : n;
    }

    /** The branch's book, read from the store the first time it is needed. */
    BranchBook book(String branch) {
        return books.computeIfAbsent(branch, b -> {
            BranchBook book = new BranchBook(b);
            for (Booking x : store.load(b, clock.instant().minus(KEPT))) {
                book.put(x);
                codes.hold(x.code(), holder(x));
            }
            return book;
        });
    }

    private static String holder(Booking b) {
        return b.branch() + "/" + b.id();
    }

    private Setup setup(String branch) {
        Setup s = branch == null ? null : setups.apply(branch);
        if (s == null) throw Messages.refuse(NOT_FOUND, "branch.notFound", String.valueOf(branch));
        return s;
    }

    private static BookableService service(Setup setup, String code) {
        BookableService s = code == null ? null : setup.services().get(code);
        if (s == null) throw Messages.refuse(NOT_FOUND, "service.notFound", String.valueOf(code), setup.branch().id());
        return s;
    }

    /** The booking window of a branch now: [earliest start, first moment after the last day]. */
    private Instant[] window(Setup setup) {
        Instant now = clock.instant();
        ZoneId zone = setup.branch().zone();
        Instant until = now.atZone(zone).toLocalDate().plusDays(setup.settings().maxAheadDays() + 1L).atStartOfDay(zone).toInstant();
        return new Instant[] {now.plus(setup.settings().minAhead()), until};
    }

    // ---- reading --------------------------------------------------------------------------

    @Override
    public List<BookableService> services(String branch) {
        Setup s = setups.apply(branch);
        if (s == null) return List.of();
        return s.services().values().stream().sorted(Comparator.comparing(BookableService::code)).toList();
    }

    @Override
    public List<Resource> resources(String branch) {
        Setup s = setups.apply(branch);
        return s == null ? List.of() : s.resources();
    }

    @Override
    public List<Slot> slots(String branch, String service, LocalDate date) {
        Setup setup = setup(branch);
        BookableService s = service(setup, service);
        Instant[] w = window(setup);
        return book(branch).slots(setup, s, date, w[0], w[1]);
    }

    @Override
    public Optional<Slot> firstAvailable(String branch, String service, Instant from) {
        Setup setup = setup(branch);
        BookableService s = service(setup, service);
        Instant[] w = window(setup);
        Instant start = from == null || from.isBefore(w[0]) ? w[0] : from;
        ZoneId zone = setup.branch().zone();
        BranchBook book = book(branch);
        for (LocalDate d = start.atZone(zone).toLocalDate(); d.atStartOfDay(zone).toInstant().isBefore(w[1]); d = d.plusDays(1)) {
            for (Slot slot : book.slots(setup, s, d, start, w[1])) {
                if (slot.available() > 0) return Optional.of(slot);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<DayAvailability> days(String branch, String service, LocalDate from, int days) {
        Setup setup = setup(branch);
        BookableService s = service(setup, service);
        if (days < 1 || days > 366) throw Messages.refuse(INVALID, "days.range", days);
        Instant[] w = window(setup);
        BranchBook book = book(branch);
        List<DayAvailability> out = new ArrayList<>();
        for (int i = 0; i < days; i++) out.add(book.day(setup, s, from.plusDays(i), w[0], w[1]));
        return out;
    }

    @Override
    public Optional<Booking> find(String code, ContactAddress contact) {
        Booking b = byCode(code);
        if (b == null || contact == null) return Optional.empty();
        boolean match = contact.kind() == ContactAddress.Kind.PHONE ? contact.value().equals(b.phone()) : contact.value().equals(b.email());
        return match ? Optional.of(b) : Optional.empty();
    }

    private Booking byCode(String code) {
        // codes are held once their branch's bookings are read: read every branch's first
        for (org.talon.queue.api.Branch b : queues.branches()) {
            if (!books.containsKey(b.id())) book(b.id());
        }
        String h = codes.holder(Codes.normalize(code));
        if (h == null) return null;
        int slash = h.indexOf('/');
        return book(h.substring(0, slash)).byId(h.substring(slash + 1));
    }

    @Override
    public Optional<Booking> booking(String branch, String id) {
        if (setups.apply(branch) == null || id == null) return Optional.empty();
        return Optional.ofNullable(book(branch).byId(id));
    }

    @Override
    public Optional<Booking> bookingByCode(String branch, String code) {
        Booking b = byCode(code);
        return b != null && b.branch().equals(branch) ? Optional.of(b) : Optional.empty();
    }

    @Override
    public List<Booking> bookings(String branch, LocalDate date) {
        Setup setup = setup(branch);
        return book(branch).on(date, setup.branch().zone());
    }

    @Override
    public Schedule schedule(String branch, LocalDate date) {
        Setup setup = setup(branch);
        ZoneId zone = setup.branch().zone();
        List<OpenPeriod> open = setup.branch().calendar().openPeriods(date);
        List<Booking> day = book(branch).on(date, zone);
        List<Schedule.ResourceDay> out = new ArrayList<>();
        for (Resource r : setup.resources()) {
            List<OpenPeriod> hours = new ArrayList<>();
            if (r.hours().isEmpty()) {
                hours.addAll(open);
            } else if (!open.isEmpty()) {
                for (TimeRange t : r.hours().on(date.getDayOfWeek())) {
                    ZonedDateTime s = date.atTime(t.start()).atZone(zone);
                    ZonedDateTime e = t.end().equals(java.time.LocalTime.MAX) ? date.plusDays(1).atStartOfDay(zone) : date.atTime(t.end()).atZone(zone);
                    if (e.toInstant().isAfter(s.toInstant())) hours.add(new OpenPeriod(s, e));
                }
            }
            out.add(new Schedule.ResourceDay(r, hours, day.stream().filter(b -> r.id().equals(b.resource())).toList()));
        }
        return new Schedule(branch, date, zone, open, out);
    }

    // ---- changing -------------------------------------------------------------------------

    @Override
    public Booking book(BookingRequest r) {
        Setup setup = setup(r.branch());
        BookableService s = service(setup, r.service());
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty()) throw Messages.refuse(INVALID, "contact.noName");
        if (name.length() > MAX_NAME) throw Messages.refuse(INVALID, "contact.nameTooLong", MAX_NAME);
        String phone = contact(r.phone(), ContactAddress.Kind.PHONE);
        String email = contact(r.email(), ContactAddress.Kind.EMAIL);
        if (phone == null && email == null) throw Messages.refuse(INVALID, "contact.none");
        if (r.start() == null) throw Messages.refuse(INVALID, "start.none");
        String language = language(setup, r.language());
        Channel channel = r.channel() == null ? Channel.WEB : r.channel();
        return run(setup.branch().id(), tx -> {
            Instant now = clock.instant();
            Instant[] w = window(setup);
            Instant start = r.start();
            ZoneId zone = setup.branch().zone();
            if (start.isBefore(w[0]) || !start.isBefore(w[1])) {
                throw Messages.refuse(OUTSIDE_WINDOW, "window.outside", local(start, zone), local(w[0], zone),
                        setup.settings().maxAheadDays());
            }
            BranchBook book = book(setup.branch().id());
            Slot slot = slotAt(book, setup, s, start);
            if (slot == null) throw Messages.refuse(NOT_A_SLOT, "slot.notASlot", local(start, zone), s.code());
            if (slot.available() == 0) throw Messages.refuse(SLOT_FULL, "slot.full", local(start, zone));
            int active = book.activeOf(phone, email, now);
            if (active >= setup.settings().maxActive()) throw Messages.refuse(LIMIT_REACHED, "contact.limit", setup.settings().maxActive());
            String resource = pick(book, setup, s, slot, null);
            if (resource == null && !setup.serving(s.code()).isEmpty()) throw Messages.refuse(SLOT_FULL, "slot.full", local(start, zone));
            String id = UUID.randomUUID().toString();
            String code = codes.draw(setup.branch().id() + "/" + id);
            tx.onRollback(() -> codes.release(code, setup.branch().id() + "/" + id));
            Booking b = Booking.builder().id(id).branch(setup.branch().id()).code(code).service(s.code()).resource(resource)
                    .start(slot.start()).end(slot.end()).state(BookingState.BOOKED).name(name).phone(phone).email(email)
                    .language(language).channel(channel).createdAt(tx.now())
                    .checkinFrom(start.minus(setup.settings().arrivalBefore())).checkinUntil(start.plus(setup.settings().arrivalAfter()))
                    .version(0).build();
            change(tx, book, b);
            event(tx, BookingEvents.CREATED, b, Map.of("channel", channel.name()));
            notices.booked(tx, setup, b);
            return b;
        });
    }

    @Override
    public Booking cancel(String code, ContactAddress contact) {
        Booking b = find(code, contact).orElseThrow(() -> Messages.refuse(NOT_FOUND, "booking.notFound"));
        return cancel(b.branch(), b.id(), "customer");
    }

    @Override
    public Booking cancel(String branch, String id, String by) {
        Setup setup = setup(branch);
        return run(branch, tx -> {
            BranchBook book = book(branch);
            Booking b = active(book, id);
            Booking after = b.toBuilder().state(BookingState.CANCELLED).version(b.version() + 1).build();
            change(tx, book, after);
            event(tx, BookingEvents.CANCELLED, after, Map.of("by", by == null ? "staff" : by));
            notices.cancelled(tx, setup, after);
            return after;
        });
    }

    @Override
    public Booking reschedule(String code, ContactAddress contact, Instant start) {
        Booking found = find(code, contact).orElseThrow(() -> Messages.refuse(NOT_FOUND, "booking.notFound"));
        if (start == null) throw Messages.refuse(INVALID, "start.none");
        Setup setup = setup(found.branch());
        BookableService s = service(setup, found.service());
        return run(found.branch(), tx -> {
            BranchBook book = book(found.branch());
            Booking b = active(book, found.id());
            Instant[] w = window(setup);
            ZoneId zone = setup.branch().zone();
            if (start.isBefore(w[0]) || !start.isBefore(w[1])) {
                throw Messages.refuse(OUTSIDE_WINDOW, "window.outside", local(start, zone), local(w[0], zone),
                        setup.settings().maxAheadDays());
            }
            Slot slot = slotAt(book, setup, s, start);
            if (slot == null) throw Messages.refuse(NOT_A_SLOT, "slot.notASlot", local(start, zone), s.code());
            boolean sameTime = b.start().toInstant().equals(start);
            if (sameTime) return b;
            String resource = pick(book, setup, s, slot, b);
            boolean seats = setup.serving(s.code()).isEmpty();
            if (seats ? slot.available() == 0 : resource == null) throw Messages.refuse(SLOT_FULL, "slot.full", local(start, zone));
            Booking after = b.toBuilder().start(slot.start()).end(slot.end()).resource(resource)
                    .checkinFrom(start.minus(setup.settings().arrivalBefore())).checkinUntil(start.plus(setup.settings().arrivalAfter()))
                    .version(b.version() + 1).build();
            change(tx, book, after);
            event(tx, BookingEvents.RESCHEDULED, after, Map.of("from", b.start().toInstant().toString()));
            notices.rescheduled(tx, setup, b, after);
            return after;
        });
    }

    @Override
    public Booking move(String branch, String id, String resource, String by) {
        Setup setup = setup(branch);
        Resource to = resource == null ? null : setup.resource(resource);
        if (to == null) throw Messages.refuse(NOT_FOUND, "resource.notFound", String.valueOf(resource), branch);
        return run(branch, tx -> {
            BranchBook book = book(branch);
            Booking b = active(book, id);
            if (to.id().equals(b.resource())) return b;
            if (!to.services().contains(b.service())) throw Messages.refuse(RESOURCE_BUSY, "resource.notServing", to.name(), b.service());
            ZoneId zone = setup.branch().zone();
            if (!BranchBook.works(to, b.start().withZoneSameInstant(zone), b.end().withZoneSameInstant(zone))) {
                throw Messages.refuse(RESOURCE_BUSY, "resource.notWorking", to.name(), local(b.start().toInstant(), zone));
            }
            if (!book.free(to.id(), b.start().toInstant(), b.end().toInstant(), b.id())) {
                throw Messages.refuse(RESOURCE_BUSY, "resource.busy", to.name(), local(b.start().toInstant(), zone));
            }
            Booking after = b.toBuilder().resource(to.id()).version(b.version() + 1).build();
            change(tx, book, after);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("fromResource", b.resource());
            extra.put("by", by);
            event(tx, BookingEvents.MOVED, after, extra);
            return after;
        });
    }

    @Override
    public CheckIn checkIn(String branch, String code, Channel channel, String by) {
        Setup setup = setup(branch);
        Booking found = bookingByCode(branch, code).orElseThrow(() -> Messages.refuse(NOT_FOUND, "checkin.unknownCode"));
        ZoneId zone = setup.branch().zone();
        return run(branch, tx -> {
            BranchBook book = book(branch);
            Booking b = book.byId(found.id());
            if (b.state() == BookingState.CHECKED_IN) {
                // pressed twice, or a second kiosk: the same ticket, not a second one
                Ticket t = queues.ticket(branch, String.valueOf(b.ticketId())).orElse(null);
                if (t != null) return new CheckIn(b, t);
            }
            if (b.state() != BookingState.BOOKED) throw Messages.refuse(NOT_ACTIVE, "booking.state." + b.state().name());
            Instant now = clock.instant();
            if (now.isBefore(b.checkinFrom())) {
                throw Messages.refuse(TOO_EARLY, "checkin.early", near(b.start().toInstant(), now, zone), near(b.checkinFrom(), now, zone));
            }
            if (now.isAfter(b.checkinUntil())) {
                throw Messages.refuse(TOO_LATE, "checkin.late", near(b.start().toInstant(), now, zone));
            }
            Ticket t = queues.issue(tx, IssueRequest.builder().branch(branch).service(b.service()).priority(PriorityClass.APPOINTMENT)
                    .channel(channel == null ? Channel.KIOSK : channel).language(b.language())
                    .contact(b.phone() != null ? b.phone() : b.email()).appointmentAt(b.start().toInstant()).issuedBy(by).build());
            Booking after = b.toBuilder().state(BookingState.CHECKED_IN).ticketId(t.id()).ticketNumber(t.number())
                    .version(b.version() + 1).build();
            change(tx, book, after);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("ticket", t.id());
            extra.put("number", t.number());
            extra.put("channel", (channel == null ? Channel.KIOSK : channel).name());
            event(tx, BookingEvents.CHECKED_IN, after, extra);
            return new CheckIn(after, t);
        });
    }

    /**
     * Cancels every booking of every branch not checked in by the end of its arrival window,
     * and forgets bookings long past.
     *
     * @return how many were marked as no-shows
     */
    public int sweep() {
        int n = 0;
        Instant now = clock.instant();
        for (org.talon.queue.api.Branch b : queues.branches()) {
            if (setups.apply(b.id()) != null) book(b.id()); // a branch nobody asked about yet has bookings to sweep too
        }
        for (BranchBook book : books.values()) {
            List<String> missed = new ArrayList<>();
            for (Booking b : book.all()) {
                if (b.state() == BookingState.BOOKED && now.isAfter(b.checkinUntil())) missed.add(b.id());
                else if (!b.state().holdsSlot() || b.state() == BookingState.CHECKED_IN) {
                    if (b.end().toInstant().isBefore(now.minus(KEPT))) {
                        book.forget(b);
                        codes.release(b.code(), holder(b));
                    }
                }
            }
            if (missed.isEmpty()) continue;
            Setup setup = setups.apply(book.branch);
            if (setup == null) continue;
            n += run(book.branch, tx -> {
                int marked = 0;
                for (String id : missed) {
                    Booking b = book.byId(id);
                    if (b == null || b.state() != BookingState.BOOKED || !clock.instant().isAfter(b.checkinUntil())) continue;
                    Booking after = b.toBuilder().state(BookingState.NO_SHOW).version(b.version() + 1).build();
                    change(tx, book, after);
                    event(tx, BookingEvents.NO_SHOW, after, Map.of());
                    notices.missed(tx, setup, after);
                    marked++;
                }
                return marked;
            });
        }
        return n;
    }

    /** Erases the contact data of bookings in memory that match (the rows are the store's to clear). */
    public int eraseInMemory(java.util.function.Predicate<Booking> which) {
        int n = 0;
        for (BranchBook book : books.values()) {
            List<Booking> hit = book.all().stream().filter(which).toList();
            if (hit.isEmpty()) continue;
            n += run(book.branch, tx -> {
                int c = 0;
                for (Booking b : hit) {
                    Booking now = book.byId(b.id());
                    if (now == null || !which.test(now)) continue;
                    change(tx, book, now.toBuilder().name(null).phone(null).email(null).build());
                    c++;
                }
                return c;
            });
        }
        return n;
    }

    // ---- helpers --------------------------------------------------------------------------

    private static Booking active(BranchBook book, String id) {
        Booking b = id == null ? null : book.byId(id);
        if (b == null) throw Messages.refuse(NOT_FOUND, "booking.notFound");
        if (b.state() != BookingState.BOOKED) throw Messages.refuse(NOT_ACTIVE, "booking.state." + b.state().name());
        return b;
    }

    private Slot slotAt(BranchBook book, Setup setup, BookableService s, Instant start) {
        LocalDate d = start.atZone(setup.branch().zone()).toLocalDate();
        for (Slot slot : book.slots(setup, s, d, start, start.plusNanos(1))) {
            if (slot.start().toInstant().equals(start)) return slot;
        }
        return null;
    }

    /**
     * The least loaded resource that serves the service, works through the slot and is free
     * then (the booking being moved, if any, not counted); the one it has now when that is free;
     * null for a service booked by seats or when none is free.
     */
    private static String pick(BranchBook book, Setup setup, BookableService s, Slot slot, Booking moving) {
        Instant start = slot.start().toInstant();
        Instant end = slot.end().toInstant();
        String except = moving == null ? null : moving.id();
        ZoneId zone = setup.branch().zone();
        LocalDate d = slot.start().toLocalDate();
        Instant dayStart = d.atStartOfDay(zone).toInstant();
        Instant dayEnd = d.plusDays(1).atStartOfDay(zone).toInstant();
        String best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (Resource r : setup.serving(s.code())) {
            if (!BranchBook.works(r, slot.start(), slot.end()) || !book.free(r.id(), start, end, except)) continue;
            if (moving != null && r.id().equals(moving.resource())) return r.id();
            int load = book.load(r.id(), dayStart, dayEnd);
            if (load < bestLoad) {
                best = r.id();
                bestLoad = load;
            }
        }
        return best;
    }

    private void change(BranchTransaction tx, BranchBook book, Booking after) {
        book.changing(tx);
        book.put(after);
        store.write(tx, after);
    }

    private static void event(BranchTransaction tx, String type, Booking b, Map<String, ?> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("booking", b.id());
        p.put("service", b.service());
        p.put("start", b.start().toInstant().toString());
        p.put("end", b.end().toInstant().toString());
        p.put("resource", b.resource());
        p.putAll(extra);
        try {
            tx.append(type, JSON.writeValueAsString(p));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String contact(String text, ContactAddress.Kind kind) {
        if (text == null || text.isBlank()) return null;
        ContactAddress a;
        try {
            a = ContactAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw Messages.refuse(INVALID, kind == ContactAddress.Kind.PHONE ? "contact.badPhone" : "contact.badEmail", text.strip());
        }
        if (a.kind() != kind) throw Messages.refuse(INVALID, kind == ContactAddress.Kind.PHONE ? "contact.badPhone" : "contact.badEmail", text.strip());
        return a.value();
    }

    private static String language(Setup setup, String asked) {
        List<Locale> served = setup.branch().locales();
        if (asked != null) {
            for (Locale l : served) {
                if (l.getLanguage().equalsIgnoreCase(asked.strip())) return l.getLanguage();
            }
        }
        return served.isEmpty() ? "en" : served.get(0).getLanguage();
    }

    /** A time as a customer at the kiosk reads it: the hour alone on the same day, the date too on another. */
    static String near(Instant t, Instant now, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        return z.toLocalDate().equals(now.atZone(zone).toLocalDate()) ? HOUR.format(z) : local(t, zone);
    }

    static String local(Instant t, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        return z.toLocalDate() + " " + HOUR.format(z);
    }

    private <T> T run(String branch, BranchCommand<T> command) {
        try {
            return log.submit(branch, command).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof BookingException be) throw be;
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
