package org.talon.queue.internal.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.talon.queue.api.CounterState;
import org.talon.queue.internal.engine.LiveCounter;
import org.talon.queue.internal.engine.LiveTicket;

/** Current-state tables of the queue domain: tickets and counters. */
public interface TicketStore {

    record StoredCounter(String id, CounterState state, String operator) {
    }

    /**
     * What a branch needs to resume: its tickets that are not final (in their stored line order),
     * its counters, and the highest daily number per prefix on {@code day}.
     */
    record Loaded(List<LiveTicket> active, List<StoredCounter> counters, Map<String, Integer> lastNumbers,
            List<LiveTicket> keyedToday, List<DayCount> finalToday) {
    }

    /** How many tickets of a queue issued on the day ended in a final state. */
    record DayCount(String queue, org.talon.queue.api.TicketState state, int count) {
    }

    Loaded load(String branch, LocalDate day);

    /** Stores the tickets' and counters' current state in the command's transaction, as rows of its group. */
    void write(org.talon.event.api.BranchTransaction tx, String branch, List<LiveTicket> tickets, List<LiveCounter> counters);

    /** A stored ticket by its public id, in any branch. */
    java.util.Optional<LiveTicket> findByPublicId(String publicId);

    /** The branch of a stored ticket with this public id. */
    java.util.Optional<String> branchOfPublicId(String publicId);

    /** The highest ticket id ever stored, 0 when none. */
    long maxTicketId();

    /**
     * Clears the contact of the rows that match, in a transaction of its own.
     *
     * @param where an SQL condition on {@code talon_ticket} with {@code ?} for the values
     * @return how many rows had one
     */
    int eraseContacts(String where, Object... values);
}
