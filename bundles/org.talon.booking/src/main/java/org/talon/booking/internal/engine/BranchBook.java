package org.talon.booking.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.talon.booking.api.BookableService;
import org.talon.booking.api.Booking;
import org.talon.booking.api.DayAvailability;
import org.talon.booking.api.Resource;
import org.talon.booking.api.Slot;
import org.talon.queue.api.calendar.OpenPeriod;

/**
 * The bookings of one branch in memory and the slots they leave: what the branch's writer
 * changes and what queries read, guarded by this object's monitor.
 *
 * <p>Every booking's latest value is in {@link #byId}; those holding their slot are also in the
 * time line of their resource (a staff member or counter never has two at once) or, for a
 * service booked by seats, in the service's seat line. A group of commands that fails to commit
 * puts back the state as it was before the group ({@link #changing}).
 */
public final class BranchBook {
    final String branch;
    private Map<String, Booking> byId = new HashMap<>();
    /** Resource id to its holding bookings by start. */
    private Map<String, TreeMap<Instant, Booking>> byResource = new HashMap<>();
    /** Service code to its seat bookings (no resource) by start, several per start. */
    private Map<String, TreeMap<Instant, List<Booking>>> bySeats = new HashMap<>();
    /** Contact (phone or e-mail) to the ids of its bookings still BOOKED: the limit per contact is counted from these. */
    private final Map<String, java.util.Set<String>> byContact = new HashMap<>();
    /** The group of commands changing the book now, and what it changed (before, after), for its rollback. */
    private Object undoFor;
    private List<Booking[]> undo;

    public BranchBook(String branch) {
        this.branch = branch;
    }

    // ---- changes ------------------------------------------------------------------------

    /**
     * Called before a change in a group of commands: the first time for a group it registers the
     * group's rollback, which puts back every booking it changed, last change first, and its
     * commit, which forgets what it changed.
     */
    synchronized void changing(org.talon.event.api.BranchTransaction tx) {
        if (undoFor == tx) return;
        List<Booking[]> mine = new ArrayList<>();
        undoFor = tx;
        undo = mine;
        tx.onRollback(() -> {
            synchronized (this) {
                for (int i = mine.size() - 1; i >= 0; i--) {
                    Booking[] change = mine.get(i);
                    if (change[0] == null) apply(change[1], null);
                    else apply(byId.get(change[0].id()), change[0]);
                }
                done(tx);
            }
        });
        tx.onCommit(() -> {
            synchronized (this) {
                done(tx);
            }
        });
    }

    private void done(Object tx) {
        if (undoFor == tx) {
            undoFor = null;
            undo = null;
        }
    }

    /** Puts a booking's new value in place of its old one (or adds it). */
    synchronized void put(Booking b) {
        Booking old = byId.get(b.id());
        if (undo != null) undo.add(new Booking[] {old, b});
        apply(old, b);
    }

    /** Forgets a booking (one long past, to keep memory bounded). */
    synchronized void forget(Booking b) {
        apply(byId.get(b.id()), null);
    }

    private void apply(Booking old, Booking now) {
        if (old != null) {
            byId.remove(old.id());
            unplace(old);
        }
        if (now != null) {
            byId.put(now.id(), now);
            if (now.state().holdsSlot()) place(now);
        }
    }

    private void place(Booking b) {
        if (b.state() == org.talon.booking.api.BookingState.BOOKED) {
            for (String c : new String[] {b.phone(), b.email()}) {
                if (c != null) byContact.computeIfAbsent(c, x -> new java.util.HashSet<>()).add(b.id());
            }
        }
        Instant s = b.start().toInstant();
        if (b.resource() != null) {
            byResource.computeIfAbsent(b.resource(), r -> new TreeMap<>()).put(s, b);
        } else {
            bySeats.computeIfAbsent(b.service(), x -> new TreeMap<>()).computeIfAbsent(s, x -> new ArrayList<>()).add(b);
        }
    }

    private void unplace(Booking b) {
        for (String c : new String[] {b.phone(), b.email()}) {
            java.util.Set<String> ids = c == null ? null : byContact.get(c);
            if (ids != null && ids.remove(b.id()) && ids.isEmpty()) byContact.remove(c);
        }
        Instant s = b.start().toInstant();
        if (b.resource() != null) {
            TreeMap<Instant, Booking> line = byResource.get(b.resource());
            Booking at = line == null ? null : line.get(s);
            if (at != null && at.id().equals(b.id())) line.remove(s);
        } else {
            TreeMap<Instant, List<Booking>> line = bySeats.get(b.service());
            List<Booking> at = line == null ? null : line.get(s);
            if (at != null) {
                at.removeIf(x -> x.id().equals(b.id()));
                if (at.isEmpty()) line.remove(s);
            }
        }
    }

    // ---- reading ------------------------------------------------------------------------

    public synchronized Booking byId(String id) {
        return byId.get(id);
    }

    public synchronized List<Booking> all() {
        return new ArrayList<>(byId.values());
    }

    /** Bookings that start on a day (in the branch's zone), in order. */
    public synchronized List<Booking> on(LocalDate date, ZoneId zone) {
        List<Booking> out = new ArrayList<>();
        for (Booking b : byId.values()) {
            if (b.start().withZoneSameInstant(zone).toLocalDate().equals(date)) out.add(b);
        }
        out.sort(Comparator.comparing((Booking b) -> b.start().toInstant()).thenComparing(Booking::id));
        return out;
    }

    /** How many bookings still to come a contact holds (BOOKED, not yet started). */
    public synchronized int activeOf(String phone, String email, Instant now) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        if (phone != null) ids.addAll(byContact.getOrDefault(phone, java.util.Set.of()));
        if (email != null) ids.addAll(byContact.getOrDefault(email, java.util.Set.of()));
        int n = 0;
        for (String id : ids) {
            if (byId.get(id).start().toInstant().isAfter(now)) n++;
        }
        return n;
    }

    /** Whether a resource is free for the whole of [start, end), not counting one booking (the one being moved). */
    public synchronized boolean free(String resource, Instant start, Instant end, String except) {
        TreeMap<Instant, Booking> line = byResource.get(resource);
        if (line == null) return true;
        // bookings of one resource never overlap: only the last one starting before end can reach past start
        for (Map.Entry<Instant, Booking> e = line.lowerEntry(end); e != null; e = line.lowerEntry(e.getKey())) {
            Booking b = e.getValue();
            if (!b.end().toInstant().isAfter(start)) return true;
            if (!b.id().equals(except)) return false;
        }
        return true;
    }

    /** How many seats of a service are taken in [start, end). */
    synchronized int seatsTaken(String service, Instant start, Instant end, Duration duration) {
        TreeMap<Instant, List<Booking>> line = bySeats.get(service);
        if (line == null) return 0;
        int n = 0;
        for (List<Booking> at : line.subMap(start.minus(duration), false, end, false).values()) {
            for (Booking b : at) {
                if (b.end().toInstant().isAfter(start)) n++;
            }
        }
        return n;
    }

    /** How many holding bookings a resource has on a day: the load a new booking is spread by. */
    synchronized int load(String resource, Instant dayStart, Instant dayEnd) {
        TreeMap<Instant, Booking> line = byResource.get(resource);
        return line == null ? 0 : line.subMap(dayStart, dayEnd).size();
    }

    // ---- slots --------------------------------------------------------------------------

    /** Whether a resource works for the whole of [start, end): its own hours, or the branch's when it has none. */
    static boolean works(Resource r, ZonedDateTime start, ZonedDateTime end) {
        if (r.hours().isEmpty()) return true;
        if (!start.toLocalDate().equals(end.toLocalDate())) {
            // only a slot that ends at midnight may end on the next day
            if (!end.toLocalTime().equals(LocalTime.MIDNIGHT) || !end.toLocalDate().equals(start.toLocalDate().plusDays(1))) return false;
            return r.hours().covers(start.getDayOfWeek(), start.toLocalTime(), LocalTime.MAX);
        }
        return r.hours().covers(start.getDayOfWeek(), start.toLocalTime(), end.toLocalTime());
    }

    /**
     * The slots of a service on a day, from the branch's open periods at the service's step,
     * each with its capacity (the resources working then, or the service's seats) and what is
     * free; slots nobody works in are left out, and so are those outside [from, until).
     */
    public synchronized List<Slot> slots(Setup setup, BookableService s, LocalDate date, Instant from, Instant until) {
        List<Resource> serving = setup.serving(s.code());
        List<Slot> out = new ArrayList<>();
        ZoneId zone = setup.branch().zone();
        for (OpenPeriod p : setup.branch().calendar().openPeriods(date)) {
            Instant end = p.end().toInstant();
            for (Instant t = p.start().toInstant(); !t.plus(s.duration()).isAfter(end); t = t.plus(s.duration())) {
                if (t.isBefore(from) || !t.isBefore(until)) continue;
                Instant e = t.plus(s.duration());
                ZonedDateTime zs = t.atZone(zone);
                ZonedDateTime ze = e.atZone(zone);
                int capacity = 0;
                int available = 0;
                if (serving.isEmpty()) {
                    capacity = s.seats();
                    available = Math.max(0, capacity - seatsTaken(s.code(), t, e, s.duration()));
                } else {
                    for (Resource r : serving) {
                        if (!works(r, zs, ze)) continue;
                        capacity++;
                        if (free(r.id(), t, e, null)) available++;
                    }
                }
                if (capacity > 0) out.add(new Slot(zs, ze, capacity, available));
            }
        }
        return out;
    }

    /** A day's availability for a service, inside [from, until). */
    public synchronized DayAvailability day(Setup setup, BookableService s, LocalDate date, Instant from, Instant until) {
        List<Slot> slots = slots(setup, s, date, from, until);
        int free = 0;
        for (Slot x : slots) free += x.available();
        boolean open = !setup.branch().calendar().openOn(date).isEmpty();
        return new DayAvailability(date, open, slots.size(), free);
    }
}
