package org.talon.booking.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.talon.booking.api.Booking;
import org.talon.booking.api.BookingRequest;
import org.talon.queue.api.Channel;

@Command(scope = "talon", name = "book", description = "Books a slot for a customer (e.g. on the phone) and prints the booking's code")
@Service
public class BookCommand extends BookingCommand {
    @Argument(index = 0, name = "service", required = true, description = "Service code, e.g. A")
    String service;

    @Argument(index = 1, name = "start", required = true, description = "The slot's start, e.g. 2026-12-08T09:30 (the branch's time)")
    String start;

    @Argument(index = 2, name = "name", required = true, description = "The customer's name")
    String name;

    @Argument(index = 3, name = "contact", required = true, description = "The customer's phone number or e-mail address")
    String contact;

    @Option(name = "--language", aliases = "-l", description = "The customer's language, e.g. pl")
    String language;

    @Override
    Object run() {
        boolean email = contact.contains("@");
        Booking b = bookings.book(BookingRequest.builder().branch(branch()).service(service).start(time(start)).name(name)
                .phone(email ? null : contact).email(email ? contact : null).language(language).channel(Channel.CONSOLE).bookedBy("console").build());
        System.out.println(text("console.booked", b.code(), b.start().toLocalDate(), HOUR.format(b.start()), b.resource() == null ? "-" : b.resource()));
        return null;
    }
}
