package org.talon.queue.api;

import java.util.Objects;

/**
 * A queue's business day so far (the day in the branch's time zone): tickets issued that day that
 * were served, marked no-show or cancelled.
 *
 * <p>A value: built with {@link #builder()} (or {@link #toBuilder()} from another), read by
 * its accessors. Fields are added in minor versions of this package, so code that builds
 * or reads it keeps working; a field not set is {@code null}, 0 or {@code false}
 * (an empty list or map for those).
 */
public final class QueueDay {
    private final String branch;
    private final String queue;
    private final int served;
    private final int noShows;
    private final int cancelled;

    private QueueDay(Builder b) {
        this.branch = b.branch;
        this.queue = b.queue;
        this.served = b.served;
        this.noShows = b.noShows;
        this.cancelled = b.cancelled;
    }

    /** The branch. */
    public String branch() {
        return branch;
    }

    /** The queue. */
    public String queue() {
        return queue;
    }

    /** Finished at a counter. */
    public int served() {
        return served;
    }

    /** Called and did not come. */
    public int noShows() {
        return noShows;
    }

    /** Cancelled while waiting or parked. */
    public int cancelled() {
        return cancelled;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.branch = branch;
        b.queue = queue;
        b.served = served;
        b.noShows = noShows;
        b.cancelled = cancelled;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof QueueDay)) return false;
        QueueDay other = (QueueDay) o;
        return Objects.equals(branch, other.branch)
                && Objects.equals(queue, other.queue)
                && served == other.served
                && noShows == other.noShows
                && cancelled == other.cancelled;
    }

    @Override
    public int hashCode() {
        return Objects.hash(branch, queue, served, noShows, cancelled);
    }

    @Override
    public String toString() {
        return "QueueDay[branch=" + branch + ", queue=" + queue + ", served=" + served + ", noShows=" + noShows + ", cancelled=" + cancelled + "]";
    }

    /** Sets the fields of a {@link QueueDay}; {@link #build()} makes it. */
    public static final class Builder {
        private String branch;
        private String queue;
        private int served;
        private int noShows;
        private int cancelled;

        private Builder() {
        }

        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        public Builder queue(String queue) {
            this.queue = queue;
            return this;
        }

        public Builder served(int served) {
            this.served = served;
            return this;
        }

        public Builder noShows(int noShows) {
            this.noShows = noShows;
            return this;
        }

        public Builder cancelled(int cancelled) {
            this.cancelled = cancelled;
            return this;
        }

        public QueueDay build() {
            return new QueueDay(this);
        }
    }
}
