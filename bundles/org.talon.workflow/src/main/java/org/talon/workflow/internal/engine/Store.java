package org.talon.workflow.internal.engine;

import java.util.List;
import java.util.Optional;
import org.talon.event.api.BranchTransaction;
import org.talon.workflow.api.HistoryEntry;
import org.talon.workflow.api.Request;
import org.talon.workflow.api.RequestQuery;
import org.talon.workflow.api.RequestPage;

/** Where requests are kept: open ones read once when a branch is first needed, all written inside the writer's commands. */
public interface Store {
    /** A branch's open requests. */
    List<Request> loadOpen(String branch);

    /** The last number given to a request of the branch in a year, 0 for none. */
    int lastNumber(String branch, int year);

    /** Writes a request's value, its history entry (numbered by its version; none when null) and, for a new one, its year's last number. */
    void write(BranchTransaction tx, Request r, HistoryEntry entry, int numberInYear);

    /** A request by id as stored (closed ones are only there). */
    Optional<Request> read(String id);

    List<HistoryEntry> history(String id);

    /** Closed requests that match (the open ones are the engine's), in the query's order. */
    RequestPage closed(RequestQuery q);
}
