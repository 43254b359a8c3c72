package org.talon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.talon.bench.Http.basic;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.talon.bench.TalonProcess;
import org.talon.event.api.privacy.ContactAddress;

/**
 * Notifications end to end in the running distribution, with a real SMTP server (GreenMail) and a
 * real SMPP server (jSMPP's server side) started by the test: a booking's confirmation by e-mail
 * with its invitation and by SMS in UCS-2, the reminder cancelled and due again on a reschedule,
 * the cancellation's invitation, a ticket told that its turn is near and that it is called, a
 * mail server that is down and comes back, an integrator's text, and one person's data erased.
 *
 * <p>The demo branch is open day and night and books from now on (as in {@link BookingIT});
 * reminders are due one hour before, so they are seen waiting with their time, not sent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotifyIT {
    static final String PW = "Notify-Secret-6";
    static final String ADMIN = basic("admin", PW);
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final String FROM = "kolejka@urzad.test";
    static final String PUBLIC_URL = "https://kolejka.urzad.test";
    static final String BRANCH_PL = "Oddział demonstracyjny";
    static final String SERVICE_PL = "Sprawy ogólne";

    static TalonProcess karaf;
    static Api api;
    static int smtpPort;
    static GreenMail mail;
    static Smsc smsc;

    /** The booking of the first tests: made, rescheduled, cancelled. */
    static final String LUCJA = "lucja.zak@przyklad.pl";
    static final String LUCJA_PHONE = "+48600200300";
    static String bookingId;
    static String code;
    static final List<String> oldReminders = new ArrayList<>();
    /** The customer whose confirmation waited for the mail server. */
    static final String MAREK = "marek.wisniewski@przyklad.pl";

    @BeforeAll
    static void start() throws Exception {
        smtpPort = TalonProcess.freePort();
        mail = startMail(smtpPort);
        smsc = new Smsc("talon", "smpp-pw");
        karaf = new TalonProcess("notify", PW);
        karaf.setProperty("etc/org.talon.queue.branch-demo.cfg", "hours", "MON-SUN 00:00-24:00");
        karaf.setProperty("etc/org.talon.queue.branch-demo.cfg", "days", "");
        karaf.setProperty("etc/org.talon.booking.branch-demo.cfg", "minAheadMinutes", "0");
        karaf.setProperty("etc/org.talon.booking.branch-demo.cfg", "reminderHours", "1");
        karaf.setProperty("etc/org.talon.booking.resource-demo-anna.cfg", "hours", "");
        karaf.setProperty("etc/org.talon.booking.resource-demo-piotr.cfg", "hours", "");
        String smtp = "etc/org.talon.notify.smtp.cfg";
        karaf.setProperty(smtp, "host", "127.0.0.1");
        karaf.setProperty(smtp, "port", String.valueOf(smtpPort));
        karaf.setProperty(smtp, "security", "none");
        karaf.setProperty(smtp, "from", FROM);
        karaf.setProperty(smtp, "fromName", "Urząd Dzielnicy");
        karaf.setProperty(smtp, "connectTimeoutSeconds", "2");
        karaf.setProperty(smtp, "timeoutSeconds", "5");
        String smpp = "etc/org.talon.notify.sms.smpp.cfg";
        karaf.setProperty(smpp, "host", "127.0.0.1");
        karaf.setProperty(smpp, "port", String.valueOf(smsc.port));
        karaf.setProperty(smpp, "systemId", "talon");
        karaf.setProperty(smpp, "password", "smpp-pw");
        karaf.setProperty(smpp, "sourceAddress", "Talon");
        karaf.setProperty(smpp, "bindTimeoutSeconds", "3");
        karaf.setProperty(smpp, "responseTimeoutSeconds", "3");
        String notify = "etc/org.talon.notify.cfg";
        karaf.setProperty(notify, "firstRetrySeconds", "1");
        karaf.setProperty(notify, "maxRetrySeconds", "2");
        karaf.setProperty(notify, "pollIntervalSeconds", "1");
        karaf.setProperty(notify, "publicUrl", PUBLIC_URL);
        karaf.setProperty(notify, "calendarOrganizer", FROM);
        karaf.start(Map.of("TALON_ADMIN_PASSWORD", PW));
        karaf.awaitReady();
        api = new Api(karaf.httpPort).awaitUp(ADMIN);
        await("the booking routes", 60, () -> api.call("GET", "/branches/demo/booking/services", null, null).statusCode() == 200 ? true : null);
        karaf.client("feature:install talon-notify-smtp talon-notify-sms");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (karaf != null) {
                String log = karaf.log();
                List<String> errors = log.lines().filter(l -> l.contains("| ERROR |") && l.contains("org.talon.")).toList();
                karaf.close();
                assertTrue(errors.isEmpty(), String.join("\n", errors));
                assertFalse(log.contains(MAREK), "the log shows addresses masked");
            }
        } finally {
            if (mail != null) mail.stop();
            if (smsc != null) smsc.close();
        }
    }

    // ------------------------------------------------------------------ the tests

    @Test
    @Order(1)
    void aBookingIsConfirmedByEMailWithItsInvitationAndBySmsInUcs2() throws Exception {
        String start = freeSlot(Duration.ofHours(2));
        JsonNode b = json(api.call("POST", "/branches/demo/bookings", null, body(start, "Łucja Żak", LUCJA_PHONE, LUCJA)), 201);
        bookingId = b.path("id").asText();
        code = b.path("code").asText();
        assertEquals(OffsetDateTime.parse(start).toInstant(), OffsetDateTime.parse(b.path("start").asText()).toInstant());
        String end = b.path("end").asText();
        String when = local(start);

        MimeMessage m = awaitMail(LUCJA, "Twoja wizyta " + when + ": kod " + code);
        InternetAddress from = (InternetAddress) m.getFrom()[0];
        assertEquals(FROM, from.getAddress());
        assertEquals("Urząd Dzielnicy", from.getPersonal());
        assertEquals("Łucja Żak", ((InternetAddress) m.getAllRecipients()[0]).getPersonal());
        assertEquals(String.join("\n", "Dzień dobry, Łucja Żak!", "", "Twoja wizyta jest zarezerwowana.", "", "Usługa: " + SERVICE_PL,
                "Termin: " + when, "Miejsce: " + BRANCH_PL, "Kod rezerwacji: " + code, "",
                "Po przyjściu zamelduj się w kiosku, podając kod, albo w recepcji.",
                "Szczegóły, zmiana lub odwołanie wizyty: " + link(code)), text(m));
        VEvent ev = invite(m, bookingId, "REQUEST", 0);
        assertEquals(OffsetDateTime.parse(start).toInstant(), ev.getDateStart().getValue().toInstant(), "DTSTART is the booking's start");
        assertEquals(OffsetDateTime.parse(end).toInstant(), ev.getDateEnd().getValue().toInstant());
        assertEquals(SERVICE_PL + " — " + BRANCH_PL, ev.getSummary().getValue());
        assertEquals(BRANCH_PL, ev.getLocation().getValue());
        assertTrue(ev.getDescription().getValue().startsWith("Kod rezerwacji " + code + "."), ev.getDescription().getValue());
        assertEquals(FROM, ev.getOrganizer().getEmail());
        assertEquals(LUCJA, ev.getAttendees().get(0).getEmail());
        assertEquals("CONFIRMED", ev.getStatus().getValue());

        Sms sms = smsc.next();
        assertEquals("48600200300", sms.to);
        assertEquals(0x08, sms.dataCoding, "Polish letters go in UCS-2");
        assertEquals("Rezerwacja: " + SERVICE_PL + ", " + when + ", " + BRANCH_PL + ". Kod " + code + ". Po przyjściu zamelduj się w kiosku. "
                + link(code), sms.text);
        assertEquals(3, sms.parts, "longer than twice 67 UCS-2 characters: three concatenated parts");

        // the reminder waits for its time, one hour before, to both contacts
        List<JsonNode> reminders = byKey("booking:" + bookingId + ":reminder");
        assertEquals(2, reminders.size(), reminders.toString());
        Instant due = OffsetDateTime.parse(start).toInstant().minus(Duration.ofHours(1));
        assertEquals(Set.of("email", "sms"), Set.of(reminders.get(0).path("channel").asText(), reminders.get(1).path("channel").asText()));
        for (JsonNode r : reminders) {
            assertEquals("PENDING", r.path("state").asText(), r.toString());
            assertEquals("booking.reminder", r.path("template").asText());
            assertEquals(due, Instant.parse(r.path("nextAttempt").asText()), r.toString());
            assertEquals(0, r.path("attempts").asInt());
            oldReminders.add(r.path("id").asText());
        }
        List<JsonNode> confirmed = await("the confirmations marked sent", 10, () -> {
            List<JsonNode> l = byKey("booking:" + bookingId + ":booking.confirmed");
            return l.size() == 2 && l.stream().allMatch(n -> n.path("state").asText().equals("SENT") && n.path("attempts").asInt() == 1) ? l : null;
        });
        assertEquals(Set.of(ContactAddress.parse(LUCJA).masked(), ContactAddress.parse(LUCJA_PHONE).masked()),
                Set.of(confirmed.get(0).path("recipient").asText(), confirmed.get(1).path("recipient").asText()), "recipients masked");
        assertFalse(api.call("GET", "/branches/demo/notifications", ADMIN, null).body().contains(LUCJA), "recipients are masked");
        Api.problem(api.call("GET", "/branches/demo/notifications", null, null), 401, "login");
        Api.problem(api.call("GET", "/branches/demo/notifications?max=0", ADMIN, null), 400, "500");
        Api.problem(api.call("GET", "/branches/nowhere/notifications", ADMIN, null), 404, "nowhere");
    }

    @Test
    @Order(2)
    void aRescheduleCancelsTheOldReminderAndACancellationSendsMethodCancel() throws Exception {
        String later = freeSlot(Duration.ofHours(3));
        JsonNode moved = json(api.call("POST", "/bookings/" + code + "/reschedule?contact=" + q(LUCJA), null,
                "{\"start\":\"" + later + "\"}"), 200);
        assertEquals(OffsetDateTime.parse(later).toInstant(), OffsetDateTime.parse(moved.path("start").asText()).toInstant());
        String when = local(later);

        List<JsonNode> reminders = byKey("booking:" + bookingId + ":reminder");
        assertEquals(4, reminders.size(), reminders.toString());
        Instant due = OffsetDateTime.parse(later).toInstant().minus(Duration.ofHours(1));
        int pending = 0;
        for (JsonNode r : reminders) {
            if (oldReminders.contains(r.path("id").asText())) {
                assertEquals("CANCELLED", r.path("state").asText(), r.toString());
                assertTrue(r.path("nextAttempt").isNull(), r.toString());
            } else {
                assertEquals("PENDING", r.path("state").asText(), r.toString());
                assertEquals(due, Instant.parse(r.path("nextAttempt").asText()), r.toString());
                pending++;
            }
        }
        assertEquals(2, pending);

        MimeMessage m = awaitMail(LUCJA, "Wizyta przeniesiona na " + when);
        VEvent ev = invite(m, bookingId, "REQUEST", 1);
        assertEquals(OffsetDateTime.parse(later).toInstant(), ev.getDateStart().getValue().toInstant());
        assertTrue(text(m).contains("Nowy termin: " + when), text(m));
        assertEquals("Wizyta przeniesiona: " + SERVICE_PL + ", " + when + ", " + BRANCH_PL + ". Kod " + code + ". " + link(code), smsc.next().text);

        JsonNode cancelled = json(api.call("DELETE", "/bookings/" + code + "?contact=" + q(LUCJA_PHONE), null, null), 200);
        assertEquals("CANCELLED", cancelled.path("state").asText());
        MimeMessage c = awaitMail(LUCJA, "Wizyta " + when + " odwołana");
        VEvent gone = invite(c, bookingId, "CANCEL", 2);
        assertEquals(OffsetDateTime.parse(later).toInstant(), gone.getDateStart().getValue().toInstant());
        assertEquals("CANCELLED", gone.getStatus().getValue());
        assertEquals("Wizyta " + code + " (" + SERVICE_PL + ", " + when + ", " + BRANCH_PL + ") odwołana. " + link(code), smsc.next().text);
        for (JsonNode r : byKey("booking:" + bookingId + ":reminder")) assertEquals("CANCELLED", r.path("state").asText(), r.toString());
    }

    @Test
    @Order(3)
    void aTicketWithAContactIsToldItsTurnIsNearAndThatItIsCalled() throws Exception {
        for (int i = 0; i < 3; i++) json(api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"B\"}"), 201);
        JsonNode t = json(api.call("POST", "/branches/demo/tickets", ADMIN,
                "{\"service\":\"B\",\"contact\":\"+48 600 200 302\",\"language\":\"pl\"}"), 201);
        assertEquals(4, t.path("position").asInt(), "the demo's queue was empty: " + t);
        long id = t.path("id").asLong();
        String number = t.path("number").asText();
        Thread.sleep(1500);
        assertEquals(List.of(), byKey("ticket:" + id + ":near"), "fourth in line: not near yet");
        assertNull(smsc.received.peek());

        json(api.call("POST", "/branches/demo/counters/1/next", ADMIN, null), 200);
        Sms near = smsc.next();
        assertEquals("48600200302", near.to);
        assertEquals(0x08, near.dataCoding);
        assertEquals("Bilet " + number + ": jesteś 3. w kolejce (" + BRANCH_PL + "). Prosimy podejść do poczekalni. " + PUBLIC_URL + "/t/"
                + t.path("publicId").asText(), near.text);
        json(api.call("POST", "/branches/demo/counters/1/next", ADMIN, null), 200);
        json(api.call("POST", "/branches/demo/counters/1/next", ADMIN, null), 200);
        JsonNode called = json(api.call("POST", "/branches/demo/counters/1/next", ADMIN, null), 200);
        assertEquals(number, called.path("number").asText());
        Sms told = smsc.next();
        assertEquals("Bilet " + number + " wywołany: Stanowisko 1 (" + BRANCH_PL + "). Prosimy podejść teraz.", told.text);
        assertEquals(1, byKey("ticket:" + id + ":near").size(), "told once that it is near");
        assertEquals("SENT", await("the call marked sent", 10, () -> {
            List<JsonNode> l = byKey("ticket:" + id + ":called");
            return l.size() == 1 && l.get(0).path("state").asText().equals("SENT") ? "SENT" : null;
        }));
        json(api.call("POST", "/branches/demo/counters/1/finish", ADMIN, null), 200);
        assertNull(smsc.received.poll(1, TimeUnit.SECONDS), "nothing more");
    }

    @Test
    @Order(4)
    void aMessageWaitsInTheOutboxWhileTheMailServerIsDownAndGoesWhenItIsBack() throws Exception {
        mail.stop();
        String at = freeSlot(Duration.ofHours(2));
        JsonNode b = json(api.call("POST", "/branches/demo/bookings", null, body(at, "Marek Wiśniewski", null, MAREK)), 201);
        String key = "booking:" + b.path("id").asText() + ":booking.confirmed";
        JsonNode waiting = await("a failed try", 20, () -> {
            List<JsonNode> l = byKey(key);
            return l.size() == 1 && l.get(0).path("attempts").asInt() >= 2 ? l.get(0) : null;
        });
        assertEquals("PENDING", waiting.path("state").asText(), waiting.toString());
        assertFalse(waiting.path("lastError").asText("").isBlank(), waiting.toString());
        assertFalse(waiting.path("lastError").asText().contains(MAREK), "errors shown to staff carry the address masked");
        assertTrue(Instant.parse(waiting.path("nextAttempt").asText()).isAfter(Instant.parse(waiting.path("created").asText())));

        mail = startMail(smtpPort);
        MimeMessage m = awaitMail(MAREK, "Twoja wizyta " + local(at) + ": kod " + b.path("code").asText());
        assertEquals(OffsetDateTime.parse(at).toInstant(), invite(m, b.path("id").asText(), "REQUEST", 0).getDateStart().getValue().toInstant());
        JsonNode sent = await("the message marked sent", 10, () -> {
            JsonNode n = byKey(key).get(0);
            return n.path("state").asText().equals("SENT") ? n : null;
        });
        assertTrue(sent.path("attempts").asInt() >= 3, sent.toString());
        assertTrue(sent.path("lastError").isNull(), sent.toString());
        assertEquals(1, mail.getReceivedMessages().length, "sent once");
    }

    @Test
    @Order(5)
    void anIntegratorsTextIsUsedForTheNextMessage() throws Exception {
        Files.writeString(karaf.home.resolve("etc/talon-notify_pl.properties"),
                "# the integrator's texts\nbooking.confirmed.sms=Urząd Dzielnicy: wizyta {start}, kod {code}. Do zobaczenia!\n",
                StandardCharsets.UTF_8);
        String at = freeSlot(Duration.ofHours(2));
        JsonNode b = json(api.call("POST", "/branches/demo/bookings", null, body(at, "Zofia Kowalczyk", "+48600200303", null)), 201);
        Sms sms = smsc.next();
        assertEquals("48600200303", sms.to);
        assertEquals("Urząd Dzielnicy: wizyta " + local(at) + ", kod " + b.path("code").asText() + ". Do zobaczenia!", sms.text);
        assertEquals(1, sms.parts);
    }

    @Test
    @Order(6)
    void erasingAPersonsContactLeavesTheirMessagesWithoutARecipient() throws Exception {
        String lucja = ContactAddress.parse(LUCJA).masked();
        String marek = ContactAddress.parse(MAREK).masked();
        Map<String, String> before = new HashMap<>();
        for (JsonNode n : all()) {
            if (n.path("recipient").asText().equals(lucja) || n.path("recipient").asText().equals(marek)) {
                before.put(n.path("id").asText(), n.path("state").asText());
            }
        }
        assertEquals(7, before.size(), "Łucja's five e-mails and Marek's two: " + before);
        String out = karaf.client("talon:erase-contact " + LUCJA, "talon:erase-contact " + MAREK);
        assertTrue(out.contains("5 notifications"), out);
        assertTrue(out.contains("2 notifications"), out);
        assertFalse(out.contains(LUCJA) || out.contains(MAREK), out);
        int seen = 0;
        for (JsonNode n : all()) {
            String r = n.path("recipient").asText();
            assertFalse(r.equals(lucja) || r.equals(marek), n.toString());
            String was = before.get(n.path("id").asText());
            if (was == null) continue;
            seen++;
            assertTrue(n.path("recipient").isNull(), n.toString());
            if (n.path("template").asText().equals("booking.reminder") && was.equals("PENDING")) {
                assertEquals("CANCELLED", n.path("state").asText(), "a message not sent yet is never sent: " + n);
                assertTrue(n.path("lastError").asText().contains("erased"), n.toString());
            } else {
                assertEquals(was, n.path("state").asText(), n.toString());
            }
        }
        assertEquals(7, seen, "the rows stay");
        assertTrue(all().stream().anyMatch(n -> n.path("recipient").asText().equals(ContactAddress.parse(LUCJA_PHONE).masked())),
                "the SMS to her phone is another contact, not erased");
    }

    // ------------------------------------------------------------------ helpers

    static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String local(String offsetTime) {
        return WHEN.format(OffsetDateTime.parse(offsetTime).atZoneSameInstant(WARSAW));
    }

    static String body(String start, String name, String phone, String email) throws Exception {
        Map<String, String> contact = new HashMap<>();
        contact.put("name", name);
        if (phone != null) contact.put("phone", phone);
        if (email != null) contact.put("email", email);
        return JSON.writeValueAsString(Map.of("service", "A", "start", start, "contact", contact, "language", "pl"));
    }

    /** A slot of General that starts at least {@code ahead} from now and has both places free. */
    static String freeSlot(Duration ahead) throws Exception {
        OffsetDateTime after = OffsetDateTime.now().plus(ahead);
        for (int d = 0; d < 3; d++) {
            JsonNode slots = json(api.call("GET", "/branches/demo/slots?service=A&date=" + LocalDate.now(WARSAW).plusDays(d), null, null), 200);
            for (JsonNode s : slots.path("slots")) {
                if (OffsetDateTime.parse(s.path("start").asText()).isAfter(after) && s.path("available").asInt() == 2) return s.path("start").asText();
            }
        }
        throw new AssertionError("no free slot");
    }

    /** The demo branch's messages, newest first, as a manager follows them. */
    static List<JsonNode> all() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        json(api.call("GET", "/branches/demo/notifications?max=500", ADMIN, null), 200).forEach(out::add);
        return out;
    }

    static List<JsonNode> byKey(String key) throws Exception {
        return all().stream().filter(n -> n.path("key").asText().equals(key)).toList();
    }

    static <T> T await(String what, int seconds, Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            T t = probe.call();
            if (t != null) return t;
            if (System.nanoTime() > deadline) throw new AssertionError(what + ": not within " + seconds + " s\n" + all());
            Thread.sleep(100);
        }
    }

    static GreenMail startMail(int port) {
        GreenMail g = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        g.start();
        return g;
    }

    /** The e-mail to this address with this subject, once GreenMail has it. */
    static MimeMessage awaitMail(String to, String subject) throws Exception {
        return await("an e-mail to " + to + ": " + subject, 20, () -> {
            for (MimeMessage m : mail.getReceivedMessages()) {
                Address[] rcpt = m.getAllRecipients();
                if (rcpt.length == 1 && ((InternetAddress) rcpt[0]).getAddress().equals(to) && subject.equals(m.getSubject())) return m;
            }
            return null;
        });
    }

    /** The e-mail's text, line breaks as \n. */
    static String text(MimeMessage m) throws Exception {
        Multipart parts = (Multipart) m.getContent();
        Part body = parts.getBodyPart(0);
        assertTrue(body.isMimeType("text/plain"), body.getContentType());
        return ((String) body.getContent()).replace("\r\n", "\n").strip();
    }

    /** The e-mail's invite.ics, read by biweekly: its method, the booking's UID and this sequence. */
    static VEvent invite(MimeMessage m, String booking, String method, int sequence) throws Exception {
        Multipart parts = (Multipart) m.getContent();
        assertEquals(2, parts.getCount());
        Part a = parts.getBodyPart(1);
        assertEquals("invite.ics", a.getFileName());
        assertEquals(Part.ATTACHMENT, a.getDisposition());
        assertTrue(a.isMimeType("text/calendar"), a.getContentType());
        assertTrue(a.getContentType().toLowerCase().contains("method=" + method.toLowerCase()), a.getContentType());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.getInputStream().transferTo(bytes);
        ICalendar ical = Biweekly.parse(bytes.toString(StandardCharsets.UTF_8)).first();
        assertNotNull(ical, bytes.toString(StandardCharsets.UTF_8));
        assertEquals(method, ical.getMethod().getValue());
        assertEquals(1, ical.getEvents().size());
        VEvent ev = ical.getEvents().get(0);
        assertEquals(booking + "@talon", ev.getUid().getValue());
        assertEquals(sequence, ev.getSequence().getValue());
        // the e-mail names its message in the outbox
        String id = m.getHeader("X-Talon-Notification")[0];
        assertTrue(all().stream().anyMatch(n -> n.path("id").asText().equals(id) && n.path("key").asText().startsWith("booking:" + booking + ":")), id);
        return ev;
    }

    // ------------------------------------------------------------------ the SMSC

    /** The booking page with the booking, as its messages link it. */
    static String link(String code) {
        return PUBLIC_URL + "/book?branch=demo&code=" + code;
    }

    /** A short message as the SMSC received it, its concatenated parts put together. */
    record Sms(String to, int dataCoding, String text, int parts) {
    }

    /** A real SMPP server (jSMPP's server side): accepts binds with one password and keeps what is submitted, parts joined. */
    static final class Smsc implements AutoCloseable {
        final int port;
        final BlockingQueue<Sms> received = new LinkedBlockingQueue<>();
        private final SMPPServerSessionListener listener;
        private final List<SMPPServerSession> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Map<String, byte[][]> partial = new HashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private volatile boolean closed;

        Smsc(String systemId, String password) throws Exception {
            port = TalonProcess.freePort();
            listener = new SMPPServerSessionListener(port);
            listener.setMessageReceiverListener(new Receiver());
            Thread acceptor = new Thread(() -> {
                while (!closed) {
                    try {
                        SMPPServerSession s = listener.accept();
                        BindRequest b = s.waitForBind(5000);
                        if (b.getSystemId().equals(systemId) && b.getPassword().equals(password)) {
                            b.accept("notify-it-smsc");
                            sessions.add(s);
                        } else {
                            b.reject(org.jsmpp.SMPPConstant.STAT_ESME_RINVPASWD);
                        }
                    } catch (Exception e) {
                        if (!closed) e.printStackTrace();
                    }
                }
            }, "notify-it-smsc");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        /** The next whole message, within 20 s. */
        Sms next() throws InterruptedException {
            Sms s = received.poll(20, TimeUnit.SECONDS);
            assertNotNull(s, "the SMSC received no message");
            return s;
        }

        synchronized void submitted(SubmitSm sm) {
            byte[] b = sm.getShortMessage();
            boolean udh = (sm.getEsmClass() & 0x40) != 0;
            if (!udh) {
                received.add(new Sms(sm.getDestAddress(), sm.getDataCoding(), decode(b, sm.getDataCoding()), 1));
                return;
            }
            // UDH: length 5, IEI 0 (concatenation, 8-bit reference), 3, reference, total, this part
            assertEquals(0x05, b[0]);
            assertEquals(0x00, b[1]);
            String ref = sm.getDestAddress() + "/" + (b[3] & 0xff);
            int total = b[4];
            byte[][] parts = partial.computeIfAbsent(ref, r -> new byte[total][]);
            parts[b[5] - 1] = java.util.Arrays.copyOfRange(b, 6, b.length);
            for (byte[] p : parts) if (p == null) return;
            partial.remove(ref);
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            for (byte[] p : parts) whole.writeBytes(p);
            received.add(new Sms(sm.getDestAddress(), sm.getDataCoding(), decode(whole.toByteArray(), sm.getDataCoding()), total));
        }

        static String decode(byte[] b, int dataCoding) {
            return new String(b, dataCoding == 0x08 ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws Exception {
            closed = true;
            for (SMPPServerSession s : sessions) s.close();
            listener.close();
        }

        private final class Receiver implements ServerMessageReceiverListener {
            @Override
            public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
                submitted(submitSm);
                try {
                    return new SubmitSmResult(new MessageId(Integer.toHexString(ids.incrementAndGet())), new OptionalParameter[0]);
                } catch (Exception e) {
                    throw new ProcessRequestException(e.getMessage(), 8);
                }
            }

            @Override
            public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti m, SMPPServerSession s) throws ProcessRequestException {
                throw new ProcessRequestException("not supported", 3);
            }

            @Override
            public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession s) throws ProcessRequestException {
                throw new ProcessRequestException("not supported", 3);
            }

            @Override
            public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession s) throws ProcessRequestException {
                throw new ProcessRequestException("not supported", 3);
            }

            @Override
            public void onAcceptCancelSm(CancelSm c, SMPPServerSession s) throws ProcessRequestException {
                throw new ProcessRequestException("not supported", 3);
            }

            @Override
            public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession s) throws ProcessRequestException {
                throw new ProcessRequestException("not supported", 3);
            }

            @Override
            public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession s) throws ProcessRequestException {
                throw new ProcessRequestException("not supported", 3);
            }

            @Override
            public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession s) throws ProcessRequestException {
                throw new ProcessRequestException("not supported", 3);
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm d, Session s) throws ProcessRequestException {
                throw new ProcessRequestException("not supported", 3);
            }
        }
    }
}
