package org.talon.booking.api;

/**
 * The types of the booking domain's events on a branch's log. Every payload is a JSON object with
 * {@code booking} (the booking's id), {@code service}, {@code start} and {@code end} (ISO-8601
 * moments) and {@code resource} (the staff member or counter, or null), and more per type as
 * named here; none carries contact data or the booking's code.
 */
public final class BookingEvents {
    /** A booking was made; also {@code channel}. */
    public static final String CREATED = "BookingCreated";
    /** A booking moved to another slot; also {@code from} (the old start). */
    public static final String RESCHEDULED = "BookingRescheduled";
    /** A booking moved to another staff member or counter; also {@code fromResource} and {@code by}. */
    public static final String MOVED = "BookingMoved";
    /** A booking was cancelled; also {@code by} ({@code customer} or the staff member). */
    public static final String CANCELLED = "BookingCancelled";
    /** A customer checked in; also {@code ticket} (the ticket's id), {@code number} and {@code channel}. */
    public static final String CHECKED_IN = "BookingCheckedIn";
    /** A booking was not checked in by the end of its arrival window and was cancelled; its slot is free. */
    public static final String NO_SHOW = "BookingNoShow";

    private BookingEvents() {
    }
}
