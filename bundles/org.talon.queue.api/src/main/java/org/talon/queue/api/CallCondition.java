package org.talon.queue.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Overrides a work profile's rule: when the first customer of {@link #queue()} has waited longer
 * than {@link #waitedOver()}, call from that queue.
 *
 * <p>A value: built with {@link #builder()} (or {@link #toBuilder()} from another), read by
 * its accessors. Fields are added in minor versions of this package, so code that builds
 * or reads it keeps working; a field not set is {@code null}, 0 or {@code false}
 * (an empty list or map for those).
 */
public final class CallCondition {
    private final String queue;
    private final Duration waitedOver;

    private CallCondition(Builder b) {
        this.queue = b.queue;
        this.waitedOver = b.waitedOver;
    }

    /** The queue watched. */
    public String queue() {
        return queue;
    }

    /** How long its first customer may wait before it is called out of turn. */
    public Duration waitedOver() {
        return waitedOver;
    }

    public static CallCondition of(String queue, Duration waitedOver) {
        return builder().queue(queue).waitedOver(waitedOver).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.queue = queue;
        b.waitedOver = waitedOver;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof CallCondition)) return false;
        CallCondition other = (CallCondition) o;
        return Objects.equals(queue, other.queue)
                && Objects.equals(waitedOver, other.waitedOver);
    }

    @Override
    public int hashCode() {
        return Objects.hash(queue, waitedOver);
    }

    @Override
    public String toString() {
        return "CallCondition[queue=" + queue + ", waitedOver=" + waitedOver + "]";
    }

    /** Sets the fields of a {@link CallCondition}; {@link #build()} makes it. */
    public static final class Builder {
        private String queue;
        private Duration waitedOver;

        private Builder() {
        }

        public Builder queue(String queue) {
            this.queue = queue;
            return this;
        }

        public Builder waitedOver(Duration waitedOver) {
            this.waitedOver = waitedOver;
            return this;
        }

        public CallCondition build() {
            Objects.requireNonNull(queue, "queue");
            return new CallCondition(this);
        }
    }
}
