package org.talon.queue.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.talon.queue.api.Channel;
import org.talon.queue.api.PriorityClass;
import org.talon.queue.api.Ticket;
import org.talon.queue.api.TicketState;

/** A ticket as the engine holds it while it is not final. Only the branch's writer touches it. */
public final class LiveTicket {
    public final long id;
    public final String number;
    public final LocalDate day;
    public final int dailyNumber;
    public final String service;
    public final PriorityClass priority;
    public final Channel channel;
    public final String language;
    /** Phone or e-mail, or null; cleared when the person's contact data is erased (see {@link BranchState#eraseContacts}). */
    public String contact;
    public final Instant issuedAt;
    /** Unguessable id for the customer's page. */
    public String publicId;
    /** The issuing client's idempotency key, or {@code null}. */
    public String idempotencyKey;
    /** Who issued it (user or device name), or {@code null}; its idempotency key belongs to that caller. */
    public String issuedBy;

    public String queue;
    public TicketState state = TicketState.WAITING;
    public Instant calledAt;
    public Instant servedAt;
    public Instant finishedAt;
    public String counter;
    public String operatorPool;
    public int recalls;
    /**
     * Whether its row exists in the store: set once the store wrote it (or loaded it), so the
     * first write inserts without asking the database first. A failed commit discards the whole
     * branch state, flags included.
     */
    public boolean stored;

    /** Where it stands in line: ordered by key time, then by entry order. */
    Instant lineKey;
    long lineOrder;
    Line line;
    /** When it became active among the branch's tickets: the order active tickets are listed in. */
    long activeOrder;
    /** Its view without place and estimate, made once per change (see {@link #base}). */
    private Ticket base;

    public LiveTicket(long id, String number, LocalDate day, int dailyNumber, String service, String queue,
            PriorityClass priority, Channel channel, String language, String contact, Instant issuedAt) {
        this.id = id;
        this.number = number;
        this.day = day;
        this.dailyNumber = dailyNumber;
        this.service = service;
        this.queue = queue;
        this.priority = priority;
        this.channel = channel;
        this.language = language;
        this.contact = contact;
        this.issuedAt = issuedAt;
    }

    public Instant lineKey() {
        return lineKey;
    }

    public long lineOrder() {
        return lineOrder;
    }

    /** Restores the place in line a stored ticket had. */
    public void placeInLine(Instant key, long order) {
        this.lineKey = key;
        this.lineOrder = order;
    }

    public Ticket toTicket(String branch, int position, Duration estimate) {
        return Ticket.builder().id(id).branch(branch).number(number).day(day).service(service).queue(queue).priority(priority)
                .channel(channel).language(language).contact(contact).state(state).issuedAt(issuedAt).calledAt(calledAt)
                .counter(counter).operatorPool(operatorPool).recalls(recalls).position(position).estimatedWait(estimate)
                .publicId(publicId).build();
    }

    /** Its view without place in line and estimate; the same object until {@link #changed()}. */
    Ticket base(String branch) {
        if (base == null) base = toTicket(branch, 0, null);
        return base;
    }

    /** Forgets the view made of it, and tells its line that one of its tickets changed. */
    void changed() {
        base = null;
        if (line != null) line.version++;
    }

    @Override
    public String toString() {
        return number + "(" + state + ")";
    }
}
