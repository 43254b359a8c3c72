package org.talon.booking.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.booking.api.Booking;

@Command(scope = "talon", name = "booking-move", description = "Moves a booking to another staff member or counter free at its time")
@Service
public class MoveBookingCommand extends BookingCommand {
    @Argument(index = 0, name = "booking", required = true, description = "The booking's code or id")
    String booking;

    @Argument(index = 1, name = "resource", required = true, description = "The staff member's or counter's id")
    String resource;

    @Override
    Object run() {
        Booking b = booking(booking);
        Booking m = bookings.move(b.branch(), b.id(), resource, "console");
        System.out.println(text("console.moved", m.code(), m.resource()));
        return null;
    }
}
