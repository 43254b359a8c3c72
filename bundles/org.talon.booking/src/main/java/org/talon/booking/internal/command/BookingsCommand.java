package org.talon.booking.internal.command;

import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.booking.api.Booking;

@Command(scope = "talon", name = "bookings", description = "Lists a day's bookings: code, time, service, staff or counter, state, name")
@Service
public class BookingsCommand extends BookingCommand {
    @Argument(index = 0, name = "date", description = "Day, e.g. 2026-12-08 (default today)")
    String date;

    @Override
    Object run() {
        List<Booking> list = bookings.bookings(branch(), date(date));
        for (Booking b : list) System.out.println(line(b));
        if (list.isEmpty()) System.out.println(text("console.noBookings"));
        return null;
    }
}
