package org.talon.queue.internal.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.talon.queue.api.TicketState;
import org.talon.queue.api.event.CounterEvent;
import org.talon.queue.api.event.TicketEvent;

/**
 * The queue domain's event payloads, as its API declares them ({@code org.talon.queue.api.event}),
 * written as JSON by Jackson: the text the log stores and the event stream and webhooks carry.
 * Fields without a value are left out; times are ISO-8601 in UTC.
 */
final class EventPayloads {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final ObjectWriter TICKET = JSON.writerFor(TicketEvent.class);
    private static final ObjectWriter COUNTER = JSON.writerFor(CounterEvent.class);

    private EventPayloads() {
    }

    /** A ticket event: the ticket after the change, and the counter that made it, if one did. */
    static TicketEvent ticket(LiveTicket t, LiveCounter c) {
        TicketEvent e = new TicketEvent();
        e.ticketId = t.id;
        e.number = t.number;
        e.service = t.service;
        e.queue = t.queue;
        e.priority = t.priority.name();
        e.channel = t.channel.name();
        e.language = t.language;
        e.state = t.state.name();
        e.issuedAt = t.issuedAt;
        if (c != null) {
            e.counter = c.id;
            e.counterName = c.name;
            e.operator = c.operator;
        }
        if (t.state == TicketState.WAITING && t.counter != null) e.toCounter = t.counter;
        e.toOperator = t.operatorPool;
        if (t.recalls > 0) e.recalls = t.recalls;
        return e;
    }

    static CounterEvent counter(LiveCounter c, String takenOverFrom, String by) {
        CounterEvent e = new CounterEvent();
        e.counter = c.id;
        e.counterName = c.name;
        e.state = c.state.name();
        e.operator = c.operator;
        e.takenOverFrom = takenOverFrom;
        e.by = by;
        return e;
    }

    static String json(TicketEvent e) {
        return write(TICKET, e);
    }

    static String json(CounterEvent e) {
        return write(COUNTER, e);
    }

    private static String write(ObjectWriter w, Object e) {
        try {
            return w.writeValueAsString(e);
        } catch (JsonProcessingException x) {
            // plain strings, numbers and an Instant: Jackson cannot fail on them
            throw new IllegalStateException("event payload not written", x);
        }
    }
}
