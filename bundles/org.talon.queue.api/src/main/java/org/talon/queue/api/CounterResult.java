package org.talon.queue.api;

import java.util.Objects;

/**
 * What a counter action left behind.
 *
 * <p>A value: built with {@link #builder()} (or {@link #toBuilder()} from another), read by
 * its accessors. Fields are added in minor versions of this package, so code that builds
 * or reads it keeps working; a field not set is {@code null}, 0 or {@code false}
 * (an empty list or map for those).
 */
public final class CounterResult {
    private final Counter counter;
    private final Ticket ticket;

    private CounterResult(Builder b) {
        this.counter = b.counter;
        this.ticket = b.ticket;
    }

    /** The counter after the action. */
    public Counter counter() {
        return counter;
    }

    /** The ticket the action concerned (called, recalled, served, finished, parked or transferred), or {@code null} when there was none (a call with no one waiting, or opening, pausing, closing). */
    public Ticket ticket() {
        return ticket;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.counter = counter;
        b.ticket = ticket;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof CounterResult)) return false;
        CounterResult other = (CounterResult) o;
        return Objects.equals(counter, other.counter)
                && Objects.equals(ticket, other.ticket);
    }

    @Override
    public int hashCode() {
        return Objects.hash(counter, ticket);
    }

    @Override
    public String toString() {
        return "CounterResult[counter=" + counter + ", ticket=" + ticket + "]";
    }

    /** Sets the fields of a {@link CounterResult}; {@link #build()} makes it. */
    public static final class Builder {
        private Counter counter;
        private Ticket ticket;

        private Builder() {
        }

        public Builder counter(Counter counter) {
            this.counter = counter;
            return this;
        }

        public Builder ticket(Ticket ticket) {
            this.ticket = ticket;
            return this;
        }

        public CounterResult build() {
            return new CounterResult(this);
        }
    }
}
