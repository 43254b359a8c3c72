package org.talon.booking.internal.engine;

import java.time.Instant;
import java.util.List;
import org.talon.booking.api.Booking;
import org.talon.event.api.BranchTransaction;

/** Where bookings are kept: read once when the engine starts, written inside the writer's commands. */
public interface Store {
    /** A branch's bookings that still hold their slot, and those that ended after {@code since}. */
    List<Booking> load(String branch, Instant since);

    /** Writes a booking's value in the command's transaction. */
    void write(BranchTransaction tx, Booking b);
}
