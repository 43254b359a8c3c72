package org.talon.booking.api;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.talon.queue.api.Channel;

/**
 * A booking: who comes when for which service, and with which code.
 *
 * <p>A value: built with {@link #builder()} (or {@link #toBuilder()} from another), read by its
 * accessors. Fields are added in minor versions of this package; a field not set is {@code null}
 * or 0. Contact fields are {@code null} once erased (retention or a person's request).
 */
public final class Booking {
    private final String id;
    private final String branch;
    private final String code;
    private final String service;
    private final String resource;
    private final ZonedDateTime start;
    private final ZonedDateTime end;
    private final BookingState state;
    private final String name;
    private final String phone;
    private final String email;
    private final String language;
    private final Channel channel;
    private final Instant createdAt;
    private final Instant checkinFrom;
    private final Instant checkinUntil;
    private final long ticketId;
    private final String ticketNumber;
    private final int version;

    private Booking(Builder b) {
        this.id = b.id;
        this.branch = b.branch;
        this.code = b.code;
        this.service = b.service;
        this.resource = b.resource;
        this.start = b.start;
        this.end = b.end;
        this.state = b.state;
        this.name = b.name;
        this.phone = b.phone;
        this.email = b.email;
        this.language = b.language;
        this.channel = b.channel;
        this.createdAt = b.createdAt;
        this.checkinFrom = b.checkinFrom;
        this.checkinUntil = b.checkinUntil;
        this.ticketId = b.ticketId;
        this.ticketNumber = b.ticketNumber;
        this.version = b.version;
    }

    /** Its id: stable, unguessable, shown to staff (never enough to read the booking on a public page). */
    public String id() {
        return id;
    }

    /** The branch. */
    public String branch() {
        return branch;
    }

    /** The short code the customer gets, unique among active bookings: letters and digits that cannot be mistaken for one another. */
    public String code() {
        return code;
    }

    /** The service's code. */
    public String service() {
        return service;
    }

    /** The staff member or counter it is assigned to, or {@code null} for a service booked by seats. */
    public String resource() {
        return resource;
    }

    /** When it starts, in the branch's zone. */
    public ZonedDateTime start() {
        return start;
    }

    /** When it ends. */
    public ZonedDateTime end() {
        return end;
    }

    /** Where it stands. */
    public BookingState state() {
        return state;
    }

    /** The customer's name, or {@code null}. */
    public String name() {
        return name;
    }

    /** The customer's phone number (as {@link org.talon.event.api.privacy.ContactAddress} keeps it), or {@code null}. */
    public String phone() {
        return phone;
    }

    /** The customer's e-mail address, or {@code null}. */
    public String email() {
        return email;
    }

    /** The language the customer is written to in, e.g. {@code pl}. */
    public String language() {
        return language;
    }

    /** Where it was booked. */
    public Channel channel() {
        return channel;
    }

    /** When it was booked. */
    public Instant createdAt() {
        return createdAt;
    }

    /** From when the customer can check in. */
    public Instant checkinFrom() {
        return checkinFrom;
    }

    /** Until when the customer can check in; a booking not checked in by then is a no-show. */
    public Instant checkinUntil() {
        return checkinUntil;
    }

    /** The ticket of the check-in, or 0. */
    public long ticketId() {
        return ticketId;
    }

    /** The number of that ticket, or {@code null}. */
    public String ticketNumber() {
        return ticketNumber;
    }

    /** How many times it changed since it was made (0 for a new one): a reschedule, a move, a state. */
    public int version() {
        return version;
    }


    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.branch = branch;
        b.code = code;
        b.service = service;
        b.resource = resource;
        b.start = start;
        b.end = end;
        b.state = state;
        b.name = name;
        b.phone = phone;
        b.email = email;
        b.language = language;
        b.channel = channel;
        b.createdAt = createdAt;
        b.checkinFrom = checkinFrom;
        b.checkinUntil = checkinUntil;
        b.ticketId = ticketId;
        b.ticketNumber = ticketNumber;
        b.version = version;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof Booking)) return false;
        Booking other = (Booking) o;
        return Objects.equals(id, other.id)
                && Objects.equals(branch, other.branch)
                && Objects.equals(code, other.code)
                && Objects.equals(service, other.service)
                && Objects.equals(resource, other.resource)
                && Objects.equals(start, other.start)
                && Objects.equals(end, other.end)
                && Objects.equals(state, other.state)
                && Objects.equals(name, other.name)
                && Objects.equals(phone, other.phone)
                && Objects.equals(email, other.email)
                && Objects.equals(language, other.language)
                && Objects.equals(channel, other.channel)
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(checkinFrom, other.checkinFrom)
                && Objects.equals(checkinUntil, other.checkinUntil)
                && ticketId == other.ticketId
                && Objects.equals(ticketNumber, other.ticketNumber)
                && version == other.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, branch, code, service, resource, start, end, state, name, phone, email, language, channel, createdAt, checkinFrom, checkinUntil, ticketId, ticketNumber, version);
    }

    /** Without the contact fields, so that a log never holds them. */
    @Override
    public String toString() {
        return "Booking[" + "id=" + id + ", " + "branch=" + branch + ", " + "code=" + code + ", " + "service=" + service + ", " + "resource=" + resource + ", " + "start=" + start + ", " + "end=" + end + ", " + "state=" + state + ", " + "language=" + language + ", " + "channel=" + channel + ", " + "createdAt=" + createdAt + ", " + "checkinFrom=" + checkinFrom + ", " + "checkinUntil=" + checkinUntil + ", " + "ticketId=" + ticketId + ", " + "ticketNumber=" + ticketNumber + ", " + "version=" + version + "]";
    }

    /** Sets the fields of a {@link Booking}; {@link #build()} makes it. */
    public static final class Builder {
        private String id;
        private String branch;
        private String code;
        private String service;
        private String resource;
        private ZonedDateTime start;
        private ZonedDateTime end;
        private BookingState state;
        private String name;
        private String phone;
        private String email;
        private String language;
        private Channel channel;
        private Instant createdAt;
        private Instant checkinFrom;
        private Instant checkinUntil;
        private long ticketId;
        private String ticketNumber;
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

        public Builder code(String code) {
            this.code = code;
            return this;
        }

        public Builder service(String service) {
            this.service = service;
            return this;
        }

        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        public Builder start(ZonedDateTime start) {
            this.start = start;
            return this;
        }

        public Builder end(ZonedDateTime end) {
            this.end = end;
            return this;
        }

        public Builder state(BookingState state) {
            this.state = state;
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

        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder checkinFrom(Instant checkinFrom) {
            this.checkinFrom = checkinFrom;
            return this;
        }

        public Builder checkinUntil(Instant checkinUntil) {
            this.checkinUntil = checkinUntil;
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

        public Builder version(int version) {
            this.version = version;
            return this;
        }

        public Booking build() {
            return new Booking(this);
        }
    }
}
