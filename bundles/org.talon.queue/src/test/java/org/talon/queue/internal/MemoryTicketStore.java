package org.talon.queue.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.talon.queue.api.TicketState;
import org.talon.queue.internal.engine.LiveCounter;
import org.talon.queue.internal.engine.LiveTicket;
import org.talon.queue.internal.store.TicketStore;

/** Keeps the last written state of every ticket, for engine tests. */
final class MemoryTicketStore implements TicketStore {
    final Map<Long, TicketState> states = new ConcurrentHashMap<>();
    final Map<Long, String> numbers = new ConcurrentHashMap<>();

    @Override
    public Loaded load(String branch, LocalDate day) {
        return new Loaded(List.of(), new ArrayList<>(), new HashMap<>(), List.of(), List.of());
    }

    @Override
    public void write(org.talon.event.api.BranchTransaction tx, String branch, List<LiveTicket> tickets, List<LiveCounter> counters) {
        for (LiveTicket t : tickets) {
            states.put(t.id, t.state);
            numbers.put(t.id, t.number);
        }
    }

    @Override
    public java.util.Optional<LiveTicket> findByPublicId(String publicId) {
        return java.util.Optional.empty();
    }

    @Override
    public java.util.Optional<String> branchOfPublicId(String publicId) {
        return java.util.Optional.empty();
    }

    @Override
    public long maxTicketId() {
        return 0;
    }

    @Override
    public int eraseContacts(String where, Object... values) {
        return 0; // rows in memory are the engine's own tickets: the engine's erasure covers them
    }
}
