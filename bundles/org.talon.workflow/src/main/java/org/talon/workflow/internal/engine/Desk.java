package org.talon.workflow.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.talon.event.api.BranchTransaction;
import org.talon.workflow.api.Request;
import org.talon.workflow.api.RequestState;

/**
 * The open requests of one branch in memory: what the branch's writer changes and what work lists
 * read, guarded by this object's monitor. Closed requests leave it (they are the store's).
 *
 * <p>Three orders are kept: by due time (the work list), the unassigned by priority then due time
 * (the assignment), and each staff member's load. A group of commands that fails to commit puts
 * back what it changed ({@link #changing}).
 */
public final class Desk {
    /** Soonest due first (a stopped clock last), then higher priority, then id. */
    static final Comparator<Request> BY_DUE = Comparator.comparing((Request r) -> r.dueAt() == null ? Instant.MAX : r.dueAt())
            .thenComparing(Comparator.comparingInt(Request::priority).reversed()).thenComparing(Request::id);
    /** Higher priority first, then soonest due, then id. */
    static final Comparator<Request> BY_PRIORITY = Comparator.comparingInt(Request::priority).reversed()
            .thenComparing((Request r) -> r.dueAt() == null ? Instant.MAX : r.dueAt()).thenComparing(Request::id);

    final String branch;
    private final Map<String, Request> open = new HashMap<>();
    private final TreeSet<Request> byDue = new TreeSet<>(BY_DUE);
    private final TreeSet<Request> unassigned = new TreeSet<>(BY_PRIORITY);
    /** The work list's narrower orders by due time: per holder, nobody's, the overdue. */
    private final Map<String, TreeSet<Request>> byAssignee = new HashMap<>();
    private final TreeSet<Request> nobodys = new TreeSet<>(BY_DUE);
    private final TreeSet<Request> overdue = new TreeSet<>(BY_DUE);
    private final Map<RequestState, TreeSet<Request>> byState = new java.util.EnumMap<>(RequestState.class);
    private final Map<String, Integer> load = new HashMap<>();
    private final Map<Long, String> byTicket = new HashMap<>();
    private final Map<Integer, Integer> numbers = new HashMap<>();
    private Object undoFor;
    private List<Runnable> undo;

    Desk(String branch) {
        this.branch = branch;
    }

    /**
     * Called before a change in a group of commands: the first time for a group it registers the
     * group's rollback, which undoes every change it made, last first, and its commit, which
     * forgets them.
     */
    synchronized void changing(BranchTransaction tx) {
        if (undoFor == tx) return;
        List<Runnable> mine = new ArrayList<>();
        undoFor = tx;
        undo = mine;
        tx.onRollback(() -> {
            synchronized (this) {
                for (int i = mine.size() - 1; i >= 0; i--) mine.get(i).run();
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

    /** Puts a request's new value in place of its old one; a closed one leaves. */
    synchronized void put(Request after) {
        Request before = open.get(after.id());
        if (undo != null) undo.add(() -> apply(after.open() ? after : null, before));
        apply(before, after.open() ? after : null);
    }

    /** Loading: a request read from the store. */
    synchronized void load(Request r) {
        if (r.open()) apply(open.get(r.id()), r);
    }

    private void apply(Request before, Request after) {
        if (before != null) {
            open.remove(before.id());
            byDue.remove(before);
            unassigned.remove(before);
            if (before.assignee() == null) nobodys.remove(before);
            else {
                TreeSet<Request> mine = byAssignee.get(before.assignee());
                mine.remove(before);
                if (mine.isEmpty()) byAssignee.remove(before.assignee());
            }
            if (before.overdue()) overdue.remove(before);
            byState.get(before.state()).remove(before);
            if (before.state().held() && before.assignee() != null) load.merge(before.assignee(), -1, Integer::sum);
            if (before.ticketId() != 0) byTicket.remove(before.ticketId());
        }
        if (after != null) {
            open.put(after.id(), after);
            byDue.add(after);
            if (after.state() == RequestState.REGISTERED) unassigned.add(after);
            if (after.assignee() == null) nobodys.add(after);
            else byAssignee.computeIfAbsent(after.assignee(), k -> new TreeSet<>(BY_DUE)).add(after);
            if (after.overdue()) overdue.add(after);
            byState.computeIfAbsent(after.state(), k -> new TreeSet<>(BY_DUE)).add(after);
            if (after.state().held() && after.assignee() != null) load.merge(after.assignee(), 1, Integer::sum);
            if (after.ticketId() != 0) byTicket.put(after.ticketId(), after.id());
        }
    }

    /** The next number of a year (one more than the last given), taken. */
    synchronized int nextNumber(int year, int lastStored) {
        int last = numbers.getOrDefault(year, lastStored);
        int next = last + 1;
        numbers.put(year, next);
        if (undo != null) undo.add(() -> numbers.put(year, last));
        return next;
    }

    synchronized boolean knowsYear(int year) {
        return numbers.containsKey(year);
    }

    synchronized Request get(String id) {
        return open.get(id);
    }

    synchronized Request byTicket(long ticket) {
        String id = byTicket.get(ticket);
        return id == null ? null : open.get(id);
    }

    synchronized int load(String staff) {
        return load.getOrDefault(staff, 0);
    }

    synchronized int size() {
        return open.size();
    }

    /** The first unassigned request (by priority, then due) that matches, or null. */
    synchronized Request firstUnassigned(Predicate<Request> which, int atMost) {
        int n = 0;
        for (Request r : unassigned) {
            if (which.test(r)) return r;
            if (++n >= atMost) break;
        }
        return null;
    }

    /** Unassigned requests in order, at most {@code max}. */
    synchronized List<Request> unassigned(int max) {
        List<Request> out = new ArrayList<>();
        for (Request r : unassigned) {
            if (out.size() >= max) break;
            out.add(r);
        }
        return out;
    }

    /** Open requests whose clock runs and whose warning or due time has come by {@code now}. */
    synchronized List<Request> due(Instant now) {
        List<Request> out = new ArrayList<>();
        for (Request r : byDue) {
            if (r.dueAt() == null) break; // the clock stands still for the rest
            boolean warn = !r.warned() && r.warnAt() != null && !now.isBefore(r.warnAt());
            boolean over = !r.overdue() && !now.isBefore(r.dueAt());
            if (warn || over) out.add(r);
        }
        return out;
    }

    /**
     * A page of the work list: the open requests that match, by due time.
     *
     * @return the number that match in all, and the page in {@code page}
     */
    synchronized int list(Predicate<Request> which, int offset, int limit, List<Request> page) {
        return scan(byDue, which, offset, limit, page);
    }

    /**
     * A page of the work list, looking only where the answer can be: one holder's requests,
     * nobody's, or the overdue when the query names them; every one when it does not. With no
     * other condition ({@code rest} null) the total is the set's size and only the page is read.
     *
     * @param assignee a login, {@code ""} for nobody's, or null
     * @param overdue  true for only the overdue, or null
     * @param state    the one state asked for, or null (several states are for {@code rest})
     * @param rest     what else a request must match, or null for nothing else
     */
    synchronized int list(String assignee, Boolean overdue, RequestState state, Predicate<Request> rest, int offset, int limit, List<Request> page) {
        if (state != null && assignee == null && overdue == null) {
            return rest == null ? first(byState.getOrDefault(state, EMPTY), offset, limit, page) : scan(byState.getOrDefault(state, EMPTY), rest, offset, limit, page);
        }
        if (state != null) rest = rest == null ? r -> r.state() == state : rest.and(r -> r.state() == state);
        TreeSet<Request> where = byDue;
        Predicate<Request> which = rest == null ? r -> true : rest;
        if (assignee != null) {
            where = assignee.isEmpty() ? nobodys : byAssignee.getOrDefault(assignee, EMPTY);
            if (Boolean.TRUE.equals(overdue)) which = which.and(Request::overdue);
            else if (Boolean.FALSE.equals(overdue)) which = which.and(r -> !r.overdue());
        } else if (Boolean.TRUE.equals(overdue)) {
            where = this.overdue;
        } else if (Boolean.FALSE.equals(overdue)) {
            which = which.and(r -> !r.overdue());
        }
        boolean everyOne = rest == null && (overdue == null || (assignee == null && overdue));
        return everyOne ? first(where, offset, limit, page) : scan(where, which, offset, limit, page);
    }

    /** The page of a whole set: only the page is read. */
    private static int first(TreeSet<Request> where, int offset, int limit, List<Request> page) {
        int n = 0;
        for (Request r : where) {
            if (page.size() >= limit) break;
            if (n++ >= offset) page.add(r);
        }
        return where.size();
    }

    private static final TreeSet<Request> EMPTY = new TreeSet<>(BY_DUE);

    private static int scan(TreeSet<Request> where, Predicate<Request> which, int offset, int limit, List<Request> page) {
        int total = 0;
        for (Request r : where) {
            if (!which.test(r)) continue;
            if (total >= offset && page.size() < limit) page.add(r);
            total++;
        }
        return total;
    }
}
