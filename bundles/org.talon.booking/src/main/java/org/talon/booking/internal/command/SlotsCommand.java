package org.talon.booking.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.booking.api.Slot;

@Command(scope = "talon", name = "slots", description = "Lists a day's slots of a bookable service with their free places")
@Service
public class SlotsCommand extends BookingCommand {
    @Argument(index = 0, name = "service", required = true, description = "Service code, e.g. A")
    String service;

    @Argument(index = 1, name = "date", description = "Day, e.g. 2026-12-08 (default today)")
    String date;

    @Override
    Object run() {
        int n = 0;
        for (Slot s : bookings.slots(branch(), service, date(date))) {
            System.out.println(HOUR.format(s.start()) + "-" + HOUR.format(s.end()) + "  " + text("console.free", s.available(), s.capacity()));
            n++;
        }
        if (n == 0) System.out.println(text("console.noSlots"));
        return null;
    }
}
