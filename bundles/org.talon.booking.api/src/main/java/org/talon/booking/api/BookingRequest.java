package org.talon.booking.api;

import java.time.Instant;
import java.util.Objects;
import org.talon.queue.api.Channel;

/**
 * What a customer (on the booking page), staff (a phone booking, reception) or a kiosk asks for
 * when booking.
 *
 * <p>A value: built with {@link #builder()}, read by its accessors; fields are added in minor
 * versions of this package.
 */
public final class BookingRequest {
    private final String branch;
    private final String service;
    private final Instant start;
    private final String name;
    private final String phone;
    private final String email;
    private final String language;
    private final Channel channel;
    private final String bookedBy;

    private BookingRequest(Builder b) {
        this.branch = b.branch;
        this.service = b.service;
        this.start = b.start;
        this.name = b.name;
        this.phone = b.phone;
        this.email = b.email;
        this.language = b.language;
        this.channel = b.channel;
        this.bookedBy = b.bookedBy;
    }

    /** The branch. */
    public String branch() {
        return branch;
    }

    /** The service's code. */
    public String service() {
        return service;
    }

    /** The slot's start. */
    public Instant start() {
        return start;
    }

    /** The customer's name. */
    public String name() {
        return name;
    }

    /** A phone number, or {@code null}; a phone number or an e-mail address is required. */
    public String phone() {
        return phone;
    }

    /** An e-mail address, or {@code null}. */
    public String email() {
        return email;
    }

    /** The language to write to the customer in, or {@code null} for the branch's first. */
    public String language() {
        return language;
    }

    /** Where it is booked, {@code null} for the web. */
    public Channel channel() {
        return channel;
    }

    /** The staff member or device that books it, or {@code null} for the customer. */
    public String bookedBy() {
        return bookedBy;
    }


    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields, to make one that differs in some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.branch = branch;
        b.service = service;
        b.start = start;
        b.name = name;
        b.phone = phone;
        b.email = email;
        b.language = language;
        b.channel = channel;
        b.bookedBy = bookedBy;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof BookingRequest)) return false;
        BookingRequest other = (BookingRequest) o;
        return Objects.equals(branch, other.branch)
                && Objects.equals(service, other.service)
                && Objects.equals(start, other.start)
                && Objects.equals(name, other.name)
                && Objects.equals(phone, other.phone)
                && Objects.equals(email, other.email)
                && Objects.equals(language, other.language)
                && Objects.equals(channel, other.channel)
                && Objects.equals(bookedBy, other.bookedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(branch, service, start, name, phone, email, language, channel, bookedBy);
    }

    /** Without the contact fields, so that a log never holds them. */
    @Override
    public String toString() {
        return "BookingRequest[" + "branch=" + branch + ", " + "service=" + service + ", " + "start=" + start + ", " + "language=" + language + ", " + "channel=" + channel + ", " + "bookedBy=" + bookedBy + "]";
    }

    /** Sets the fields of a {@link BookingRequest}; {@link #build()} makes it. */
    public static final class Builder {
        private String branch;
        private String service;
        private Instant start;
        private String name;
        private String phone;
        private String email;
        private String language;
        private Channel channel;
        private String bookedBy;

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

        public Builder start(Instant start) {
            this.start = start;
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

        public Builder bookedBy(String bookedBy) {
            this.bookedBy = bookedBy;
            return this;
        }

        public BookingRequest build() {
            return new BookingRequest(this);
        }
    }
}
