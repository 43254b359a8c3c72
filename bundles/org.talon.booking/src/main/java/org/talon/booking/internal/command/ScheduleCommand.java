package org.talon.booking.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.booking.api.Booking;
import org.talon.booking.api.Schedule;
import org.talon.queue.api.calendar.OpenPeriod;

@Command(scope = "talon", name = "schedule", description = "Shows a day's opening hours, and each staff member's or counter's hours and bookings")
@Service
public class ScheduleCommand extends BookingCommand {
    @Argument(index = 0, name = "date", description = "Day, e.g. 2026-12-08 (default today)")
    String date;

    @Override
    Object run() {
        Schedule s = bookings.schedule(branch(), date(date));
        System.out.println(text("console.open", s.date(), s.open().isEmpty() ? text("console.closed") : periods(s.open())));
        for (Schedule.ResourceDay d : s.resources()) {
            System.out.println(d.resource().id() + " (" + d.resource().name() + ", " + String.join(",", d.resource().services()) + "): "
                    + (d.hours().isEmpty() ? text("console.closed") : periods(d.hours())));
            for (Booking b : d.bookings()) System.out.println("  " + line(b));
        }
        return null;
    }

    private static String periods(java.util.List<OpenPeriod> ps) {
        StringBuilder b = new StringBuilder();
        for (OpenPeriod p : ps) {
            if (b.length() > 0) b.append(", ");
            b.append(HOUR.format(p.start())).append('-').append(HOUR.format(p.end()));
        }
        return b.toString();
    }
}
