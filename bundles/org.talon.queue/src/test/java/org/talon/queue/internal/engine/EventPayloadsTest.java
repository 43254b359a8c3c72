package org.talon.queue.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.talon.queue.api.Channel;
import org.talon.queue.api.CounterAction;
import org.talon.queue.api.CounterCommand;
import org.talon.queue.api.IssueRequest;
import org.talon.queue.api.PriorityClass;
import org.talon.queue.api.event.CounterEvent;
import org.talon.queue.api.event.QueueEvents;
import org.talon.queue.api.event.TicketEvent;

/** Every event the engine appends is its API's payload type, read back strictly, and holds no contact data. */
class EventPayloadsTest {
    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    /** Refuses any field the API's payload classes do not declare. */
    static final ObjectMapper STRICT = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void eachEventIsItsDeclaredPayloadAndNeverHoldsTheContact() throws Exception {
        BranchState s = Fixtures.simple();
        s.issue(Fixtures.request("demo", "A", PriorityClass.PRIORITY, Channel.KIOSK, "pl", "+48 600 100 200", null, null), T0);
        s.call("1", T0.plusSeconds(60));
        s.recall("1", T0.plusSeconds(70));
        s.serve("1", T0.plusSeconds(90));
        s.finish("1", T0.plusSeconds(300));
        s.pause("1", T0.plusSeconds(301));
        List<BranchState.PendingEvent> events = s.drain().events();
        assertEquals(List.of(QueueEvents.TICKET_ISSUED, QueueEvents.COUNTER_OPENED, QueueEvents.TICKET_CALLED,
                QueueEvents.TICKET_RECALLED, QueueEvents.TICKET_SERVING, QueueEvents.TICKET_FINISHED, QueueEvents.COUNTER_PAUSED),
                events.stream().map(BranchState.PendingEvent::type).toList());
        for (BranchState.PendingEvent e : events) {
            assertFalse(e.payload().contains("600"), "no contact data: " + e.payload());
            assertFalse(e.payload().contains("null"), "no field without a value: " + e.payload());
            if (QueueEvents.TICKET_EVENTS.contains(e.type())) STRICT.readValue(e.payload(), TicketEvent.class);
            else if (QueueEvents.COUNTER_EVENTS.contains(e.type())) STRICT.readValue(e.payload(), CounterEvent.class);
            else throw new AssertionError("undeclared event type " + e.type());
        }
        TicketEvent issued = STRICT.readValue(events.get(0).payload(), TicketEvent.class);
        assertEquals("A001", issued.number);
        assertEquals("PRIORITY", issued.priority);
        assertEquals("KIOSK", issued.channel);
        assertEquals("pl", issued.language);
        assertEquals(T0, issued.issuedAt);
        assertNull(issued.counter);
        assertTrue(events.get(0).payload().contains("\"issuedAt\":\"2026-11-23T08:00:00Z\""), events.get(0).payload());
        TicketEvent recalled = STRICT.readValue(events.get(3).payload(), TicketEvent.class);
        assertEquals("1", recalled.counter);
        assertEquals("Window 1", recalled.counterName);
        assertEquals(1, recalled.recalls);
    }

    @Test
    void aTakeoverNamesWhoWasLoggedInAndWhoTookOver() throws Exception {
        BranchState s = Fixtures.simple();
        s.act(Fixtures.command("demo", "1", CounterAction.OPEN, "anna", false, "anna", null), T0);
        s.act(Fixtures.command("demo", "1", CounterAction.OPEN, "sam", true, "mia", null), T0.plusSeconds(5));
        List<BranchState.PendingEvent> events = s.drain().events();
        CounterEvent takeover = STRICT.readValue(events.get(events.size() - 1).payload(), CounterEvent.class);
        assertEquals("mia", takeover.operator);
        assertEquals("anna", takeover.takenOverFrom);
        assertEquals("sam", takeover.by);
    }
}
