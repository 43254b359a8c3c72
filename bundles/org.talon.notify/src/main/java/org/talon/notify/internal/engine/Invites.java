package org.talon.notify.internal.engine;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationStatus;
import biweekly.parameter.Role;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.talon.notify.api.Attachment;
import org.talon.notify.api.CalendarEntry;

/**
 * A calendar entry as an iCalendar invitation ({@code invite.ics}, RFC 5545 with the iTIP method
 * of RFC 5546), written by biweekly: {@code METHOD:REQUEST} for an appointment, {@code CANCEL}
 * when it is cancelled; times in UTC.
 */
public final class Invites {
    public static final String FILE_NAME = "invite.ics";

    private Invites() {
    }

    /**
     * The invitation.
     *
     * @param organizer     the e-mail address the invitation comes from (calendar programs want one for a
     *                      request), or {@code null}
     * @param attendee      the recipient's e-mail address, or {@code null}
     * @param attendeeName  the recipient's name, or {@code null}
     * @param now           when it is made ({@code DTSTAMP})
     */
    public static Attachment invite(CalendarEntry e, String organizer, String attendee, String attendeeName, Instant now) {
        ICalendar ical = new ICalendar();
        ical.setProductId("-//Talon//Notifications//EN");
        ical.setMethod(e.cancelled() ? Method.cancel() : Method.request());
        VEvent ev = new VEvent();
        ev.setUid(e.uid());
        ev.setSequence(e.sequence());
        ev.setDateTimeStamp(Date.from(now));
        ev.setDateStart(Date.from(e.start()), true);
        ev.setDateEnd(Date.from(e.end()), true);
        ev.setSummary(e.summary());
        if (e.location() != null && !e.location().isBlank()) ev.setLocation(e.location());
        if (e.description() != null && !e.description().isBlank()) ev.setDescription(e.description());
        ev.setStatus(e.cancelled() ? Status.cancelled() : Status.confirmed());
        if (organizer != null && !organizer.isBlank()) ev.setOrganizer(new Organizer(null, organizer.strip()));
        if (attendee != null) {
            Attendee a = new Attendee(attendeeName, attendee);
            a.setRole(Role.ATTENDEE);
            a.setParticipationStatus(e.cancelled() ? ParticipationStatus.DECLINED : ParticipationStatus.ACCEPTED);
            ev.addAttendee(a);
        }
        ical.addEvent(ev);
        String text = Biweekly.write(ical).version(ICalVersion.V2_0).go();
        return new Attachment(FILE_NAME, "text/calendar; charset=UTF-8; method=" + (e.cancelled() ? "CANCEL" : "REQUEST"),
                text.getBytes(StandardCharsets.UTF_8));
    }
}
