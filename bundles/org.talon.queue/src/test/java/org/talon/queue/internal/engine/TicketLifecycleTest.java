package org.talon.queue.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.talon.queue.api.CounterState;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.TicketState;
import org.talon.queue.api.TransferTarget;

class TicketLifecycleTest {
    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    enum Action { RECALL, SERVE, FINISH, NOSHOW, PARK, TRANSFER }

    /** Which actions are legal for a counter's current ticket in each state. */
    static final Map<TicketState, Set<Action>> LEGAL = Map.of(
            TicketState.CALLED, EnumSet.of(Action.RECALL, Action.SERVE, Action.FINISH, Action.NOSHOW, Action.PARK, Action.TRANSFER),
            TicketState.SERVING, EnumSet.of(Action.FINISH, Action.PARK, Action.TRANSFER));

    static final Map<Action, TicketState> RESULT = Map.of(Action.RECALL, TicketState.CALLED, Action.SERVE,
            TicketState.SERVING, Action.FINISH, TicketState.DONE, Action.NOSHOW, TicketState.NO_SHOW, Action.PARK,
            TicketState.PARKED, Action.TRANSFER, TicketState.WAITING);

    static LiveTicket apply(BranchState s, Action a, Instant now) {
        return switch (a) {
            case RECALL -> s.recall("1", now);
            case SERVE -> s.serve("1", now);
            case FINISH -> s.finish("1", now);
            case NOSHOW -> s.noShow("1", now);
            case PARK -> s.park("1", now);
            case TRANSFER -> s.transfer("1", TransferTarget.queue("B"), now);
        };
    }

    /** A branch whose counter 1 holds one ticket in the given state. */
    static BranchState withCurrent(TicketState state) {
        BranchState s = Fixtures.simple();
        s.issue(IssueRequest.of("demo", "A"), T0);
        s.call("1", T0.plusSeconds(10));
        if (state == TicketState.SERVING) s.serve("1", T0.plusSeconds(20));
        s.drain();
        return s;
    }

    @ParameterizedTest
    @EnumSource(value = TicketState.class, names = {"CALLED", "SERVING"})
    void everyActionOnTheCurrentTicketIsAllowedOrRefusedByItsState(TicketState state) {
        for (Action a : Action.values()) {
            BranchState s = withCurrent(state);
            if (LEGAL.get(state).contains(a)) {
                LiveTicket t = apply(s, a, T0.plusSeconds(30));
                assertEquals(RESULT.get(a), t.state, a + " from " + state);
                assertTrue(!s.drain().events().isEmpty(), a + " records an event");
            } else {
                QueueException e = assertThrows(QueueException.class, () -> apply(s, a, T0.plusSeconds(30)), a + " from " + state);
                assertEquals(QueueException.Reason.ILLEGAL_STATE, e.reason());
                assertTrue(e.getMessage().contains("A001"), "names the ticket: " + e.getMessage());
                assertTrue(e.getMessage().contains(state == TicketState.CALLED ? "called" : "being served"),
                        "names the state: " + e.getMessage());
                assertTrue(s.drain().isEmpty(), "a refused command changes nothing");
                assertEquals(state, s.activeTickets().get(0).state());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void actionsOnACounterWithoutTicketAreRefused(Action a) {
        BranchState s = Fixtures.simple();
        s.issue(IssueRequest.of("demo", "A"), T0);
        s.drain();
        QueueException e = assertThrows(QueueException.class, () -> apply(s, a, T0));
        assertEquals(QueueException.Reason.ILLEGAL_STATE, e.reason());
        assertTrue(s.drain().isEmpty());
        assertEquals(TicketState.WAITING, s.activeTickets().get(0).state());
    }

    @Test
    void fullCycleWaitingCalledServingDone() {
        BranchState s = Fixtures.simple();
        LiveTicket t = s.issue(IssueRequest.of("demo", "A"), T0);
        assertEquals(TicketState.WAITING, t.state);
        assertEquals("A001", t.number);
        assertEquals(t, s.call("1", T0.plusSeconds(60)));
        assertEquals(TicketState.CALLED, t.state);
        assertEquals("1", t.counter);
        s.serve("1", T0.plusSeconds(90));
        assertEquals(TicketState.SERVING, t.state);
        s.finish("1", T0.plusSeconds(300));
        assertEquals(TicketState.DONE, t.state);
        assertTrue(s.activeTickets().isEmpty());
        var types = s.drain().events().stream().map(BranchState.PendingEvent::type).toList();
        assertEquals(java.util.List.of("TicketIssued", "CounterOpened", "TicketCalled", "TicketServing", "TicketFinished"), types);
    }

    @Test
    void theDaySoFarCountsServedNoShowsAndCancelledPerQueueAndStartsAgainTheNextDay() {
        BranchState s = Fixtures.simple();
        s.restoreDayCount(java.time.LocalDate.ofInstant(T0, Fixtures.WARSAW), "A", TicketState.DONE, 5);
        s.issue(IssueRequest.of("demo", "A"), T0);
        s.issue(IssueRequest.of("demo", "A"), T0);
        LiveTicket c = s.issue(IssueRequest.of("demo", "A"), T0);
        s.call("1", T0.plusSeconds(10));
        s.finish("1", T0.plusSeconds(20));
        s.call("1", T0.plusSeconds(30));
        s.noShow("1", T0.plusSeconds(40));
        s.cancel(c.number, T0.plusSeconds(50));
        var a = s.today(T0.plusSeconds(60)).stream().filter(d -> d.queue().equals("A")).findFirst().orElseThrow();
        assertEquals(6, a.served(), "5 stored and 1 now");
        assertEquals(1, a.noShows());
        assertEquals(1, a.cancelled());
        var next = s.today(T0.plus(java.time.Duration.ofDays(1))).stream().filter(d -> d.queue().equals("A")).findFirst().orElseThrow();
        assertEquals(0, next.served() + next.noShows() + next.cancelled(), "a new day starts at zero");
    }

    @Test
    void nextFinishesTheCurrentTicketWhetherCalledOrServedThenCalls() {
        BranchState s = withCurrent(TicketState.CALLED);
        LiveTicket a1 = s.find("A001");
        s.issue(IssueRequest.of("demo", "A"), T0.plusSeconds(1));
        s.issue(IssueRequest.of("demo", "A"), T0.plusSeconds(2));
        assertEquals("A002", s.next("1", T0.plusSeconds(30)).number);
        assertEquals(TicketState.DONE, a1.state, "a called ticket is finished");
        assertEquals(T0.plusSeconds(10), a1.servedAt, "its service counts from the call");
        s.serve("1", T0.plusSeconds(31));
        assertEquals("A003", s.next("1", T0.plusSeconds(40)).number);
        assertNull(s.next("1", T0.plusSeconds(50)), "A003 finished, no one left");
        assertEquals(0, s.activeTickets().size());
        assertThrows(QueueException.class, () -> s.next("9", T0));
    }

    @Test
    void aCalledTicketFinishedWithoutServeCountsItsServiceFromTheCall() {
        BranchState s = withCurrent(TicketState.CALLED);
        LiveTicket t = s.finish("1", T0.plusSeconds(70));
        assertEquals(TicketState.DONE, t.state);
        assertEquals(T0.plusSeconds(10), t.servedAt);
        assertEquals(java.util.List.of("TicketFinished"), s.drain().events().stream().map(BranchState.PendingEvent::type).toList());
        assertTrue(s.activeTickets().isEmpty());
    }

    @Test
    void callingWhileTheCounterHoldsATicketIsRefused() {
        BranchState s = withCurrent(TicketState.CALLED);
        s.issue(IssueRequest.of("demo", "A"), T0.plusSeconds(1));
        s.drain();
        QueueException e = assertThrows(QueueException.class, () -> s.call("1", T0.plusSeconds(40)));
        assertTrue(e.getMessage().contains("A001"), e.getMessage());
        assertTrue(s.drain().isEmpty());
    }

    @Test
    void callWithNoOneWaitingReturnsNothing() {
        BranchState s = Fixtures.simple();
        assertNull(s.call("2", T0));
        assertEquals(CounterState.OPEN, s.counterViews().get(1).state());
    }

    @Test
    void parkedTicketCanBeCalledBackAndCancelledButNotServed() {
        BranchState s = withCurrent(TicketState.SERVING);
        s.park("1", T0.plusSeconds(40));
        assertThrows(QueueException.class, () -> s.serve("1", T0.plusSeconds(41)));
        LiveTicket t = s.callParked("2", "A001", T0.plusSeconds(50));
        assertEquals(TicketState.CALLED, t.state);
        assertEquals("2", t.counter);
        s.park("2", T0.plusSeconds(60));
        assertEquals(TicketState.CANCELLED, s.cancel("A001", T0.plusSeconds(70)).state);
        assertThrows(QueueException.class, () -> s.cancel("A001", T0.plusSeconds(80)), "a final ticket is no longer active");
    }

    @Test
    void cancelIsOnlyForWaitingOrParkedTickets() {
        BranchState s = withCurrent(TicketState.CALLED);
        QueueException e = assertThrows(QueueException.class, () -> s.cancel("A001", T0.plusSeconds(40)));
        assertEquals(QueueException.Reason.ILLEGAL_STATE, e.reason());
        s.issue(IssueRequest.of("demo", "B"), T0.plusSeconds(41));
        assertEquals(TicketState.CANCELLED, s.cancel("B001", T0.plusSeconds(42)).state);
        assertEquals(0, s.waiting());
    }

    @Test
    void transferToACounterIsCalledOnlyThereAndFirst() {
        BranchState s = withCurrent(TicketState.SERVING);
        s.issue(IssueRequest.of("demo", "A"), T0.plusSeconds(1));
        s.transfer("1", TransferTarget.counter("3"), T0.plusSeconds(60));
        assertEquals("A002", s.call("2", T0.plusSeconds(61)).number, "counter 2 does not get a ticket sent to counter 3");
        assertEquals("A001", s.call("3", T0.plusSeconds(62)).number);
    }

    @Test
    void transferToAnOperatorPoolIsCalledWhereThatOperatorWorks() {
        BranchState s = withCurrent(TicketState.SERVING);
        s.open("4", "anna", T0.plusSeconds(1));
        s.transfer("1", TransferTarget.operator("anna"), T0.plusSeconds(60));
        assertNull(s.call("2", T0.plusSeconds(61)));
        assertEquals("A001", s.call("4", T0.plusSeconds(62)).number);
    }

    @Test
    void transferToAQueueLinesUpAtTheEndUnlessFirst() {
        BranchState s = withCurrent(TicketState.SERVING);
        s.issue(IssueRequest.of("demo", "B"), T0.plusSeconds(1));
        s.transfer("1", TransferTarget.queue("B"), T0.plusSeconds(60));
        LiveTicket b1 = s.call("1", T0.plusSeconds(61));
        assertEquals("B001", b1.number);
        s.serve("1", T0.plusSeconds(62));
        s.transfer("1", TransferTarget.builder().kind(TransferTarget.Kind.QUEUE).id("C").first(true).build(), T0.plusSeconds(63));
        s.issue(IssueRequest.of("demo", "C"), T0.plusSeconds(2));
        assertEquals("A001", s.call("2", T0.plusSeconds(64)).number, "A001 waits in B");
        assertEquals("B001", s.call("3", T0.plusSeconds(65)).number, "first in C");
    }

    @Test
    void unknownThingsAreNamedInTheRefusal() {
        BranchState s = Fixtures.simple();
        BiConsumer<Runnable, String> refused = (r, word) -> {
            QueueException e = assertThrows(QueueException.class, r::run);
            assertEquals(QueueException.Reason.NOT_FOUND, e.reason());
            assertTrue(e.getMessage().contains(word), e.getMessage());
        };
        refused.accept(() -> s.issue(IssueRequest.of("demo", "Z"), T0), "'Z'");
        refused.accept(() -> s.call("9", T0), "'9'");
        refused.accept(() -> s.cancel("A777", T0), "'A777'");
        QueueException lang = assertThrows(QueueException.class,
                () -> s.issue(Fixtures.request("demo", "A", null, null, "de", null, null), T0));
        assertEquals(QueueException.Reason.INVALID, lang.reason());
        assertTrue(s.drain().isEmpty());
    }

    @Test
    void closingACounterWithATicketIsRefusedAndPausingAClosedOne() {
        BranchState s = withCurrent(TicketState.CALLED);
        assertThrows(QueueException.class, () -> s.close("1", T0));
        assertThrows(QueueException.class, () -> s.pause("2", T0));
        assertEquals(CounterState.PAUSED, s.pause("1", T0).state);
    }

    @Test
    void refusalsAreTranslatedWithTheirStateAndAction() {
        BranchState s = withCurrent(TicketState.SERVING);
        QueueException e = assertThrows(QueueException.class, () -> s.noShow("1", T0));
        assertEquals("Ticket A001 is being served; it cannot be marked no-show.", e.getMessage());
        String ru = Messages.localized(e, java.util.Locale.forLanguageTag("ru"));
        assertTrue(ru.contains("A001") && ru.contains("обслуживается") && ru.contains("отметить как неявку"), ru);
        String pl = Messages.localized(e, java.util.Locale.forLanguageTag("pl"));
        assertTrue(pl.contains("w obsłudze") && pl.contains("oznaczyć jako nieobecny"), pl);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameTicket() {
        BranchState s = Fixtures.simple();
        IssueRequest r = Fixtures.request("demo", "A", null, null, null, null, "kiosk-7-req-42");
        LiveTicket first = s.issue(r, T0);
        s.drain();
        LiveTicket again = s.issue(r, T0.plusSeconds(5));
        assertEquals(first, again);
        assertTrue(s.drain().isEmpty(), "a retry changes nothing");
        assertEquals("A002", s.issue(IssueRequest.of("demo", "A"), T0.plusSeconds(6)).number);
        assertEquals("A003", s.issue(Fixtures.request("demo", "A", null, null, null, null, "other"), T0.plusSeconds(7)).number);
        assertThrows(QueueException.class, () -> s.issue(Fixtures.request("demo", "A", null, null, null, null, "k".repeat(101)), T0));
    }

    @Test
    void publicIdsAreUnguessableAndUnique() {
        BranchState s = Fixtures.simple();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = s.issue(IssueRequest.of("demo", "A"), T0).publicId;
            assertTrue(id.matches("[0-9a-f]{12}[A-Za-z0-9_-]{16}"), id);
            ids.add(id);
        }
        assertEquals(1000, ids.size());
        String earlier = s.issue(IssueRequest.of("demo", "A"), T0).publicId;
        String later = s.issue(IssueRequest.of("demo", "A"), T0).publicId;
        assertTrue(earlier.compareTo(later) < 0, "ids sort like the tickets they belong to: " + earlier + " " + later);
        LiveTicket t = s.issue(IssueRequest.of("demo", "B"), T0);
        assertEquals(t, s.findPublic(t.publicId));
    }

    @Test
    void messagesAreTranslated() {
        for (String lang : new String[] {"en", "ru", "pl"}) {
            String text = Messages.text(java.util.Locale.forLanguageTag(lang), "ticket.illegal", "A001", "x", "y");
            assertTrue(text.contains("A001") && !text.equals("ticket.illegal"), lang + ": " + text);
        }
        assertTrue(Messages.text(java.util.Locale.forLanguageTag("ru"), "console.nobody", "1").contains("никто"));
        assertTrue(Messages.text(java.util.Locale.forLanguageTag("pl"), "console.nobody", "1").contains("Nikt"));
    }
}
