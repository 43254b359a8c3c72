package org.talon.queue.internal.engine;

import java.util.Comparator;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * Tickets waiting in one place (a queue, a counter, an operator's pool), in call order: by key
 * time (arrival minus the priority class's head start), then by the order they entered.
 */
final class Line implements Iterable<LiveTicket> {
    static final Comparator<LiveTicket> ORDER = Comparator.comparing((LiveTicket t) -> t.lineKey)
            .thenComparingLong(t -> t.lineOrder).thenComparingLong(t -> t.id);

    final String id;
    private final TreeSet<LiveTicket> tickets = new TreeSet<>(ORDER);
    /** Counts every change of the line or of a ticket in it, so its frozen copy is made again only then. */
    int version;
    private int frozenVersion = -1;
    private org.talon.queue.api.Ticket[] frozen;

    Line(String id) {
        this.id = id;
    }

    void add(LiveTicket t) {
        t.line = this;
        tickets.add(t);
        version++;
    }

    void remove(LiveTicket t) {
        tickets.remove(t);
        t.line = null;
        version++;
    }

    LiveTicket head() {
        return tickets.isEmpty() ? null : tickets.first();
    }

    boolean isEmpty() {
        return tickets.isEmpty();
    }

    int size() {
        return tickets.size();
    }

    /**
     * 1-based place of the ticket in this line. Counted from both ends at once, so it costs the
     * distance to the nearer end: a new ticket at the back (the usual case) is found at once even
     * when thousands wait, a priority ticket near the front after a few steps.
     */
    int positionOf(LiveTicket t) {
        Iterator<LiveTicket> front = tickets.iterator();
        Iterator<LiveTicket> back = tickets.descendingIterator();
        int n = tickets.size();
        for (int i = 0; i < n; i++) {
            if (front.next() == t) return i + 1;
            if (back.next() == t) return n - i;
        }
        return n + 1; // not in this line: it would come last
    }

    /**
     * The line's tickets in call order as committed readers see them (without place and estimate),
     * copied again only when the line or one of its tickets changed since the last copy.
     */
    org.talon.queue.api.Ticket[] frozen(String branch) {
        if (frozenVersion != version || frozen == null) {
            org.talon.queue.api.Ticket[] out = new org.talon.queue.api.Ticket[tickets.size()];
            int i = 0;
            for (LiveTicket t : tickets) out[i++] = t.base(branch);
            frozen = out;
            frozenVersion = version;
        }
        return frozen;
    }

    @Override
    public Iterator<LiveTicket> iterator() {
        return tickets.iterator();
    }
}
