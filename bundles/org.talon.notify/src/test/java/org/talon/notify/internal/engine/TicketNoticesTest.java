package org.talon.notify.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.talon.event.api.DomainEvent;
import org.talon.notify.api.MessageStatus;
import org.talon.notify.api.MessageStatus.State;
import org.talon.notify.api.NotificationChannel;
import org.talon.notify.internal.store.Outbox;
import org.talon.notify.internal.support.Configs;
import org.talon.notify.internal.support.TestDb;
import org.talon.notify.internal.support.MutableClock;
import org.talon.notify.internal.support.RecordingChannel;
import org.talon.queue.api.Branch;
import org.talon.queue.api.Counter;
import org.talon.queue.api.QueueService;
import org.talon.queue.api.Ticket;
import org.talon.queue.api.TicketState;
import org.talon.queue.api.event.QueueEvents;

/** "Your turn is near" and "you are called" from the queue's events, once each, on a real H2 outbox. */
class TicketNoticesTest {
    static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    final List<Ticket> active = new CopyOnWriteArrayList<>();
    TestDb db;
    Outbox outbox;
    TicketNotices notices;
    NotifyService service;
    RecordingChannel sms;
    long seq;

    /** The queue engine as the notices read it: the branch, its counters, its active tickets. */
    QueueService queues() {
        Branch demo = Branch.builder().id("demo").name("Demo branch").names(Map.of("pl", "Oddział Demo")).zone(ZoneId.of("Europe/Warsaw"))
                .locales(List.of(Locale.forLanguageTag("pl"), Locale.ENGLISH)).build();
        Counter window = Counter.builder().branch("demo").id("3").name("Window 3").names(Map.of("pl", "Okienko 3", "ru", "Окно 3")).build();
        return (QueueService) Proxy.newProxyInstance(QueueService.class.getClassLoader(), new Class<?>[] {QueueService.class}, (p, m, a) ->
                switch (m.getName()) {
                    case "branch" -> demo;
                    case "counters" -> List.of(window);
                    case "activeTickets" -> List.copyOf(active);
                    case "ticket" -> active.stream().filter(t -> Long.toString(t.id()).equals(a[1]) || t.number().equals(a[1])).findFirst();
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDb();
        MutableClock clock = new MutableClock(T0);
        outbox = new Outbox(db, clock);
        Map<String, Object> c = new HashMap<>(Map.of("nearPosition", 2, "publicUrl", "https://q.example.org/"));
        NotifyConfig config = Configs.of(NotifyConfig.class, c);
        notices = new TicketNotices(null, queues(), outbox, config);
        service = new NotifyService(outbox, new Templates(null), config);
        sms = new RecordingChannel();
        service.addChannel(sms, Map.of(NotificationChannel.KIND, "sms"));
    }

    static Ticket ticket(long id, String number, String contact, String language, TicketState state, int position) {
        return Ticket.builder().id(id).branch("demo").number(number).contact(contact).language(language).state(state).position(position)
                .publicId("p" + id + "x").build();
    }

    void event(String type, long ticket, String counter) throws Exception {
        String payload = "{\"ticketId\":" + ticket + (counter == null ? "" : ",\"counter\":\"" + counter + "\",\"counterName\":\"Window " + counter + "\"")
                + ",\"state\":\"X\"}";
        notices.handle(new DomainEvent(++seq, "demo", type, T0, payload));
    }

    List<String> messages() {
        return service.messages("demo", 100).stream().map(m -> m.template() + " " + m.key() + " " + m.state()).sorted().toList();
    }

    @Test
    void aWaitingTicketWithAContactIsToldOnceWhenItIsNearAndWhenItIsCalled() throws Exception {
        active.add(ticket(1, "A001", null, null, TicketState.WAITING, 1));
        active.add(ticket(2, "A002", "+48 600 100 200", "pl", TicketState.WAITING, 2));
        active.add(ticket(3, "A003", "anna@example.org", null, TicketState.WAITING, 3));
        event(QueueEvents.TICKET_ISSUED, 2, null);
        assertEquals(List.of("ticket.near ticket:2:near PENDING"), messages(), "issued 2nd in line, with a contact");
        event(QueueEvents.TICKET_ISSUED, 2, null);
        event(QueueEvents.TICKET_ISSUED, 3, null);
        assertEquals(1, messages().size(), "an event handed again, or the next one, adds none");

        service.delivery().runOnce();
        assertEquals("Bilet A002: jesteś 2. w kolejce (Oddział Demo). Prosimy podejść do poczekalni. https://q.example.org/t/p2x",
                sms.sent.get(0).text());

        // A001 is called: A002 becomes 1st, A003 2nd
        active.set(0, ticket(1, "A001", null, null, TicketState.CALLED, 0));
        active.set(1, ticket(2, "A002", "+48600100200", "pl", TicketState.WAITING, 1));
        active.set(2, ticket(3, "A003", "anna@example.org", null, TicketState.WAITING, 2));
        event(QueueEvents.TICKET_CALLED, 1, "3");
        assertEquals(List.of("ticket.near ticket:2:near SENT", "ticket.near ticket:3:near PENDING"), messages());

        // A002 is called at window 3
        active.set(1, ticket(2, "A002", "+48600100200", "pl", TicketState.CALLED, 0));
        active.set(2, ticket(3, "A003", "anna@example.org", null, TicketState.WAITING, 1));
        event(QueueEvents.TICKET_CALLED, 2, "3");
        long calledSeq = seq;
        notices.handle(new DomainEvent(calledSeq, "demo", QueueEvents.TICKET_CALLED, T0, "{\"ticketId\":2,\"counter\":\"3\"}"));
        assertEquals(List.of("ticket.called ticket:2:called PENDING", "ticket.near ticket:2:near SENT", "ticket.near ticket:3:near PENDING"),
                messages(), "the same event handed again adds no second message");
        service.delivery().runOnce();
        assertEquals("Bilet A002 wywołany: Okienko 3 (Oddział Demo). Prosimy podejść teraz.", sms.sent.get(1).text(),
                "the counter's name in the ticket's language");
        assertEquals(2, sms.sent.size(), "the e-mail waits for an e-mail channel");
    }

    @Test
    void aTicketThatIsDoneBeforeItsMessageWentOutIsNotToldAnyMore() throws Exception {
        sms.failWith = "gateway down";
        active.add(ticket(5, "B005", "+48600100200", "ru", TicketState.WAITING, 1));
        event(QueueEvents.TICKET_ISSUED, 5, null);
        service.delivery().runOnce();
        active.set(0, ticket(5, "B005", "+48600100200", "ru", TicketState.CALLED, 0));
        event(QueueEvents.TICKET_CALLED, 5, "3");
        active.clear();
        event(QueueEvents.TICKET_FINISHED, 5, "3");
        List<MessageStatus> all = service.messages("demo", 10);
        assertEquals(2, all.size());
        assertTrue(all.stream().allMatch(m -> m.state() == State.CANCELLED), all.toString());
        sms.failWith = null;
        service.delivery().runOnce();
        assertEquals(0, sms.sent.size());
    }

    @Test
    void aCallHeardAfterTheTicketMovedOnTellsNothing() throws Exception {
        event(QueueEvents.TICKET_CALLED, 9, "3"); // not active any more (a late event after a restart)
        active.add(ticket(8, "C008", "+48600100200", null, TicketState.SERVING, 0));
        event(QueueEvents.TICKET_CALLED, 8, "3");
        assertEquals(List.of(), messages());
    }

    @Test
    void aTicketWithoutALanguageGetsTheBranchsFirstOne() throws Exception {
        active.add(ticket(4, "A004", "+48600100200", null, TicketState.CALLED, 0));
        event(QueueEvents.TICKET_CALLED, 4, "3");
        service.delivery().runOnce();
        assertTrue(sms.sent.get(0).text().startsWith("Bilet A004"), sms.sent.get(0).text());
    }

    @Test
    void aCallInOneQueueTellsOnlyThoseOfThatQueueThatMovedUp() throws Exception {
        active.add(Ticket.builder().id(7).branch("demo").number("B001").queue("B").contact("+48600100207").state(TicketState.WAITING)
                .position(1).publicId("p7x").build());
        notices.handle(new DomainEvent(++seq, "demo", QueueEvents.TICKET_CALLED, T0, "{\"ticketId\":70,\"queue\":\"A\",\"state\":\"CALLED\"}"));
        assertEquals(List.of(), messages(), "a call in A moves no one up in B");
        notices.handle(new DomainEvent(++seq, "demo", QueueEvents.TICKET_CALLED, T0, "{\"ticketId\":71,\"queue\":\"B\",\"state\":\"CALLED\"}"));
        assertEquals(List.of("ticket.near ticket:7:near PENDING"), messages());
    }

    @Test
    void aCallReadBeforeTheEngineShowsItIsToldAllTheSameAndAnEndedTicketIsNot() throws Exception {
        // a subscriber catching up from the database can be ahead of the engine's view: the ticket still shows WAITING
        active.add(ticket(8, "C008", "+48600100208", "pl", TicketState.WAITING, 1));
        event(QueueEvents.TICKET_CALLED, 8, "3");
        assertTrue(messages().contains("ticket.called ticket:8:called PENDING"), messages().toString());
        active.set(0, ticket(8, "C008", "+48600100208", "pl", TicketState.DONE, 0));
        event(QueueEvents.TICKET_CALLED, 8, "3");
        assertEquals(1, messages().stream().filter(m -> m.startsWith("ticket.called")).count(), "told once; a done ticket is not told again");
    }
}
