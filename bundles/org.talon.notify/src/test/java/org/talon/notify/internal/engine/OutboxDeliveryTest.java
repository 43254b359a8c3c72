package org.talon.notify.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.notify.api.CalendarEntry;
import org.talon.notify.api.MessageStatus;
import org.talon.notify.api.MessageStatus.State;
import org.talon.notify.api.Notification;
import org.talon.notify.api.NotificationChannel;
import org.talon.notify.api.OutgoingMessage;
import org.talon.notify.internal.store.Outbox;
import org.talon.notify.internal.support.Configs;
import org.talon.notify.internal.support.TestDb;
import org.talon.notify.internal.support.MutableClock;
import org.talon.notify.internal.support.RecordingChannel;
import org.talon.notify.internal.support.TestTransaction;

/** The outbox on a real H2 database with the real delivery engine: commits, cancellations, retries, restarts, erasure. */
class OutboxDeliveryTest {
    static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    TestDb db;
    MutableClock clock;
    NotifyService service;
    RecordingChannel sms;
    RecordingChannel email;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDb();
        clock = new MutableClock(T0);
        service = service(Map.of());
        sms = new RecordingChannel();
        email = new RecordingChannel();
        add(service, sms, "sms");
        add(service, email, "email");
    }

    NotifyService service(Map<String, Object> config) {
        Map<String, Object> c = new HashMap<>(Map.of("firstRetrySeconds", 5, "maxRetrySeconds", 60, "maxAttempts", 4, "maxAgeHours", 24));
        c.putAll(config);
        return new NotifyService(new Outbox(db, clock), new Templates(null), Configs.of(NotifyConfig.class, c));
    }

    static void add(NotifyService s, NotificationChannel c, String kind) {
        s.addChannel(c, Map.of(NotificationChannel.KIND, kind));
    }

    static Notification.Builder reminder(String to) {
        return Notification.builder().key("booking:42:reminder").branch("demo").recipient(ContactAddress.parse(to)).recipientName("Łucja")
                .template("booking.reminder").language("pl").param("code", "K7MRT4").param("service", "Sprawy meldunkowe")
                .param("start", "wtorek 8 grudnia, 09:00").param("branch", "Urząd Dzielnicy").param("link", "https://q.example.org/b/K7MRT4");
    }

    MessageStatus only() {
        List<MessageStatus> all = service.messages("demo", 10);
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    @Test
    void aMessageOfACommandIsStoredWithItsCommitAndSentAfterIt() throws Exception {
        TestTransaction tx = new TestTransaction("demo", T0);
        String id = service.enqueue(tx, reminder("+48 600 100 200").build());
        assertEquals(List.of("insert notify_message"), tx.writes());
        assertEquals(List.of(), service.messages("demo", 10), "nothing before the commit");
        tx.commit(db);
        MessageStatus m = only();
        assertEquals(id, m.id());
        assertEquals(State.PENDING, m.state());
        assertEquals("sms", m.channel());
        assertEquals("+486••••••00", m.recipient());

        assertEquals(1, service.delivery().runOnce());
        assertEquals(1, sms.sent.size());
        OutgoingMessage out = sms.sent.get(0);
        assertEquals(id, out.id());
        assertEquals("+48600100200", out.recipient().value());
        assertEquals("Przypomnienie: Sprawy meldunkowe, wtorek 8 grudnia, 09:00, Urząd Dzielnicy. Kod K7MRT4. https://q.example.org/b/K7MRT4",
                out.text());
        assertEquals(List.of(), out.attachments());
        m = only();
        assertEquals(State.SENT, m.state());
        assertEquals(1, m.attempts());
        assertEquals(T0, m.sent());
        assertEquals(0, service.delivery().runOnce(), "sent once");
    }

    @Test
    void aReminderWaitsForItsTime() throws Exception {
        TestTransaction tx = new TestTransaction("demo", T0);
        service.enqueue(tx, reminder("+48600100200").notBefore(T0.plus(Duration.ofHours(2))).build());
        tx.commit(db);
        assertEquals(0, service.delivery().runOnce());
        assertEquals(T0.plus(Duration.ofHours(2)), only().nextAttempt());
        clock.advance(Duration.ofHours(2));
        assertEquals(1, service.delivery().runOnce());
        assertEquals(State.SENT, only().state());
    }

    @Test
    void aCancelledKeyIsNotSentButWhatIsEnqueuedAfterTheCancelIs() throws Exception {
        TestTransaction book = new TestTransaction("demo", T0);
        String first = service.enqueue(book, reminder("+48600100200").notBefore(T0.plus(Duration.ofHours(1))).build());
        book.commit(db);
        // a reschedule: the old reminder cancelled, the new one enqueued, in one command
        TestTransaction move = new TestTransaction("demo", T0.plusSeconds(60));
        service.cancel(move, "booking:42:reminder");
        String second = service.enqueue(move, reminder("+48600100200").param("start", "środa 9 grudnia, 10:00")
                .notBefore(T0.plus(Duration.ofHours(1))).build());
        assertEquals(List.of("put notify_cancel", "insert notify_message"), move.writes());
        move.commit(db);
        Map<String, State> states = new HashMap<>();
        for (MessageStatus m : service.messages("demo", 10)) states.put(m.id(), m.state());
        assertEquals(Map.of(first, State.CANCELLED, second, State.PENDING), states);
        clock.advance(Duration.ofHours(1));
        assertEquals(1, service.delivery().runOnce());
        assertEquals(1, sms.sent.size());
        assertTrue(sms.sent.get(0).text().contains("środa 9 grudnia"), sms.sent.get(0).text());
        assertEquals(List.of("CANCELLED", "SENT"), db.rows("SELECT state FROM notify_message ORDER BY created_at"),
                "the engine marks the cancelled one");
        // a cancellation holds for its branch only
        TestTransaction other = new TestTransaction("other", T0.plusSeconds(120));
        service.cancel(other, "booking:42:reminder");
        other.commit(db);
        assertEquals(State.SENT, service.messages("demo", 10).get(0).state());
    }

    @Test
    void aFailingChannelIsTriedAgainWithAGrowingPauseAndThenGivenUp() throws Exception {
        sms.failWith = "gateway says: no route to +48600100200";
        service.enqueue(reminder("+48600100200").build());
        assertEquals(1, service.delivery().runOnce());
        MessageStatus m = only();
        assertEquals(State.PENDING, m.state());
        assertEquals(1, m.attempts());
        assertEquals("IOException: gateway says: no route to +486••••••00", m.lastError(), "the number masked");
        assertEquals(T0.plusSeconds(5), m.nextAttempt());
        assertEquals(0, service.delivery().runOnce(), "not before its next try");
        long[] pauses = {10, 20};
        for (long p : pauses) {
            clock.advance(Duration.ofSeconds(p / 2));
            assertEquals(1, service.delivery().runOnce());
            assertEquals(clock.instant().plusSeconds(p), only().nextAttempt());
        }
        clock.advance(Duration.ofSeconds(20));
        assertEquals(1, service.delivery().runOnce());
        m = only();
        assertEquals(State.FAILED, m.state(), "after maxAttempts = 4");
        assertEquals(4, m.attempts());
        clock.advance(Duration.ofHours(1));
        assertEquals(0, service.delivery().runOnce());
        assertEquals(0, sms.sent.size());
    }

    @Test
    void backoffDoublesUpToItsLongestPause() {
        Duration first = Duration.ofSeconds(5);
        Duration max = Duration.ofMinutes(30);
        assertEquals(List.of(5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 1280L, 1800L, 1800L),
                java.util.stream.IntStream.rangeClosed(1, 11).mapToObj(n -> Delivery.backoff(n, first, max).toSeconds()).toList());
        assertEquals(max, Delivery.backoff(1000, first, max));
    }

    @Test
    void withoutAChannelOfItsKindAMessageWaitsSayingWhichAndGoesWhenOneComes() throws Exception {
        NotifyService bare = service(Map.of());
        bare.enqueue(reminder("+48600100200").build());
        assertEquals(0, bare.delivery().runOnce());
        MessageStatus m = bare.messages("demo", 10).get(0);
        assertEquals(State.PENDING, m.state());
        assertEquals(0, m.attempts());
        assertTrue(m.lastError().contains("no sms channel") && m.lastError().contains("talon-notify-sms"), m.lastError());
        add(bare, email, "email");
        assertEquals(0, bare.delivery().runOnce(), "an e-mail channel does not send SMS");
        RecordingChannel late = new RecordingChannel();
        add(bare, late, "sms");
        assertEquals(1, bare.delivery().runOnce());
        assertEquals(1, late.sent.size());
        assertNull(bare.messages("demo", 10).get(0).lastError());
    }

    @Test
    void theChannelWithTheHighestRankingSends() throws Exception {
        NotifyService s = service(Map.of());
        RecordingChannel low = new RecordingChannel();
        RecordingChannel high = new RecordingChannel();
        s.addChannel(low, Map.of(NotificationChannel.KIND, "sms"));
        s.addChannel(high, Map.of(NotificationChannel.KIND, "sms", org.osgi.framework.Constants.SERVICE_RANKING, 10));
        s.enqueue(reminder("+48600100200").build());
        s.delivery().runOnce();
        assertEquals(1, high.sent.size());
        s.removeChannel(high);
        s.enqueue(reminder("+48600100201").build());
        s.delivery().runOnce();
        assertEquals(1, low.sent.size());
    }

    @Test
    void aMessageTooLateToBeOfUseIsGivenUp() throws Exception {
        NotifyService bare = service(Map.of("maxAgeHours", 2));
        bare.enqueue(reminder("+48600100200").build());
        clock.advance(Duration.ofHours(3));
        bare.delivery().runOnce();
        MessageStatus m = bare.messages("demo", 10).get(0);
        assertEquals(State.FAILED, m.state());
        assertTrue(m.lastError().contains("2 h"), m.lastError());
    }

    @Test
    void anEmailCarriesItsRenderedBodyAndTheInvitation() throws Exception {
        CalendarEntry cal = new CalendarEntry("booking-42@talon", 0, Instant.parse("2026-12-08T08:00:00Z"),
                Instant.parse("2026-12-08T08:15:00Z"), "Wizyta: Sprawy meldunkowe", "Urząd Dzielnicy", "Kod K7MRT4", false);
        service.enqueue(reminder("Lucja@Example.PL").template("booking.confirmed").calendar(cal).build());
        service.delivery().runOnce();
        OutgoingMessage m = email.sent.get(0);
        assertEquals("lucja@example.pl", m.recipient().value());
        assertEquals("Twoja wizyta wtorek 8 grudnia, 09:00: kod K7MRT4", m.subject());
        assertTrue(m.text().startsWith("Dzień dobry, Łucja!\n\nTwoja wizyta jest zarezerwowana."), m.text());
        assertEquals(1, m.attachments().size());
        assertEquals("invite.ics", m.attachments().get(0).fileName());
        String ics = new String(m.attachments().get(0).content(), StandardCharsets.UTF_8);
        assertTrue(ics.contains("UID:booking-42@talon") && ics.contains("METHOD:REQUEST"), ics);
        assertEquals("l•••@example.pl", only().recipient());
    }

    @Test
    void whatIsStoredIsSentByTheNextEngineAfterARestart() throws Exception {
        sms.failWith = "down";
        service.enqueue(reminder("+48600100200").build());
        service.delivery().runOnce();
        // the process ends; a new one starts on the same database
        NotifyService after = service(Map.of());
        RecordingChannel back = new RecordingChannel();
        add(after, back, "sms");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(1, after.delivery().runOnce());
        assertEquals(1, back.sent.size());
        MessageStatus m = after.messages("demo", 10).get(0);
        assertEquals(State.SENT, m.state());
        assertEquals(2, m.attempts());
    }

    @Test
    void badNotificationsAreRefusedBeforeAnythingIsWritten() {
        TestTransaction tx = new TestTransaction("demo", T0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> service.enqueue(tx, reminder("+48600100200").template("booking.lost").build()));
        assertTrue(e.getMessage().contains("booking.lost"));
        assertThrows(IllegalArgumentException.class, () -> service.enqueue(tx, reminder("+48600100200").branch("other").build()));
        assertThrows(IllegalArgumentException.class, () -> service.enqueue(tx, reminder("+48600100200")
                .param("service", "x".repeat(5000)).build()));
        assertThrows(IllegalArgumentException.class, () -> service.cancel(tx, " "));
        assertThrows(IllegalArgumentException.class, () -> Notification.builder().branch("demo").template("ticket.near")
                .recipient(ContactAddress.parse("+48600100200")).build(), "no key");
        assertEquals(List.of(), tx.writes());
    }

    @Test
    void messagesAreListedNewestFirstPerBranch() throws Exception {
        service.enqueue(reminder("+48600100200").key("a").build());
        clock.advance(Duration.ofSeconds(1));
        service.enqueue(reminder("+48600100201").key("b").build());
        service.enqueue(reminder("+48600100202").key("c").branch("other").build());
        assertEquals(List.of("b", "a"), service.messages("demo", 10).stream().map(MessageStatus::key).toList());
        assertEquals(List.of("b"), service.messages("demo", 1).stream().map(MessageStatus::key).toList());
        assertEquals(List.of("c"), service.messages("other", 10).stream().map(MessageStatus::key).toList());
    }

    @Test
    void contactDataIsErasedAfterTheMessageEndedOrAtOnceForOnePerson() throws Exception {
        NotificationContactData data = new NotificationContactData(new Outbox(db, clock));
        assertEquals("notifications", data.name());
        service.enqueue(reminder("+48600100200").key("sent").build());
        service.delivery().runOnce();
        service.enqueue(reminder("+48600100200").key("later").notBefore(T0.plus(Duration.ofDays(1))).build());
        service.enqueue(reminder("anna@example.org").key("anna").notBefore(T0.plus(Duration.ofDays(1))).build());
        clock.advance(Duration.ofDays(30));

        assertEquals(1, data.eraseEndedBefore(T0.plus(Duration.ofDays(10))), "only the sent one; pending ones keep theirs");
        assertEquals(List.of("sent null null null SENT"),
                db.rows("SELECT msg_key, recipient, recipient_name, params, state FROM notify_message WHERE msg_key = 'sent'"));
        assertEquals(0, data.eraseEndedBefore(T0.plus(Duration.ofDays(10))), "nothing left to erase");

        assertEquals(1, data.erase(ContactAddress.parse("0048 600-100-200")));
        assertEquals(List.of("later null null null CANCELLED"),
                db.rows("SELECT msg_key, recipient, recipient_name, params, state FROM notify_message WHERE msg_key = 'later'"));
        assertFalse(db.rows("SELECT recipient FROM notify_message WHERE msg_key = 'anna'").contains("null"), "another person keeps theirs");
        service.delivery().runOnce();
        assertEquals(1, sms.sent.size(), "the erased one is never sent");
        MessageStatus later = service.messages("demo", 10).stream().filter(m -> m.key().equals("later")).findFirst().orElseThrow();
        assertNull(later.recipient());
        assertEquals(3, db.rows("SELECT id FROM notify_message").size(), "the rows stay: counts are kept");
    }
}
