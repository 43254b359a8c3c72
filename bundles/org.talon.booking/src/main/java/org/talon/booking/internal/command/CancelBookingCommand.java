package org.talon.booking.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.booking.api.Booking;

@Command(scope = "talon", name = "booking-cancel", description = "Cancels a booking; its slot is free again")
@Service
public class CancelBookingCommand extends BookingCommand {
    @Argument(index = 0, name = "booking", required = true, description = "The booking's code or id")
    String booking;

    @Override
    Object run() {
        Booking b = booking(booking);
        Booking c = bookings.cancel(b.branch(), b.id(), "console");
        System.out.println(text("console.cancelled", c.code()));
        return null;
    }
}
