package org.talon.booking.api;

/** Where a booking stands. Only {@link #BOOKED} and {@link #CHECKED_IN} hold their slot. */
public enum BookingState {
    /** Booked and not yet arrived. */
    BOOKED,
    /** The customer arrived and has a ticket. */
    CHECKED_IN,
    /** Cancelled by the customer or by staff; the slot is free again. */
    CANCELLED,
    /** Not checked in by the end of the arrival window; cancelled by Talon and the slot freed. */
    NO_SHOW;

    /** Whether the booking still holds its slot. */
    public boolean holdsSlot() {
        return this == BOOKED || this == CHECKED_IN;
    }
}
