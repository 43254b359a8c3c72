package org.talon.booking.internal.command;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.talon.booking.api.Booking;
import org.talon.booking.api.BookingException;
import org.talon.booking.api.BookingService;
import org.talon.booking.internal.engine.Messages;
import org.talon.queue.api.Branch;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.QueueService;

/**
 * What every booking command shares: the engine, the {@code --branch} option (left out: the one
 * branch that takes bookings), and a refusal told as the console's message.
 */
abstract class BookingCommand implements Action {
    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    @Reference
    BookingService bookings;

    @Reference
    QueueService queues;

    @Option(name = "--branch", aliases = "-b", description = "Branch id; may be left out when only one branch takes bookings")
    String branch;

    @Override
    public final Object execute() throws Exception {
        try {
            return run();
        } catch (BookingException e) {
            throw new CommandException(Messages.localized(e, Locale.getDefault()));
        } catch (QueueException | IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }

    abstract Object run() throws Exception;

    static String text(String key, Object... args) {
        return Messages.text(Locale.getDefault(), key, args);
    }

    /** The branch asked for, or the only one that takes bookings. */
    String branch() {
        if (branch != null) return branch.strip();
        List<String> booking = queues.branches().stream().map(Branch::id).filter(b -> !bookings.services(b).isEmpty()).toList();
        if (booking.size() == 1) return booking.get(0);
        throw new IllegalArgumentException(text("console.whichBranch", String.join(", ", booking)));
    }

    ZoneId zone() {
        return queues.branch(branch()).zone();
    }

    LocalDate date(String text) {
        if (text == null) return LocalDate.now(zone());
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(text("console.badDate", text));
        }
    }

    /** {@code 2026-12-08T09:30+01:00}, or {@code 2026-12-08T09:30} / {@code 2026-12-08 09:30} in the branch's zone. */
    Instant time(String text) {
        String t = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(t).atZone(zone()).toInstant();
            } catch (DateTimeException e2) {
                throw new IllegalArgumentException(text("console.badTime", text));
            }
        }
    }

    /** A booking by its id or code, in the branch. */
    Booking booking(String idOrCode) {
        String b = branch();
        return bookings.booking(b, idOrCode.strip()).or(() -> bookings.bookingByCode(b, idOrCode))
                .orElseThrow(() -> new IllegalArgumentException(text("booking.notFound")));
    }

    String line(Booking x) {
        ZonedDateTime s = x.start().withZoneSameInstant(zone());
        return String.format("%-8s %s %s-%s  %-3s %-12s %-11s %s", x.code(), s.toLocalDate(), HOUR.format(s),
                HOUR.format(x.end().withZoneSameInstant(zone())), x.service(), x.resource() == null ? "-" : x.resource(),
                text("state." + x.state().name()), x.name() == null ? "" : x.name());
    }
}
