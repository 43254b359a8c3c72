package org.talon.queue.internal.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.talon.queue.api.Counter;
import org.talon.queue.api.QueueStatus;
import org.talon.queue.api.Service;
import org.talon.queue.api.Ticket;
import org.talon.queue.internal.engine.Limits;
import org.talon.web.api.MaxLength;

/** What the queue routes answer and accept, as JSON. Contact data never leaves here. */
public final class Views {
    private Views() {
    }

    /** A branch; {@code names} holds its name per language where one is configured, {@code name} is for the others. */
    public record BranchView(String id, String name, Map<String, String> names, String timeZone, List<String> locales,
            boolean priorityAtKiosk) {
    }

    public record ServiceView(String code, Map<String, String> names, String prefix, String queue, long targetWaitSeconds,
            long expectedServiceSeconds) {
        static ServiceView of(Service s) {
            return new ServiceView(s.code(), s.names(), s.prefix(), s.queue(), s.targetWait().toSeconds(),
                    s.expectedServiceTime().toSeconds());
        }
    }

    public record QueueView(String id, List<String> services, int waiting, long longestWaitSeconds, Long estimatedWaitSeconds,
            int openCounters) {
        static QueueView of(QueueStatus q) {
            return new QueueView(q.id(), q.services(), q.waiting(), q.longestWait().toSeconds(),
                    q.estimate() == null ? null : q.estimate().toSeconds(), q.openCounters());
        }
    }

    public record TicketView(long id, String number, String service, String queue, String state, String priority,
            String channel, String language, int position, Long estimatedWaitSeconds, String counter, Instant issuedAt,
            Instant calledAt, String publicId) {
        static TicketView of(Ticket t) {
            return new TicketView(t.id(), t.number(), t.service(), t.queue(), t.state().name(), t.priority().name(),
                    t.channel().name(), t.language(), t.position(),
                    t.estimatedWait() == null ? null : t.estimatedWait().toSeconds(), t.counter(), t.issuedAt(), t.calledAt(),
                    t.publicId());
        }
    }

    /** What a customer's own page shows: never contact data, nor internal ids. */
    public record PublicTicketView(String number, String service, Map<String, String> serviceNames, String state, int position,
            Long estimatedWaitSeconds, String counter, String counterName, Map<String, String> counterNames, Instant issuedAt,
            String branch) {
        static PublicTicketView of(Ticket t, Map<String, String> serviceNames, Counter counter) {
            return new PublicTicketView(t.number(), t.service(), serviceNames, t.state().name(), t.position(),
                    t.estimatedWait() == null ? null : t.estimatedWait().toSeconds(), t.counter(),
                    counter == null ? t.counter() : counter.name(), counter == null ? Map.of() : new java.util.TreeMap<>(counter.names()), t.issuedAt(),
                    t.branch());
        }
    }

    /** A queue's business day so far. */
    public record DayView(String queue, int served, int noShows, int cancelled) {
    }

    /** A counter; {@code names} holds its name per language where one is configured, {@code name} is for the others. */
    public record CounterView(String id, String name, Map<String, String> names, String profile, String state, String operator,
            TicketView ticket) {
        static CounterView of(Counter c) {
            return new CounterView(c.id(), c.name(), new java.util.TreeMap<>(c.names()), c.profile(), c.state().name(), c.operator(),
                    c.currentTicket() == null ? null : TicketView.of(c.currentTicket()));
        }
    }

    /** Body of {@code POST /branches/{branch}/tickets}; the limits are the engine's (its column widths). */
    public record IssueBody(@MaxLength(Limits.SERVICE) String service, @MaxLength(16) String priority,
            @MaxLength(Limits.LANGUAGE) String language, @MaxLength(Limits.CONTACT) String contact) {
    }

    /** Body of {@code POST .../counters/{counter}/open}. */
    public record OpenBody(@MaxLength(Limits.OPERATOR) String operator) {
    }

    /** Body of {@code POST .../counters/{counter}/transfer}: exactly one of queue, counter, operator. */
    public record TransferBody(@MaxLength(Limits.QUEUE) String queue, @MaxLength(Limits.COUNTER) String counter,
            @MaxLength(Limits.OPERATOR) String operator, Boolean first) {
    }
}
