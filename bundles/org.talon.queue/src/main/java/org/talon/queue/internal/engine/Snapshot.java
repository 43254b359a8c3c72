package org.talon.queue.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.talon.queue.api.Counter;
import org.talon.queue.api.QueueDay;
import org.talon.queue.api.QueueStatus;
import org.talon.queue.api.Ticket;

/**
 * A branch as it was at its last commit, for readers on any thread: immutable once made by the
 * writer ({@link BranchState#snapshot()}). What the writer copies is cheap (arrays of ticket views
 * it already holds); places in line, estimates and look-ups are worked out on the first read that
 * needs them, once per snapshot.
 */
public final class Snapshot {
    private final BranchSetup setup;
    /** Every line in the order the branch lists its active tickets: queues, counters, operators. */
    private final List<Ticket[]> lines;
    private final Map<String, Ticket[]> queueLines;
    /** Active tickets that wait in no line (called, being served, parked). */
    private final List<Ticket> notInLine;
    private final List<Counter> counters;
    /** Per queue, how many open counters call from it. */
    private final Map<String, Integer> openCounters;
    private final Map<String, Duration> means;
    private final LocalDate totalsDay;
    private final Map<String, int[]> totals;

    private volatile List<Ticket> active;
    private volatile Map<String, Ticket> byPublicId;

    Snapshot(BranchSetup setup, List<Ticket[]> lines, Map<String, Ticket[]> queueLines, List<Ticket> notInLine,
            List<Counter> counters, Map<String, Integer> openCounters, Map<String, Duration> means, LocalDate totalsDay,
            Map<String, int[]> totals) {
        this.setup = setup;
        this.lines = lines;
        this.queueLines = queueLines;
        this.notInLine = notInLine;
        this.counters = Collections.unmodifiableList(counters);
        this.openCounters = openCounters;
        this.means = means;
        this.totalsDay = totalsDay;
        this.totals = totals;
    }

    /** The set-up the branch had: a snapshot of an earlier set-up is not the branch now. */
    public BranchSetup setup() {
        return setup;
    }

    public List<Counter> counters() {
        return counters;
    }

    /** Every active ticket: those in line with their place and estimate, then the others. */
    public List<Ticket> activeTickets() {
        List<Ticket> a = active;
        if (a == null) {
            List<Ticket> out = new ArrayList<>();
            for (Ticket[] line : lines) {
                for (int i = 0; i < line.length; i++) out.add(placed(line[i], i + 1));
            }
            out.addAll(notInLine);
            active = a = Collections.unmodifiableList(out);
        }
        return a;
    }

    /** The view {@link BranchState#view(LiveTicket)} gives of a ticket waiting at 1-based {@code position}. */
    private Ticket placed(Ticket t, int position) {
        Duration mean = means.getOrDefault(t.queue(), Duration.ZERO);
        Duration estimate = t.operatorPool() != null || t.counter() != null ? ServiceTimes.estimateDirected(mean, position)
                : ServiceTimes.estimate(mean, position, openCounters.getOrDefault(t.queue(), 0));
        return t.toBuilder().position(position).estimatedWait(estimate).build();
    }

    /** An active ticket by number (the newest day's) or by id, as {@link BranchState#find} finds it. */
    public Ticket find(String numberOrId) {
        if (numberOrId == null) return null;
        Ticket found = null;
        for (Ticket t : activeTickets()) {
            if (t.number().equalsIgnoreCase(numberOrId) && (found == null || t.day().isAfter(found.day()))) found = t;
        }
        if (found == null && !numberOrId.isEmpty() && numberOrId.length() < 19 && numberOrId.chars().allMatch(Character::isDigit)) {
            long id = Long.parseLong(numberOrId);
            for (Ticket t : activeTickets()) {
                if (t.id() == id) return t;
            }
        }
        return found;
    }

    /** An active ticket by its public id, or {@code null}. */
    public Ticket findPublic(String publicId) {
        Map<String, Ticket> m = byPublicId;
        if (m == null) {
            m = new HashMap<>();
            for (Ticket t : activeTickets()) {
                if (t.publicId() != null) m.put(t.publicId(), t);
            }
            byPublicId = m;
        }
        return m.get(publicId);
    }

    /** The queues' lengths and waits at {@code now} (the longest wait grows while nothing is committed). */
    public List<QueueStatus> queueStatus(Instant now) {
        List<QueueStatus> out = new ArrayList<>();
        for (Map.Entry<String, Ticket[]> e : queueLines.entrySet()) {
            Ticket[] line = e.getValue();
            Instant oldest = null;
            for (Ticket t : line) {
                if (oldest == null || t.issuedAt().isBefore(oldest)) oldest = t.issuedAt();
            }
            int open = openCounters.getOrDefault(e.getKey(), 0);
            Duration estimate = ServiceTimes.estimate(means.getOrDefault(e.getKey(), Duration.ZERO), line.length + 1, open);
            out.add(QueueStatus.builder().branch(setup.id()).id(e.getKey()).services(setup.queues().get(e.getKey()))
                    .waiting(line.length).longestWait(oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now))
                    .estimate(estimate).openCounters(open).build());
        }
        return out;
    }

    /** Per queue, the business day of {@code now} so far (nothing yet when the day is newer than the totals). */
    public List<QueueDay> today(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, setup.branch().zone());
        boolean current = totalsDay != null && !day.isAfter(totalsDay);
        List<QueueDay> out = new ArrayList<>();
        for (String q : queueLines.keySet()) {
            int[] c = current ? totals.getOrDefault(q, new int[3]) : new int[3];
            out.add(QueueDay.builder().branch(setup.id()).queue(q).served(c[0]).noShows(c[1]).cancelled(c[2]).build());
        }
        return out;
    }
}
