package org.talon.queue.api;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a customer comes for, e.g. "cash desk".
 *
 * <p>A value: built with {@link #builder()} (or {@link #toBuilder()} from another), read by
 * its accessors. Fields are added in minor versions of this package, so code that builds
 * or reads it keeps working; a field not set is {@code null}, 0 or {@code false}
 * (an empty list or map for those).
 */
public final class Service {
    private final String branch;
    private final String code;
    private final Map<String, String> names;
    private final String prefix;
    private final String queue;
    private final Duration targetWait;
    private final Duration expectedServiceTime;

    private Service(Builder b) {
        this.branch = b.branch;
        this.code = b.code;
        this.names = b.names == null ? Map.of() : Map.copyOf(b.names);
        this.prefix = b.prefix;
        this.queue = b.queue;
        this.targetWait = b.targetWait;
        this.expectedServiceTime = b.expectedServiceTime;
    }

    /** Branch id. */
    public String branch() {
        return branch;
    }

    /** Service code, unique in the branch, e.g. {@code B}. */
    public String code() {
        return code;
    }

    /** Name per language tag ({@code en}, {@code ru}, {@code pl}, ...). */
    public Map<String, String> names() {
        return names;
    }

    /** Ticket number prefix, e.g. {@code B} gives B001. */
    public String prefix() {
        return prefix;
    }

    /** The queue its tickets wait in. */
    public String queue() {
        return queue;
    }

    /** The wait a customer should not exceed. */
    public Duration targetWait() {
        return targetWait;
    }

    /** Service time assumed until live figures exist. */
    public Duration expectedServiceTime() {
        return expectedServiceTime;
    }

    /** The name in the given language, else in English, else the code. */
    public String name(String language) {
        String n = names.get(language);
        if (n == null) n = names.get("en");
        return n == null ? code : n;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.branch = branch;
        b.code = code;
        b.names = names;
        b.prefix = prefix;
        b.queue = queue;
        b.targetWait = targetWait;
        b.expectedServiceTime = expectedServiceTime;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof Service)) return false;
        Service other = (Service) o;
        return Objects.equals(branch, other.branch)
                && Objects.equals(code, other.code)
                && Objects.equals(names, other.names)
                && Objects.equals(prefix, other.prefix)
                && Objects.equals(queue, other.queue)
                && Objects.equals(targetWait, other.targetWait)
                && Objects.equals(expectedServiceTime, other.expectedServiceTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(branch, code, names, prefix, queue, targetWait, expectedServiceTime);
    }

    @Override
    public String toString() {
        return "Service[branch=" + branch + ", code=" + code + ", names=" + names + ", prefix=" + prefix + ", queue=" + queue + ", targetWait=" + targetWait + ", expectedServiceTime=" + expectedServiceTime + "]";
    }

    /** Sets the fields of a {@link Service}; {@link #build()} makes it. */
    public static final class Builder {
        private String branch;
        private String code;
        private Map<String, String> names;
        private String prefix;
        private String queue;
        private Duration targetWait;
        private Duration expectedServiceTime;

        private Builder() {
        }

        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        public Builder code(String code) {
            this.code = code;
            return this;
        }

        public Builder names(Map<String, String> names) {
            this.names = names;
            return this;
        }

        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder queue(String queue) {
            this.queue = queue;
            return this;
        }

        public Builder targetWait(Duration targetWait) {
            this.targetWait = targetWait;
            return this;
        }

        public Builder expectedServiceTime(Duration expectedServiceTime) {
            this.expectedServiceTime = expectedServiceTime;
            return this;
        }

        public Service build() {
            Objects.requireNonNull(code, "code");
            return new Service(this);
        }
    }
}
