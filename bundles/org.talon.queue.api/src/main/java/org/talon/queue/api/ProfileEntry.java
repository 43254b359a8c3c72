package org.talon.queue.api;

import java.util.Objects;

/**
 * One queue in a work profile.
 *
 * <p>A value: built with {@link #builder()} (or {@link #toBuilder()} from another), read by
 * its accessors. Fields are added in minor versions of this package, so code that builds
 * or reads it keeps working; a field not set is {@code null}, 0 or {@code false}
 * (an empty list or map for those).
 */
public final class ProfileEntry {
    private final String queue;
    private final int limit;

    private ProfileEntry(Builder b) {
        this.queue = b.queue;
        this.limit = b.limit;
    }

    /** Queue id. */
    public String queue() {
        return queue;
    }

    /** For the {@code WEIGHTED} rule: call this queue while fewer than this many tickets were called from it in the current round; 0 means no limit (the entry that ends the round). */
    public int limit() {
        return limit;
    }

    public static ProfileEntry of(String queue, int limit) {
        return builder().queue(queue).limit(limit).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.queue = queue;
        b.limit = limit;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof ProfileEntry)) return false;
        ProfileEntry other = (ProfileEntry) o;
        return Objects.equals(queue, other.queue)
                && limit == other.limit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(queue, limit);
    }

    @Override
    public String toString() {
        return "ProfileEntry[queue=" + queue + ", limit=" + limit + "]";
    }

    /** Sets the fields of a {@link ProfileEntry}; {@link #build()} makes it. */
    public static final class Builder {
        private String queue;
        private int limit;

        private Builder() {
        }

        public Builder queue(String queue) {
            this.queue = queue;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public ProfileEntry build() {
            Objects.requireNonNull(queue, "queue");
            return new ProfileEntry(this);
        }
    }
}
