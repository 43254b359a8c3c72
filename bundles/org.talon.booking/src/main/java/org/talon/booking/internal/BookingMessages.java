package org.talon.booking.internal;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.talon.booking.api.BookableService;
import org.talon.booking.api.Booking;
import org.talon.booking.internal.engine.Messages;
import org.talon.booking.internal.engine.Notices;
import org.talon.booking.internal.engine.Setup;
import org.talon.event.api.BranchTransaction;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.notify.api.CalendarEntry;
import org.talon.notify.api.Notification;
import org.talon.notify.api.Notifications;

/**
 * A booking's messages through the notifications' outbox, in the booking's own transaction: the
 * confirmation (with the calendar entry, sent to every contact the customer gave), the reminder
 * some hours before, word of a reschedule (the old reminder cancelled, a new one due), of a
 * cancellation and of a missed booking.
 */
final class BookingMessages implements Notices {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final Notifications outbox;

    BookingMessages(Notifications outbox) {
        this.outbox = outbox;
    }

    static String reminderKey(Booking b) {
        return "booking:" + b.id() + ":reminder";
    }

    @Override
    public void booked(BranchTransaction tx, Setup setup, Booking b) {
        send(tx, setup, b, "booking.confirmed", false);
        remind(tx, setup, b);
    }

    @Override
    public void rescheduled(BranchTransaction tx, Setup setup, Booking before, Booking after) {
        outbox.cancel(tx, reminderKey(before));
        send(tx, setup, after, "booking.rescheduled", false);
        remind(tx, setup, after);
    }

    @Override
    public void cancelled(BranchTransaction tx, Setup setup, Booking b) {
        outbox.cancel(tx, reminderKey(b));
        send(tx, setup, b, "booking.cancelled", true);
    }

    @Override
    public void missed(BranchTransaction tx, Setup setup, Booking b) {
        send(tx, setup, b, "booking.noshow", true);
    }

    private void remind(BranchTransaction tx, Setup setup, Booking b) {
        if (setup.settings().reminderBefore().isZero()) return;
        Instant due = b.start().toInstant().minus(setup.settings().reminderBefore());
        if (!due.isAfter(tx.now())) return; // booked for sooner than that: the confirmation is the reminder
        for (ContactAddress to : contacts(b)) {
            outbox.enqueue(tx, message(setup, b, "booking.reminder", to, false).key(reminderKey(b)).notBefore(due).calendar(null).build());
        }
    }

    private void send(BranchTransaction tx, Setup setup, Booking b, String template, boolean cancelled) {
        for (ContactAddress to : contacts(b)) {
            outbox.enqueue(tx, message(setup, b, template, to, cancelled).build());
        }
    }

    private static List<ContactAddress> contacts(Booking b) {
        List<ContactAddress> out = new ArrayList<>();
        if (b.email() != null) out.add(new ContactAddress(b.email(), ContactAddress.Kind.EMAIL));
        if (b.phone() != null) out.add(new ContactAddress(b.phone(), ContactAddress.Kind.PHONE));
        return out;
    }

    private static Notification.Builder message(Setup setup, Booking b, String template, ContactAddress to, boolean cancelled) {
        BookableService s = setup.services().get(b.service());
        String service = s == null ? b.service() : s.name(b.language());
        String branch = setup.branch().name(b.language());
        ZonedDateTime start = b.start().withZoneSameInstant(setup.branch().zone());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", b.code());
        params.put("service", service);
        params.put("start", WHEN.format(start));
        params.put("branch", branch);
        // the booking page opens the booking itself (the contact, its proof, is asked there); the
        // notifications make it a link with Talon's public address when they send it
        params.put("link", "/book?branch=" + java.net.URLEncoder.encode(b.branch(), java.nio.charset.StandardCharsets.UTF_8) + "&code=" + b.code());
        java.util.Locale l = java.util.Locale.forLanguageTag(b.language());
        String description = Messages.text(l, "calendar.description", b.code(), WHEN.format(start.minus(setup.settings().arrivalBefore())));
        CalendarEntry entry = new CalendarEntry(b.id() + "@talon", b.version(), b.start().toInstant(), b.end().toInstant(),
                service + " — " + branch, branch, description, cancelled);
        return Notification.builder().key("booking:" + b.id() + ":" + template).branch(b.branch()).recipient(to).recipientName(b.name())
                .template(template).language(b.language()).params(params).calendar(entry);
    }
}
