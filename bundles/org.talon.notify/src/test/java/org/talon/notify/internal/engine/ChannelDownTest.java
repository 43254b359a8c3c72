package org.talon.notify.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.notify.api.CalendarEntry;
import org.talon.notify.api.MessageStatus;
import org.talon.notify.api.MessageStatus.State;
import org.talon.notify.api.Notification;
import org.talon.notify.api.NotificationChannel;
import org.talon.notify.internal.store.Outbox;
import org.talon.notify.internal.support.Configs;
import org.talon.notify.internal.support.TestDb;
import org.talon.notify.internal.support.MutableClock;
import org.talon.notify.internal.support.TestTransaction;
import org.talon.notify.smtp.internal.SmtpChannel;

/**
 * A channel that is down leaves the message in the outbox and delivers it when it is back: the
 * real outbox (H2), the real delivery engine and the real e-mail channel against a GreenMail SMTP
 * server that is stopped, then started.
 */
class ChannelDownTest {
    GreenMail mail;

    @AfterEach
    void stop() {
        if (mail != null) mail.stop();
    }

    @Test
    void aMessageWaitsInTheOutboxWhileTheMailServerIsDownAndArrivesWhenItIsBack() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        TestDb db = new TestDb();
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
        NotifyService service = new NotifyService(new Outbox(db, clock), new Templates(null), Configs.of(NotifyConfig.class,
                Map.of("firstRetrySeconds", 5, "maxRetrySeconds", 60, "maxAttempts", 10, "calendarOrganizer", "queue@talon.test")));
        SmtpChannel smtp = new SmtpChannel();
        smtp.configure(Configs.of(SmtpChannel.Config.class, Map.of("host", "127.0.0.1", "port", port, "security", "none",
                "from", "queue@talon.test", "connectTimeoutSeconds", 2, "timeoutSeconds", 5)));
        service.addChannel(smtp, Map.of(NotificationChannel.KIND, "email"));

        CalendarEntry cal = new CalendarEntry("booking-7@talon", 0, Instant.parse("2026-12-08T08:00:00Z"),
                Instant.parse("2026-12-08T08:15:00Z"), "Appointment: General", "Demo branch", "Booking code K7MRT4", false);
        TestTransaction tx = new TestTransaction("demo", clock.instant());
        service.enqueue(tx, Notification.builder().key("booking:7:confirmed").branch("demo").recipient(ContactAddress.parse("anna@example.org"))
                .recipientName("Anna").template("booking.confirmed").language("en").param("code", "K7MRT4").param("service", "General")
                .param("start", "Tue 8 Dec, 09:00").param("branch", "Demo branch").calendar(cal).build());
        tx.commit(db);

        // the server is down: tried, failed, still in the outbox
        service.delivery().runOnce();
        MessageStatus m = service.messages("demo", 1).get(0);
        assertEquals(State.PENDING, m.state());
        assertEquals(1, m.attempts());
        assertTrue(m.lastError() != null && !m.lastError().isBlank(), "the reason is kept");
        clock.advance(Duration.ofSeconds(5));
        service.delivery().runOnce();
        assertEquals(2, service.messages("demo", 1).get(0).attempts());
        assertEquals(State.PENDING, service.messages("demo", 1).get(0).state());

        // the server is back
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        service.delivery().runOnce();
        assertEquals(0, mail.getReceivedMessages().length, "not before its next try");
        clock.advance(Duration.ofSeconds(10));
        service.delivery().runOnce();
        assertTrue(mail.waitForIncomingEmail(5000, 1));
        m = service.messages("demo", 1).get(0);
        assertEquals(State.SENT, m.state());
        assertEquals(3, m.attempts());

        MimeMessage got = mail.getReceivedMessages()[0];
        assertEquals("Your appointment on Tue 8 Dec, 09:00: code K7MRT4", got.getSubject());
        Multipart parts = (Multipart) got.getContent();
        assertTrue(((String) parts.getBodyPart(0).getContent()).startsWith("Hello Anna,"));
        Part invite = parts.getBodyPart(1);
        assertEquals("invite.ics", invite.getFileName());
        ICalendar ical = Biweekly.parse(new String(invite.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).first();
        assertEquals("REQUEST", ical.getMethod().getValue());
        assertEquals("booking-7@talon", ical.getEvents().get(0).getUid().getValue());
        assertEquals(Instant.parse("2026-12-08T08:00:00Z"), ical.getEvents().get(0).getDateStart().getValue().toInstant());
        assertEquals(Instant.parse("2026-12-08T08:15:00Z"), ical.getEvents().get(0).getDateEnd().getValue().toInstant());
        assertEquals("queue@talon.test", ical.getEvents().get(0).getOrganizer().getEmail());

        service.delivery().runOnce();
        assertEquals(1, mail.getReceivedMessages().length, "sent once");
    }
}
