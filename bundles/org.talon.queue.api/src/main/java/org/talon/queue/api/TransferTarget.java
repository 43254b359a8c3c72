package org.talon.queue.api;

import java.util.Objects;

/**
 * Where a transferred ticket waits next: exactly one of a queue, a counter or an operator's pool.
 *
 * <p>A value: built with {@link #builder()} (or {@link #toBuilder()} from another), read by
 * its accessors. Fields are added in minor versions of this package, so code that builds
 * or reads it keeps working; a field not set is {@code null}, 0 or {@code false}
 * (an empty list or map for those).
 */
public final class TransferTarget {
    private final Kind kind;
    private final String id;
    private final boolean first;

    private TransferTarget(Builder b) {
        this.kind = b.kind;
        this.id = b.id;
        this.first = b.first;
    }

    /** What the id names. */
    public Kind kind() {
        return kind;
    }

    /** Queue id, counter id or operator id. */
    public String id() {
        return id;
    }

    /** Whether it goes to the head of the line (else it lines up at the end). */
    public boolean first() {
        return first;
    }

    /** What a transfer target names. */
    public enum Kind { QUEUE, COUNTER, OPERATOR }

    public static TransferTarget queue(String id) {
        return builder().kind(Kind.QUEUE).id(id).build();
    }

    public static TransferTarget counter(String id) {
        return builder().kind(Kind.COUNTER).id(id).build();
    }

    public static TransferTarget operator(String id) {
        return builder().kind(Kind.OPERATOR).id(id).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.kind = kind;
        b.id = id;
        b.first = first;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof TransferTarget)) return false;
        TransferTarget other = (TransferTarget) o;
        return Objects.equals(kind, other.kind)
                && Objects.equals(id, other.id)
                && first == other.first;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, id, first);
    }

    @Override
    public String toString() {
        return "TransferTarget[kind=" + kind + ", id=" + id + ", first=" + first + "]";
    }

    /** Sets the fields of a {@link TransferTarget}; {@link #build()} makes it. */
    public static final class Builder {
        private Kind kind;
        private String id;
        private boolean first;

        private Builder() {
        }

        public Builder kind(Kind kind) {
            this.kind = kind;
            return this;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder first(boolean first) {
            this.first = first;
            return this;
        }

        public TransferTarget build() {
            return new TransferTarget(this);
        }
    }
}
