package org.talon.queue.api;

import java.util.Map;
import java.util.Objects;

/**
 * A place where customers are served.
 *
 * <p>A value: built with {@link #builder()} (or {@link #toBuilder()} from another), read by
 * its accessors. Fields are added in minor versions of this package, so code that builds
 * or reads it keeps working; a field not set is {@code null}, 0 or {@code false}
 * (an empty list or map for those).
 */
public final class Counter {
    private final String branch;
    private final String id;
    private final String name;
    private final Map<String, String> names;
    private final String profile;
    private final CounterState state;
    private final String operator;
    private final Ticket currentTicket;

    private Counter(Builder b) {
        this.branch = b.branch;
        this.id = b.id;
        this.name = b.name;
        this.names = b.names == null ? Map.of() : Map.copyOf(b.names);
        this.profile = b.profile;
        this.state = b.state;
        this.operator = b.operator;
        this.currentTicket = b.currentTicket;
    }

    /** Branch id. */
    public String branch() {
        return branch;
    }

    /** Counter id, e.g. {@code 3}. */
    public String id() {
        return id;
    }

    /** What the customer sees, e.g. "Window 3": the name in the branch's first language. */
    public String name() {
        return name;
    }

    /** The name per language tag, where one is configured ({@code name.pl = Stanowisko 3}); see {@link #name(String)}. */
    public Map<String, String> names() {
        return names;
    }

    /** The work profile it calls by. */
    public String profile() {
        return profile;
    }

    /** Open, paused or closed. */
    public CounterState state() {
        return state;
    }

    /** The operator logged in, or {@code null}. */
    public String operator() {
        return operator;
    }

    /** The ticket it has called or serves, or {@code null}. */
    public Ticket currentTicket() {
        return currentTicket;
    }

    /** The name in the given language, else {@link #name()}. */
    public String name(String language) {
        String n = language == null ? null : names.get(language);
        return n == null ? name : n;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.branch = branch;
        b.id = id;
        b.name = name;
        b.names = names;
        b.profile = profile;
        b.state = state;
        b.operator = operator;
        b.currentTicket = currentTicket;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof Counter)) return false;
        Counter other = (Counter) o;
        return Objects.equals(branch, other.branch)
                && Objects.equals(id, other.id)
                && Objects.equals(name, other.name)
                && Objects.equals(names, other.names)
                && Objects.equals(profile, other.profile)
                && Objects.equals(state, other.state)
                && Objects.equals(operator, other.operator)
                && Objects.equals(currentTicket, other.currentTicket);
    }

    @Override
    public int hashCode() {
        return Objects.hash(branch, id, name, names, profile, state, operator, currentTicket);
    }

    @Override
    public String toString() {
        return "Counter[branch=" + branch + ", id=" + id + ", name=" + name + ", names=" + names + ", profile=" + profile + ", state=" + state + ", operator=" + operator + ", currentTicket=" + currentTicket + "]";
    }

    /** Sets the fields of a {@link Counter}; {@link #build()} makes it. */
    public static final class Builder {
        private String branch;
        private String id;
        private String name;
        private Map<String, String> names;
        private String profile;
        private CounterState state;
        private String operator;
        private Ticket currentTicket;

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

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder names(Map<String, String> names) {
            this.names = names;
            return this;
        }

        public Builder profile(String profile) {
            this.profile = profile;
            return this;
        }

        public Builder state(CounterState state) {
            this.state = state;
            return this;
        }

        public Builder operator(String operator) {
            this.operator = operator;
            return this;
        }

        public Builder currentTicket(Ticket currentTicket) {
            this.currentTicket = currentTicket;
            return this;
        }

        public Counter build() {
            Objects.requireNonNull(id, "id");
            return new Counter(this);
        }
    }
}
