package org.talon.queue.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A queue as it stands now.
 *
 * <p>A value: built with {@link #builder()} (or {@link #toBuilder()} from another), read by
 * its accessors. Fields are added in minor versions of this package, so code that builds
 * or reads it keeps working; a field not set is {@code null}, 0 or {@code false}
 * (an empty list or map for those).
 */
public final class QueueStatus {
    private final String branch;
    private final String id;
    private final List<String> services;
    private final int waiting;
    private final Duration longestWait;
    private final Duration estimate;
    private final int openCounters;

    private QueueStatus(Builder b) {
        this.branch = b.branch;
        this.id = b.id;
        this.services = b.services == null ? List.of() : List.copyOf(b.services);
        this.waiting = b.waiting;
        this.longestWait = b.longestWait;
        this.estimate = b.estimate;
        this.openCounters = b.openCounters;
    }

    /** Branch id. */
    public String branch() {
        return branch;
    }

    /** Queue id. */
    public String id() {
        return id;
    }

    /** Codes of the services whose tickets wait here. */
    public List<String> services() {
        return services;
    }

    /** Number of waiting tickets. */
    public int waiting() {
        return waiting;
    }

    /** How long the first customer in line has waited ({@link Duration#ZERO} when empty). */
    public Duration longestWait() {
        return longestWait;
    }

    /** Expected wait for a ticket issued now, {@code null} when no open counter calls this queue. */
    public Duration estimate() {
        return estimate;
    }

    /** Open counters whose work profile calls this queue. */
    public int openCounters() {
        return openCounters;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.branch = branch;
        b.id = id;
        b.services = services;
        b.waiting = waiting;
        b.longestWait = longestWait;
        b.estimate = estimate;
        b.openCounters = openCounters;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof QueueStatus)) return false;
        QueueStatus other = (QueueStatus) o;
        return Objects.equals(branch, other.branch)
                && Objects.equals(id, other.id)
                && Objects.equals(services, other.services)
                && waiting == other.waiting
                && Objects.equals(longestWait, other.longestWait)
                && Objects.equals(estimate, other.estimate)
                && openCounters == other.openCounters;
    }

    @Override
    public int hashCode() {
        return Objects.hash(branch, id, services, waiting, longestWait, estimate, openCounters);
    }

    @Override
    public String toString() {
        return "QueueStatus[branch=" + branch + ", id=" + id + ", services=" + services + ", waiting=" + waiting + ", longestWait=" + longestWait + ", estimate=" + estimate + ", openCounters=" + openCounters + "]";
    }

    /** Sets the fields of a {@link QueueStatus}; {@link #build()} makes it. */
    public static final class Builder {
        private String branch;
        private String id;
        private List<String> services;
        private int waiting;
        private Duration longestWait;
        private Duration estimate;
        private int openCounters;

        private Builder() {
        }

        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder services(List<String> services) {
            this.services = services;
            return this;
        }

        public Builder waiting(int waiting) {
            this.waiting = waiting;
            return this;
        }

        public Builder longestWait(Duration longestWait) {
            this.longestWait = longestWait;
            return this;
        }

        public Builder estimate(Duration estimate) {
            this.estimate = estimate;
            return this;
        }

        public Builder openCounters(int openCounters) {
            this.openCounters = openCounters;
            return this;
        }

        public QueueStatus build() {
            return new QueueStatus(this);
        }
    }
}
