package org.talon.booking.internal.http;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.talon.booking.api.BookableService;
import org.talon.booking.api.Booking;
import org.talon.booking.api.DayAvailability;
import org.talon.booking.api.Schedule;
import org.talon.booking.api.Slot;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.queue.api.Ticket;
import org.talon.queue.api.calendar.OpenPeriod;
import org.talon.web.api.MaxLength;

/** What the booking routes answer and accept, as JSON. Times are ISO-8601 with the branch's offset. */
public final class Views {
    private Views() {
    }

    static String time(ZonedDateTime t) {
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    public record ServiceView(String code, String name, Map<String, String> names, long durationMinutes) {
        static ServiceView of(BookableService s) {
            return new ServiceView(s.code(), s.name(), new java.util.TreeMap<>(s.names()), s.duration().toMinutes());
        }
    }

    public record SlotView(String start, String end, int capacity, int available) {
        static SlotView of(Slot s) {
            return new SlotView(time(s.start()), time(s.end()), s.capacity(), s.available());
        }
    }

    public record SlotsView(String service, String date, String zone, List<SlotView> slots) {
    }

    public record DayView(String date, boolean open, int slots, int available) {
        static DayView of(DayAvailability d) {
            return new DayView(d.date().toString(), d.open(), d.slots(), d.available());
        }
    }

    public record DaysView(String service, String zone, List<DayView> days) {
    }

    /**
     * A booking as its customer sees it (with the contact they proved) and as staff see it (the
     * phone and e-mail masked in lists).
     */
    public record BookingView(String id, String code, String branch, String service, String serviceName, String start, String end,
            String state, String name, String phone, String email, String language, String resource, String resourceName,
            Instant checkinFrom, Instant checkinUntil, String ticketNumber, int version) {
        static BookingView of(Booking b, String serviceName, String resourceName, boolean masked) {
            return new BookingView(b.id(), b.code(), b.branch(), b.service(), serviceName, time(b.start()), time(b.end()), b.state().name(),
                    b.name(), mask(b.phone(), masked), mask(b.email(), masked), b.language(), b.resource(), resourceName, b.checkinFrom(),
                    b.checkinUntil(), b.ticketNumber(), b.version());
        }

        private static String mask(String contact, boolean masked) {
            if (contact == null || !masked) return contact;
            return ContactAddress.parse(contact).masked();
        }
    }

    public record TicketView(long id, String number, String service, String state, String priority, String language, int position,
            Long estimatedWaitSeconds, String counter, Instant issuedAt, String publicId) {
        static TicketView of(Ticket t) {
            return new TicketView(t.id(), t.number(), t.service(), t.state().name(), t.priority().name(), t.language(), t.position(),
                    t.estimatedWait() == null ? null : t.estimatedWait().toSeconds(), t.counter(), t.issuedAt(), t.publicId());
        }
    }

    public record CheckInView(BookingView booking, TicketView ticket) {
    }

    public record PeriodView(String start, String end) {
        static PeriodView of(OpenPeriod p) {
            return new PeriodView(time(p.start()), time(p.end()));
        }
    }

    /** A staff member or counter; {@code names}: a counter's name per language, as the queue's counter has them. */
    public record ResourceView(String id, String name, Map<String, String> names, String kind, String counter, List<String> services,
            List<PeriodView> hours, List<BookingView> bookings) {
    }

    public record ScheduleView(String branch, String date, String zone, List<PeriodView> open, List<ResourceView> resources) {
        static ScheduleView of(Schedule s, java.util.function.Function<Booking, BookingView> view,
                java.util.function.Function<org.talon.booking.api.Resource, Map<String, String>> names) {
            return new ScheduleView(s.branch(), s.date().toString(), s.zone().getId(), s.open().stream().map(PeriodView::of).toList(),
                    s.resources().stream().map(d -> new ResourceView(d.resource().id(), d.resource().name(), names.apply(d.resource()),
                            d.resource().kind().name(), d.resource().counter(), d.resource().services(),
                            d.hours().stream().map(PeriodView::of).toList(), d.bookings().stream().map(view).toList())).toList());
        }
    }

    /** The contact given with a booking. */
    public record ContactBody(@MaxLength(100) String name, @MaxLength(32) String phone, @MaxLength(200) String email) {
    }

    /** Body of {@code POST /branches/{branch}/bookings}. */
    public record BookingBody(@MaxLength(32) String service, @MaxLength(40) String start, ContactBody contact, @MaxLength(8) String language) {
    }

    /** Body of {@code POST /bookings/{code}/reschedule}. */
    public record RescheduleBody(@MaxLength(40) String start) {
    }

    /** Body of {@code POST /branches/{branch}/bookings/{id}/move}. */
    public record MoveBody(@MaxLength(64) String resource) {
    }
}
