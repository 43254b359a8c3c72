package org.talon.queue.internal.engine;

import org.talon.queue.api.rule.CallRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.talon.queue.api.CounterAction;
import org.talon.queue.api.CounterCommand;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.PriorityClass;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.TicketState;

/** Who may act at a counter, idempotency keys per caller, and ids taken exactly as sent. */
class CounterAccessTest {
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    static CounterCommand as(String operator, CounterAction a) {
        return CounterCommand.byOperator("demo", "7", a, operator);
    }

    static CounterCommand asManager(String manager, CounterAction a, String operator) {
        return Fixtures.command("demo", "7", a, manager, true, operator, null);
    }

    static BranchState branch() {
        return new Fixtures().service("A").profile("all", CallRules.STRICT_ORDER, "A")
                .counter("7", "all").counter("8", "all").state();
    }

    static QueueException.Reason refusal(Runnable r) {
        return assertThrows(QueueException.class, r::run).reason();
    }

    @Test
    void anOperatorCannotOpenACounterAnotherOperatorIsLoggedInAtNorActThere() {
        BranchState s = branch();
        s.issue(IssueRequest.of("demo", "A"), T0);
        s.act(as("bob", CounterAction.OPEN), T0);
        LiveTicket called = s.act(as("bob", CounterAction.CALL), T0).ticket();
        s.drain();
        assertEquals(QueueException.Reason.ILLEGAL_STATE, refusal(() -> s.act(as("anna", CounterAction.OPEN), T0)));
        assertEquals(QueueException.Reason.FORBIDDEN, refusal(() -> s.act(as("anna", CounterAction.NO_SHOW), T0)));
        assertEquals(QueueException.Reason.FORBIDDEN, refusal(() -> s.act(as("anna", CounterAction.CALL), T0)));
        assertTrue(s.drain().isEmpty(), "a refusal changes nothing");
        assertEquals(TicketState.CALLED, called.state, "bob's customer is still bob's");
        assertEquals("bob", s.liveCounters().stream().filter(c -> c.id.equals("7")).findFirst().orElseThrow().operator);
        // bob closes; then the counter is free for anna
        s.act(as("bob", CounterAction.NO_SHOW), T0);
        s.act(as("bob", CounterAction.CLOSE), T0);
        assertEquals("anna", s.act(as("anna", CounterAction.OPEN), T0).counter().operator);
    }

    @Test
    void aManagerTakesACounterOverAndTheEventSaysFromWhomAndByWhom() {
        BranchState s = branch();
        s.act(as("bob", CounterAction.OPEN), T0);
        s.drain();
        assertEquals("anna", s.act(asManager("mia", CounterAction.OPEN, "anna"), T0).counter().operator);
        String payload = s.drain().events().get(0).payload();
        assertTrue(payload.contains("\"operator\":\"anna\"") && payload.contains("\"takenOverFrom\":\"bob\"")
                && payload.contains("\"by\":\"mia\""), payload);
        // and acts at any counter without logging in there
        s.issue(IssueRequest.of("demo", "A"), T0);
        assertEquals("A001", s.act(asManager("mia", CounterAction.CALL, null), T0).ticket().number);
    }

    @Test
    void aKeyIsKeptPerCallerAndAReuseForAnotherRequestIsRefused() {
        BranchState s = branch();
        IssueRequest kiosk1 = Fixtures.request("demo", "A", null, null, null, null, "k-1", "kiosk-1");
        LiveTicket first = s.issue(kiosk1, T0);
        assertEquals(first, s.issue(kiosk1, T0.plusSeconds(3)), "a retry gets its ticket");
        LiveTicket other = s.issue(Fixtures.request("demo", "A", null, null, null, null, "k-1", "kiosk-2"), T0);
        assertTrue(other != first, "another caller's same key is another request");
        for (IssueRequest changed : new IssueRequest[] {
            Fixtures.request("demo", "A", PriorityClass.VIP, null, null, null, "k-1", "kiosk-1"),
            Fixtures.request("demo", "A", null, null, "pl", null, "k-1", "kiosk-1"),
            Fixtures.request("demo", "A", null, null, null, "+48 600", "k-1", "kiosk-1")}) {
            assertEquals(QueueException.Reason.KEY_REUSED, refusal(() -> s.issue(changed, T0)), changed.toString());
        }
        // a key keeps working for the retry after the ticket moved on
        LiveTicket again = s.issue(kiosk1, T0.plusSeconds(9));
        assertEquals(first.number, again.number);
    }

    @Test
    void keysAreRestoredPerCallerAfterARestart() {
        BranchState s = branch();
        LiveTicket t = s.issue(Fixtures.request("demo", "A", null, null, null, null, "k-9", "kiosk-1"), T0);
        BranchState restarted = branch();
        restarted.restoreKey(t);
        restarted.restore(t);
        assertEquals(t.number, restarted.issue(Fixtures.request("demo", "A", null, null, null, null, "k-9", "kiosk-1"), T0).number);
        assertTrue(!t.number.equals(restarted.issue(Fixtures.request("demo", "A", null, null, null, null, "k-9", "kiosk-2"), T0).number));
    }

    @Test
    void idsAreExactlyWhatWasSent() {
        BranchState s = branch();
        assertEquals(QueueException.Reason.NOT_FOUND, refusal(() -> s.open("7 ", "bob", T0)));
        assertEquals(QueueException.Reason.NOT_FOUND, refusal(() -> s.open("\u30007", "bob", T0)));
        assertEquals(QueueException.Reason.NOT_FOUND, refusal(() -> s.issue(IssueRequest.of("demo", " A"), T0)));
        assertEquals("A001", s.issue(IssueRequest.of("demo", "a"), T0).number, "a service code is not case-sensitive");
    }

    @Test
    void limitsRefuseTooLongValuesAndControlCharacters() {
        Limits.check("operator", "x".repeat(64), Limits.OPERATOR);
        assertEquals("Field 'operator' may have at most 64 characters.",
                assertThrows(QueueException.class, () -> Limits.check("operator", "x".repeat(65), Limits.OPERATOR)).getMessage());
        assertEquals(QueueException.Reason.INVALID, refusal(() -> Limits.check("operator", "a\u0000b", 64)));
        assertEquals(QueueException.Reason.INVALID, refusal(() -> Limits.check("operator", "a\ud800", 64)));
        Limits.check("operator", "Ана \ud83d\ude00", 64);
    }
}
