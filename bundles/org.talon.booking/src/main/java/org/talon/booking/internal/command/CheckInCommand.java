package org.talon.booking.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.booking.api.CheckIn;
import org.talon.queue.api.Channel;

@Command(scope = "talon", name = "checkin", description = "Checks a booked customer in (as reception): prints the ticket's number")
@Service
public class CheckInCommand extends BookingCommand {
    @Argument(index = 0, name = "code", required = true, description = "The booking's code")
    String code;

    @Override
    Object run() {
        CheckIn c = bookings.checkIn(branch(), code, Channel.RECEPTION, "console");
        System.out.println(text("console.checkedIn", c.booking().code(), c.ticket().number()));
        return null;
    }
}
