package org.talon.workflow.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A request as it stands now.
 *
 * @param id its readable id, e.g. {@code WAR-2026-000123}: unique in the network, never reused
 * @param branch the branch that carries it
 * @param type its type's code
 * @param state where it stands
 * @param priority its priority among open requests; higher first
 * @param fields its form's values by field name, as given (checked against the type)
 * @param name the customer's name (contact data)
 * @param phone the customer's phone in international form, or null (contact data)
 * @param email the customer's e-mail address, or null (contact data)
 * @param language the language the customer is told in
 * @param intake where it came in
 * @param createdAt when it was registered
 * @param createdBy who registered it: a staff login, or null for the customer on the web
 * @param assignee the staff member who holds it, or null
 * @param dueAt when its SLA ends (in business hours from the branch calendar); null while its clock stands still
 * @param slaLeft the business time its SLA had left when its clock stopped (waiting for the customer, ready), else null
 * @param warnAt when it is at risk (the type's warning share of the SLA), null while its clock stands still
 * @param warned whether the warning was given
 * @param overdue whether its SLA ran out while it was open: a manager was told
 * @param result what the customer is told at the end: a result, the reason for a rejection
 * @param ticketId the id of the queue ticket that collects it, 0 for none
 * @param ticketNumber that ticket's number, e.g. {@code P007}, or null
 * @param visitTicketId the id of the ticket of the visit it was registered in at a counter, 0 for none
 * @param updatedAt its last change
 * @param closedAt when it was done, rejected or cancelled, or null
 * @param version how many times it changed
 */
public record Request(String id, String branch, String type, RequestState state, int priority, Map<String, String> fields, String name, String phone, String email, String language, Intake intake, Instant createdAt, String createdBy, String assignee, Instant dueAt, Duration slaLeft, Instant warnAt, boolean warned, boolean overdue, String result, long ticketId, String ticketNumber, long visitTicketId, Instant updatedAt, Instant closedAt, int version) {
    public Request {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** Whether the branch may still act on it. */
    public boolean open() {
        return state.open();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        return new Builder().id(id).branch(branch).type(type).state(state).priority(priority).fields(fields).name(name).phone(phone).email(email).language(language).intake(intake).createdAt(createdAt).createdBy(createdBy).assignee(assignee).dueAt(dueAt).slaLeft(slaLeft).warnAt(warnAt).warned(warned).overdue(overdue).result(result).ticketId(ticketId).ticketNumber(ticketNumber).visitTicketId(visitTicketId).updatedAt(updatedAt).closedAt(closedAt).version(version);
    }

    /** Builds {@link Request} values. */
    public static final class Builder {
        private String id;
        private String branch;
        private String type;
        private RequestState state;
        private int priority;
        private Map<String, String> fields;
        private String name;
        private String phone;
        private String email;
        private String language;
        private Intake intake;
        private Instant createdAt;
        private String createdBy;
        private String assignee;
        private Instant dueAt;
        private Duration slaLeft;
        private Instant warnAt;
        private boolean warned;
        private boolean overdue;
        private String result;
        private long ticketId;
        private String ticketNumber;
        private long visitTicketId;
        private Instant updatedAt;
        private Instant closedAt;
        private int version;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder state(RequestState state) {
            this.state = state;
            return this;
        }

        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        public Builder fields(Map<String, String> fields) {
            this.fields = fields;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder intake(Intake intake) {
            this.intake = intake;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder createdBy(String createdBy) {
            this.createdBy = createdBy;
            return this;
        }

        public Builder assignee(String assignee) {
            this.assignee = assignee;
            return this;
        }

        public Builder dueAt(Instant dueAt) {
            this.dueAt = dueAt;
            return this;
        }

        public Builder slaLeft(Duration slaLeft) {
            this.slaLeft = slaLeft;
            return this;
        }

        public Builder warnAt(Instant warnAt) {
            this.warnAt = warnAt;
            return this;
        }

        public Builder warned(boolean warned) {
            this.warned = warned;
            return this;
        }

        public Builder overdue(boolean overdue) {
            this.overdue = overdue;
            return this;
        }

        public Builder result(String result) {
            this.result = result;
            return this;
        }

        public Builder ticketId(long ticketId) {
            this.ticketId = ticketId;
            return this;
        }

        public Builder ticketNumber(String ticketNumber) {
            this.ticketNumber = ticketNumber;
            return this;
        }

        public Builder visitTicketId(long visitTicketId) {
            this.visitTicketId = visitTicketId;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder closedAt(Instant closedAt) {
            this.closedAt = closedAt;
            return this;
        }

        public Builder version(int version) {
            this.version = version;
            return this;
        }

        public Request build() {
            return new Request(id, branch, type, state, priority, fields, name, phone, email, language, intake, createdAt, createdBy, assignee, dueAt, slaLeft, warnAt, warned, overdue, result, ticketId, ticketNumber, visitTicketId, updatedAt, closedAt, version);
        }
    }
}
