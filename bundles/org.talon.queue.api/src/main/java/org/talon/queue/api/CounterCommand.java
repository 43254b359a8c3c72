package org.talon.queue.api;

import java.util.Objects;

/**
 * A counter action on behalf of a person. The engine checks who may act in the same step as it
 * acts, so nothing can change in between: an operator acts only at a counter where they are
 * logged in, and cannot open a counter another operator is logged in at; a supervisor (a
 * manager or an admin) acts at any counter, and opening a counter someone else is logged in at
 * takes it over, which its event records.
 *
 * <p>A value: built with {@link #builder()} (or {@link #toBuilder()} from another), read by
 * its accessors. Fields are added in minor versions of this package, so code that builds
 * or reads it keeps working; a field not set is {@code null}, 0 or {@code false}
 * (an empty list or map for those).
 */
public final class CounterCommand {
    private final String branch;
    private final String counter;
    private final CounterAction action;
    private final String actor;
    private final boolean supervisor;
    private final String operator;
    private final TransferTarget target;

    private CounterCommand(Builder b) {
        this.branch = b.branch;
        this.counter = b.counter;
        this.action = b.action;
        this.actor = b.actor;
        this.supervisor = b.supervisor;
        this.operator = b.operator;
        this.target = b.target;
    }

    /** Branch id. */
    public String branch() {
        return branch;
    }

    /** Counter id, exactly as configured. */
    public String counter() {
        return counter;
    }

    /** What to do. */
    public CounterAction action() {
        return action;
    }

    /** The user acting (an operator's login name), or {@code null} for the system itself. */
    public String actor() {
        return actor;
    }

    /** Whether the actor may act at any counter (manager, admin, the console). */
    public boolean supervisor() {
        return supervisor;
    }

    /** For {@link CounterAction#OPEN} by a supervisor: the operator to log in, or {@code null} to leave the counter's operator as it is; an operator always logs in as themselves. */
    public String operator() {
        return operator;
    }

    /** For {@link CounterAction#TRANSFER}: where the ticket goes; {@code null} otherwise. */
    public TransferTarget target() {
        return target;
    }

    /** An action by an operator at their own counter. */
    public static CounterCommand byOperator(String branch, String counter, CounterAction action, String operator) {
        return builder().branch(branch).counter(counter).action(action).actor(operator).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.branch = branch;
        b.counter = counter;
        b.action = action;
        b.actor = actor;
        b.supervisor = supervisor;
        b.operator = operator;
        b.target = target;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof CounterCommand)) return false;
        CounterCommand other = (CounterCommand) o;
        return Objects.equals(branch, other.branch)
                && Objects.equals(counter, other.counter)
                && Objects.equals(action, other.action)
                && Objects.equals(actor, other.actor)
                && supervisor == other.supervisor
                && Objects.equals(operator, other.operator)
                && Objects.equals(target, other.target);
    }

    @Override
    public int hashCode() {
        return Objects.hash(branch, counter, action, actor, supervisor, operator, target);
    }

    @Override
    public String toString() {
        return "CounterCommand[branch=" + branch + ", counter=" + counter + ", action=" + action + ", actor=" + actor + ", supervisor=" + supervisor + ", operator=" + operator + ", target=" + target + "]";
    }

    /** Sets the fields of a {@link CounterCommand}; {@link #build()} makes it. */
    public static final class Builder {
        private String branch;
        private String counter;
        private CounterAction action;
        private String actor;
        private boolean supervisor;
        private String operator;
        private TransferTarget target;

        private Builder() {
        }

        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        public Builder counter(String counter) {
            this.counter = counter;
            return this;
        }

        public Builder action(CounterAction action) {
            this.action = action;
            return this;
        }

        public Builder actor(String actor) {
            this.actor = actor;
            return this;
        }

        public Builder supervisor(boolean supervisor) {
            this.supervisor = supervisor;
            return this;
        }

        public Builder operator(String operator) {
            this.operator = operator;
            return this;
        }

        public Builder target(TransferTarget target) {
            this.target = target;
            return this;
        }

        public CounterCommand build() {
            return new CounterCommand(this);
        }
    }
}
