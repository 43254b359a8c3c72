package org.talon.queue.api;

import java.util.Objects;

/**
 * What a kiosk, a web page, reception or another domain asks for when issuing a ticket.
 *
 * <p>A value: built with {@link #builder()} (or {@link #toBuilder()} from another), read by
 * its accessors. Fields are added in minor versions of this package, so code that builds
 * or reads it keeps working; a field not set is {@code null}, 0 or {@code false}
 * (an empty list or map for those).
 */
public final class IssueRequest {
    private final String branch;
    private final String service;
    private final PriorityClass priority;
    private final Channel channel;
    private final String language;
    private final String contact;
    private final String idempotencyKey;
    private final String issuedBy;
    private final java.time.Instant appointmentAt;

    private IssueRequest(Builder b) {
        this.branch = b.branch;
        this.service = b.service;
        this.priority = b.priority;
        this.channel = b.channel;
        this.language = b.language;
        this.contact = b.contact;
        this.idempotencyKey = b.idempotencyKey;
        this.issuedBy = b.issuedBy;
        this.appointmentAt = b.appointmentAt;
    }

    /** Branch id; in {@link QueueService#issue(org.talon.event.api.BranchTransaction, IssueRequest)} it may be left out (the transaction's). */
    public String branch() {
        return branch;
    }

    /** Service code. */
    public String service() {
        return service;
    }

    /** Priority class, {@code null} for normal. */
    public PriorityClass priority() {
        return priority;
    }

    /** Where it is issued, {@code null} for API. */
    public Channel channel() {
        return channel;
    }

    /** Language tag, {@code null} for the branch's default. */
    public String language() {
        return language;
    }

    /** Phone or e-mail, or {@code null}; kept with the ticket, never in an event. */
    public String contact() {
        return contact;
    }

    /** A client's key for this request, or {@code null}: a retried request with the same key from the same caller (in the same branch, the same day) gets the same ticket back, never a second one; the same key with a different request is refused ({@link QueueException.Reason#KEY_REUSED}). */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** Who asks: the user or device name, or {@code null} (the console); keys are kept per caller, so one caller's key never returns another caller's ticket. */
    public String issuedBy() {
        return issuedBy;
    }

    /**
     * The time a booked customer is due, or {@code null} (since 3.1): the ticket takes its place
     * in line by that time instead of its arrival, so a customer who checked in early is called
     * at their time and one a little late goes before those who came after that time.
     */
    public java.time.Instant appointmentAt() {
        return appointmentAt;
    }

    /** A normal ticket for a service, with nothing else said. */
    public static IssueRequest of(String branch, String service) {
        return builder().branch(branch).service(service).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.branch = branch;
        b.service = service;
        b.priority = priority;
        b.channel = channel;
        b.language = language;
        b.contact = contact;
        b.idempotencyKey = idempotencyKey;
        b.issuedBy = issuedBy;
        b.appointmentAt = appointmentAt;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof IssueRequest)) return false;
        IssueRequest other = (IssueRequest) o;
        return Objects.equals(branch, other.branch)
                && Objects.equals(service, other.service)
                && Objects.equals(priority, other.priority)
                && Objects.equals(channel, other.channel)
                && Objects.equals(language, other.language)
                && Objects.equals(contact, other.contact)
                && Objects.equals(idempotencyKey, other.idempotencyKey)
                && Objects.equals(issuedBy, other.issuedBy)
                && Objects.equals(appointmentAt, other.appointmentAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(branch, service, priority, channel, language, contact, idempotencyKey, issuedBy, appointmentAt);
    }

    @Override
    public String toString() {
        return "IssueRequest[branch=" + branch + ", service=" + service + ", priority=" + priority + ", channel=" + channel + ", language=" + language + ", contact=" + contact + ", idempotencyKey=" + idempotencyKey + ", issuedBy=" + issuedBy + ", appointmentAt=" + appointmentAt + "]";
    }

    /** Sets the fields of a {@link IssueRequest}; {@link #build()} makes it. */
    public static final class Builder {
        private String branch;
        private String service;
        private PriorityClass priority;
        private Channel channel;
        private String language;
        private String contact;
        private String idempotencyKey;
        private String issuedBy;
        private java.time.Instant appointmentAt;

        private Builder() {
        }

        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        public Builder service(String service) {
            this.service = service;
            return this;
        }

        public Builder priority(PriorityClass priority) {
            this.priority = priority;
            return this;
        }

        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder contact(String contact) {
            this.contact = contact;
            return this;
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public Builder issuedBy(String issuedBy) {
            this.issuedBy = issuedBy;
            return this;
        }

        /** See {@link IssueRequest#appointmentAt()}. */
        public Builder appointmentAt(java.time.Instant appointmentAt) {
            this.appointmentAt = appointmentAt;
            return this;
        }

        public IssueRequest build() {
            return new IssueRequest(this);
        }
    }
}
