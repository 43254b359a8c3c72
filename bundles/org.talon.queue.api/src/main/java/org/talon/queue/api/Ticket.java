package org.talon.queue.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A customer's visit.
 *
 * <p>A value: built with {@link #builder()} (or {@link #toBuilder()} from another), read by
 * its accessors. Fields are added in minor versions of this package, so code that builds
 * or reads it keeps working; a field not set is {@code null}, 0 or {@code false}
 * (an empty list or map for those).
 */
public final class Ticket {
    private final long id;
    private final String branch;
    private final String number;
    private final LocalDate day;
    private final String service;
    private final String queue;
    private final PriorityClass priority;
    private final Channel channel;
    private final String language;
    private final String contact;
    private final TicketState state;
    private final Instant issuedAt;
    private final Instant calledAt;
    private final String counter;
    private final String operatorPool;
    private final int recalls;
    private final int position;
    private final Duration estimatedWait;
    private final String publicId;

    private Ticket(Builder b) {
        this.id = b.id;
        this.branch = b.branch;
        this.number = b.number;
        this.day = b.day;
        this.service = b.service;
        this.queue = b.queue;
        this.priority = b.priority;
        this.channel = b.channel;
        this.language = b.language;
        this.contact = b.contact;
        this.state = b.state;
        this.issuedAt = b.issuedAt;
        this.calledAt = b.calledAt;
        this.counter = b.counter;
        this.operatorPool = b.operatorPool;
        this.recalls = b.recalls;
        this.position = b.position;
        this.estimatedWait = b.estimatedWait;
        this.publicId = b.publicId;
    }

    /** Unique id in the whole installation. */
    public long id() {
        return id;
    }

    /** Branch id. */
    public String branch() {
        return branch;
    }

    /** What the customer sees, e.g. {@code A042}; restarts daily. */
    public String number() {
        return number;
    }

    /** The business day (branch time zone) the number belongs to. */
    public LocalDate day() {
        return day;
    }

    /** Service code. */
    public String service() {
        return service;
    }

    /** The queue it waits or waited in. */
    public String queue() {
        return queue;
    }

    /** Priority class. */
    public PriorityClass priority() {
        return priority;
    }

    /** Where it was issued. */
    public Channel channel() {
        return channel;
    }

    /** Language tag of the customer. */
    public String language() {
        return language;
    }

    /** Phone or e-mail, or {@code null}; never shown on displays, never in an event. */
    public String contact() {
        return contact;
    }

    /** Lifecycle state. */
    public TicketState state() {
        return state;
    }

    /** When it was issued. */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** When it was last called, or {@code null}. */
    public Instant calledAt() {
        return calledAt;
    }

    /** Counter that called it, or the counter it was transferred to, or {@code null}. */
    public String counter() {
        return counter;
    }

    /** Operator whose pool it was transferred to, or {@code null}. */
    public String operatorPool() {
        return operatorPool;
    }

    /** How often it was called again. */
    public int recalls() {
        return recalls;
    }

    /** Place in line counting from 1 while waiting, else 0. */
    public int position() {
        return position;
    }

    /** Expected wait while waiting, else {@code null}. */
    public Duration estimatedWait() {
        return estimatedWait;
    }

    /** Unguessable id for the customer's own page; shows no contact data. */
    public String publicId() {
        return publicId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.branch = branch;
        b.number = number;
        b.day = day;
        b.service = service;
        b.queue = queue;
        b.priority = priority;
        b.channel = channel;
        b.language = language;
        b.contact = contact;
        b.state = state;
        b.issuedAt = issuedAt;
        b.calledAt = calledAt;
        b.counter = counter;
        b.operatorPool = operatorPool;
        b.recalls = recalls;
        b.position = position;
        b.estimatedWait = estimatedWait;
        b.publicId = publicId;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof Ticket)) return false;
        Ticket other = (Ticket) o;
        return id == other.id
                && Objects.equals(branch, other.branch)
                && Objects.equals(number, other.number)
                && Objects.equals(day, other.day)
                && Objects.equals(service, other.service)
                && Objects.equals(queue, other.queue)
                && Objects.equals(priority, other.priority)
                && Objects.equals(channel, other.channel)
                && Objects.equals(language, other.language)
                && Objects.equals(contact, other.contact)
                && Objects.equals(state, other.state)
                && Objects.equals(issuedAt, other.issuedAt)
                && Objects.equals(calledAt, other.calledAt)
                && Objects.equals(counter, other.counter)
                && Objects.equals(operatorPool, other.operatorPool)
                && recalls == other.recalls
                && position == other.position
                && Objects.equals(estimatedWait, other.estimatedWait)
                && Objects.equals(publicId, other.publicId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, branch, number, day, service, queue, priority, channel, language, contact, state, issuedAt, calledAt, counter, operatorPool, recalls, position, estimatedWait, publicId);
    }

    @Override
    public String toString() {
        return "Ticket[id=" + id + ", branch=" + branch + ", number=" + number + ", day=" + day + ", service=" + service + ", queue=" + queue + ", priority=" + priority + ", channel=" + channel + ", language=" + language + ", contact=" + contact + ", state=" + state + ", issuedAt=" + issuedAt + ", calledAt=" + calledAt + ", counter=" + counter + ", operatorPool=" + operatorPool + ", recalls=" + recalls + ", position=" + position + ", estimatedWait=" + estimatedWait + ", publicId=" + publicId + "]";
    }

    /** Sets the fields of a {@link Ticket}; {@link #build()} makes it. */
    public static final class Builder {
        private long id;
        private String branch;
        private String number;
        private LocalDate day;
        private String service;
        private String queue;
        private PriorityClass priority;
        private Channel channel;
        private String language;
        private String contact;
        private TicketState state;
        private Instant issuedAt;
        private Instant calledAt;
        private String counter;
        private String operatorPool;
        private int recalls;
        private int position;
        private Duration estimatedWait;
        private String publicId;

        private Builder() {
        }

        public Builder id(long id) {
            this.id = id;
            return this;
        }

        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        public Builder number(String number) {
            this.number = number;
            return this;
        }

        public Builder day(LocalDate day) {
            this.day = day;
            return this;
        }

        public Builder service(String service) {
            this.service = service;
            return this;
        }

        public Builder queue(String queue) {
            this.queue = queue;
            return this;
        }

        public Builder priority(PriorityClass priority) {
            this.priority = priority;
            return this;
        }

        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder contact(String contact) {
            this.contact = contact;
            return this;
        }

        public Builder state(TicketState state) {
            this.state = state;
            return this;
        }

        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public Builder calledAt(Instant calledAt) {
            this.calledAt = calledAt;
            return this;
        }

        public Builder counter(String counter) {
            this.counter = counter;
            return this;
        }

        public Builder operatorPool(String operatorPool) {
            this.operatorPool = operatorPool;
            return this;
        }

        public Builder recalls(int recalls) {
            this.recalls = recalls;
            return this;
        }

        public Builder position(int position) {
            this.position = position;
            return this;
        }

        public Builder estimatedWait(Duration estimatedWait) {
            this.estimatedWait = estimatedWait;
            return this;
        }

        public Builder publicId(String publicId) {
            this.publicId = publicId;
            return this;
        }

        public Ticket build() {
            Objects.requireNonNull(number, "number");
            return new Ticket(this);
        }
    }
}
