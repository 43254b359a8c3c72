package org.talon.notify.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.talon.notify.api.Attachment;
import org.talon.notify.api.CalendarEntry;

/** The invitation parsed back by the iCalendar library that wrote it. */
class InvitesTest {
    static final Instant START = Instant.parse("2026-12-08T08:00:00Z");
    static final Instant END = Instant.parse("2026-12-08T08:15:00Z");

    static CalendarEntry entry(boolean cancelled, int sequence) {
        return new CalendarEntry("booking-42@talon", sequence, START, END, "Wizyta: Sprawy meldunkowe", "Urząd Dzielnicy, ul. Długa 5",
                "Kod rezerwacji: K7MRT4; zamelduj się w kiosku", cancelled);
    }

    @Test
    void anAppointmentIsARequestWithItsTimesInUtc() {
        Attachment a = Invites.invite(entry(false, 0), "queue@talon.test", "anna@example.org", "Anna", Instant.parse("2026-12-01T10:00:00Z"));
        assertEquals("invite.ics", a.fileName());
        assertEquals("text/calendar; charset=UTF-8; method=REQUEST", a.contentType());
        String text = new String(a.content(), StandardCharsets.UTF_8);
        assertTrue(text.contains("DTSTART:20261208T080000Z"), text);
        assertTrue(text.contains("DTEND:20261208T081500Z"), text);

        ICalendar ical = Biweekly.parse(text).first();
        assertEquals("REQUEST", ical.getMethod().getValue());
        assertEquals(1, ical.getEvents().size());
        VEvent e = ical.getEvents().get(0);
        assertEquals("booking-42@talon", e.getUid().getValue());
        assertEquals(0, e.getSequence().getValue());
        assertEquals(START, e.getDateStart().getValue().toInstant());
        assertEquals(END, e.getDateEnd().getValue().toInstant());
        assertEquals("Wizyta: Sprawy meldunkowe", e.getSummary().getValue());
        assertEquals("Urząd Dzielnicy, ul. Długa 5", e.getLocation().getValue());
        assertEquals("Kod rezerwacji: K7MRT4; zamelduj się w kiosku", e.getDescription().getValue());
        assertEquals("queue@talon.test", e.getOrganizer().getEmail());
        assertEquals("anna@example.org", e.getAttendees().get(0).getEmail());
        assertEquals("CONFIRMED", e.getStatus().getValue());
        assertTrue(ical.validate(ICalVersion.V2_0).isEmpty(), ical.validate(ICalVersion.V2_0).toString());
    }

    @Test
    void aCancelledAppointmentIsACancelOfTheSameUidWithAHigherSequence() {
        Attachment a = Invites.invite(entry(true, 2), null, "anna@example.org", null, Instant.parse("2026-12-02T10:00:00Z"));
        assertEquals("text/calendar; charset=UTF-8; method=CANCEL", a.contentType());
        ICalendar ical = Biweekly.parse(new String(a.content(), StandardCharsets.UTF_8)).first();
        assertEquals("CANCEL", ical.getMethod().getValue());
        VEvent e = ical.getEvents().get(0);
        assertEquals("booking-42@talon", e.getUid().getValue());
        assertEquals(2, e.getSequence().getValue());
        assertEquals("CANCELLED", e.getStatus().getValue());
        assertEquals(START, e.getDateStart().getValue().toInstant());
    }
}
