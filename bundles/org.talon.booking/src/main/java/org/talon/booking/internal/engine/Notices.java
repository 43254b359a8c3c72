package org.talon.booking.internal.engine;

import org.talon.booking.api.Booking;
import org.talon.event.api.BranchTransaction;

/**
 * What the customer is told of their booking, in the same transaction as the change: a
 * confirmation with the calendar entry, a reminder before the time, word of a reschedule,
 * a cancellation or a missed booking. {@link #NONE} when no notifications are installed.
 */
public interface Notices {
    Notices NONE = new Notices() {
    };

    default void booked(BranchTransaction tx, Setup setup, Booking b) {
    }

    default void rescheduled(BranchTransaction tx, Setup setup, Booking before, Booking after) {
    }

    default void cancelled(BranchTransaction tx, Setup setup, Booking b) {
    }

    default void missed(BranchTransaction tx, Setup setup, Booking b) {
    }
}
