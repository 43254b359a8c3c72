package org.talon.queue.api;

import java.util.List;
import java.util.Objects;

/**
 * Which queues a counter calls, in what order, by which rule.
 *
 * <p>A value: built with {@link #builder()} (or {@link #toBuilder()} from another), read by
 * its accessors. Fields are added in minor versions of this package, so code that builds
 * or reads it keeps working; a field not set is {@code null}, 0 or {@code false}
 * (an empty list or map for those), unless its accessor says otherwise.
 */
public final class WorkProfile {
    private final String branch;
    private final String id;
    private final String rule;
    private final List<ProfileEntry> entries;
    private final List<CallCondition> conditions;

    private WorkProfile(Builder b) {
        this.branch = b.branch;
        this.id = b.id;
        this.rule = b.rule;
        this.entries = b.entries == null ? List.of() : List.copyOf(b.entries);
        this.conditions = b.conditions == null ? List.of() : List.copyOf(b.conditions);
    }

    /** Branch id. */
    public String branch() {
        return branch;
    }

    /** Profile id. */
    public String id() {
        return id;
    }

    /** The name of the call rule that chooses among the entries: one of {@link org.talon.queue.api.rule.CallRules} or a {@link org.talon.queue.api.rule.CallRule} installed under its own name. */
    public String rule() {
        return rule;
    }

    /** The queues, in order. */
    public List<ProfileEntry> entries() {
        return entries;
    }

    /** Checked before the rule, in order. */
    public List<CallCondition> conditions() {
        return conditions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.branch = branch;
        b.id = id;
        b.rule = rule;
        b.entries = entries;
        b.conditions = conditions;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof WorkProfile)) return false;
        WorkProfile other = (WorkProfile) o;
        return Objects.equals(branch, other.branch)
                && Objects.equals(id, other.id)
                && Objects.equals(rule, other.rule)
                && Objects.equals(entries, other.entries)
                && Objects.equals(conditions, other.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(branch, id, rule, entries, conditions);
    }

    @Override
    public String toString() {
        return "WorkProfile[branch=" + branch + ", id=" + id + ", rule=" + rule + ", entries=" + entries + ", conditions=" + conditions + "]";
    }

    /** Sets the fields of a {@link WorkProfile}; {@link #build()} makes it. */
    public static final class Builder {
        private String branch;
        private String id;
        private String rule = org.talon.queue.api.rule.CallRules.STRICT_ORDER;
        private List<ProfileEntry> entries;
        private List<CallCondition> conditions;

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

        public Builder rule(String rule) {
            this.rule = rule;
            return this;
        }

        public Builder entries(List<ProfileEntry> entries) {
            this.entries = entries;
            return this;
        }

        public Builder conditions(List<CallCondition> conditions) {
            this.conditions = conditions;
            return this;
        }

        public WorkProfile build() {
            Objects.requireNonNull(id, "id");
            return new WorkProfile(this);
        }
    }
}
