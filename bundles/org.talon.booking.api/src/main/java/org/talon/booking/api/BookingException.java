package org.talon.booking.api;

import java.util.List;

/**
 * A booking command was refused. {@link #reason()} says why in a form a program can act on;
 * {@link #key()} and {@link #args()} let a user interface show the message in the user's language
 * (the booking bundle's texts); {@link #getMessage()} is the English text.
 */
public class BookingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a booking command was refused. */
    public enum Reason {
        /** No such branch, service, resource or booking (or the code and contact do not match). */
        NOT_FOUND,
        /** The request itself is malformed: a contact that is neither phone nor e-mail, a missing field. */
        INVALID,
        /** The time is not a slot of the service. */
        NOT_A_SLOT,
        /** The time lies outside the booking window (too soon or too far ahead). */
        OUTSIDE_WINDOW,
        /** Every place of the slot is taken. */
        SLOT_FULL,
        /** The contact already holds as many active bookings as a branch allows. */
        LIMIT_REACHED,
        /** The booking is no longer active (cancelled, checked in, missed). */
        NOT_ACTIVE,
        /** Check-in before the arrival window opens. */
        TOO_EARLY,
        /** Check-in after the arrival window closed. */
        TOO_LATE,
        /** The staff member or counter is busy then, or does not serve the service, or does not work then. */
        RESOURCE_BUSY,
        /** Too many attempts from one contact or for one code in a short time. */
        TOO_MANY_ATTEMPTS,
        /** The database could not store the change; nothing was stored. */
        UNAVAILABLE
    }

    private final Reason reason;
    private final String key;
    private final List<Object> args;

    public BookingException(Reason reason, String key, String englishMessage, Object... args) {
        super(englishMessage);
        this.reason = reason;
        this.key = key;
        this.args = List.of(args);
    }

    public Reason reason() {
        return reason;
    }

    /** Message key in the booking bundle's texts. */
    public String key() {
        return key;
    }

    /** Message arguments, in the order the key's pattern uses them. */
    public List<Object> args() {
        return args;
    }
}
