package org.talon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.talon.bench.Http;
import org.talon.bench.TalonProcess;

/**
 * The hardware in the running distribution: the demo's virtual devices (a kiosk printer with a
 * fallback, a hall board, a counter display, a keypad, a feedback terminal) through the real HTTP
 * API, the console and the branch's event log.
 */
class HardwareIT {
    static final String PW = "Hardware-Secret-3";
    static final String ADMIN = Http.basic("admin", PW);
    static final ObjectMapper JSON = new ObjectMapper();
    static TalonProcess karaf;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        karaf = new TalonProcess("hardware", PW);
        karaf.start(Map.of("TALON_ADMIN_PASSWORD", PW));
        karaf.awaitReady();
        api = new Api(karaf.httpPort).awaitUp(ADMIN);
        awaitDevice("kiosk1", d -> d.path("state").asText().equals("ONLINE"));
    }

    @AfterAll
    static void stop() {
        if (karaf != null) karaf.close();
    }

    static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static JsonNode device(String id) throws Exception {
        return json(api.call("GET", "/branches/demo/hardware/" + id, ADMIN, null), 200);
    }

    /** Polls a device until the condition holds (5 s at most). */
    static JsonNode awaitDevice(String id, Predicate<JsonNode> condition) throws Exception {
        long end = System.currentTimeMillis() + 5000;
        JsonNode d;
        while (!condition.test(d = device(id))) {
            if (System.currentTimeMillis() > end) throw new AssertionError("device " + id + " is " + d);
            Thread.sleep(50);
        }
        return d;
    }

    static JsonNode issue(String service) throws Exception {
        return json(api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"" + service + "\"}"), 201);
    }

    static JsonNode print(JsonNode ticket) throws Exception {
        return json(api.call("POST", "/branches/demo/tickets/" + ticket.path("number").asText() + "/print", ADMIN, "{\"kiosk\":\"kiosk-1\"}"), 200);
    }

    static void set(String device, String state) throws Exception {
        json(api.call("POST", "/branches/demo/hardware/" + device + "/input", ADMIN, "{\"state\":\"" + state + "\"}"), 200);
    }

    /** The branch's events after {@code after} whose type is one of {@code types}, as far as they came within a second. */
    static List<JsonNode> events(long after, String... types) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (SseEvents.Event e : SseEvents.read(karaf.httpPort, ADMIN, String.valueOf(after), Integer.MAX_VALUE, 1000)) {
            if (!List.of(types).contains(e.type())) continue;
            com.fasterxml.jackson.databind.node.ObjectNode n = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(e.data());
            n.put("type", e.type());
            found.add(n);
        }
        return found;
    }

    static long lastEvent() throws Exception {
        List<SseEvents.Event> all = SseEvents.read(karaf.httpPort, ADMIN, "0", Integer.MAX_VALUE, 1000);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).id();
    }

    @Test
    void aKioskPrintsOnItsPrinterThenOnItsFallbackThenSaysTheTicketIsOnScreenOnly() throws Exception {
        long since = lastEvent();
        try {
            JsonNode first = print(issue("A"));
            assertEquals("PRINTED", first.path("outcome").asText(), first.toString());
            assertEquals("kiosk1", first.path("printer").asText());
            assertFalse(first.path("fallback").asBoolean());
            JsonNode onPaper = awaitDevice("kiosk1", d -> d.path("printed").size() > 0);
            assertEquals(first.path("number").asText(), onPaper.path("printed").get(0).path("number").asText(), "the kiosk printer's paper has it");
            assertTrue(onPaper.path("printed").get(0).path("url").asText().contains("/t/"), "with the phone page for its QR code");
            // asking again prints nothing more
            JsonNode again = json(api.call("POST", "/branches/demo/tickets/" + first.path("number").asText() + "/print", ADMIN, "{\"kiosk\":\"kiosk-1\"}"), 200);
            assertEquals(first, again);
            assertEquals(1, device("kiosk1").path("printed").size(), "printed once");

            set("kiosk1", "PAPER_OUT");
            JsonNode second = print(issue("A"));
            assertEquals("PRINTED", second.path("outcome").asText(), second.toString());
            assertEquals("reception", second.path("printer").asText(), "the fallback printer");
            assertEquals("Reception printer", second.path("printerLabel").asText());
            assertTrue(second.path("fallback").asBoolean());
            assertTrue(second.path("tried").get(0).asText().startsWith("kiosk1: PAPER_OUT"), second.toString());

            set("reception", "OFFLINE");
            JsonNode third = print(issue("A"));
            assertEquals("SHOWN_ON_SCREEN", third.path("outcome").asText(), third.toString());
            assertEquals(2, third.path("tried").size(), third.toString());

            List<JsonNode> printed = events(since, "TicketPrinted");
            assertEquals(List.of("PRINTED", "PRINTED", "SHOWN_ON_SCREEN"), printed.stream().map(e -> e.path("outcome").asText()).toList());
            assertEquals(List.of("kiosk1", "reception"), printed.stream().limit(2).map(e -> e.path("printer").asText()).toList());
            List<JsonNode> status = events(since, "HardwareStatusChanged");
            assertEquals(List.of("kiosk1 PAPER_OUT", "reception OFFLINE"),
                    status.stream().map(e -> e.path("hardware").asText() + " " + e.path("state").asText()).toList());
        } finally {
            set("kiosk1", "ONLINE");
            set("reception", "ONLINE");
        }
    }

    @Test
    void aCalledTicketReachesItsCounterDisplayTheHallBoardAndTheKeypadWhoseKeysActAtTheCounter() throws Exception {
        issue("A");
        issue("A");
        json(api.call("POST", "/branches/demo/counters/1/call", ADMIN, null), 200);
        JsonNode counter = awaitDevice("counter1", d -> d.path("showing").path("calls").size() == 1);
        String called = counter.path("showing").path("calls").get(0).path("number").asText();
        assertEquals(called, counter.path("showing").path("alert").path("number").asText(), "the call is the alert");
        JsonNode board = awaitDevice("board", d -> d.path("showing").path("calls").findValuesAsText("number").contains(called));
        assertEquals("Window 1", board.path("showing").path("calls").get(0).path("counterName").asText());
        awaitDevice("keypad1", d -> d.path("showing").path("line1").asText().equals(called) && d.path("showing").path("line2").asText().equals("Called"));

        // the keypad's NEXT finishes the ticket and calls the next one
        json(api.call("POST", "/branches/demo/hardware/keypad1/input", ADMIN, "{\"key\":\"NEXT\"}"), 200);
        JsonNode next = awaitDevice("counter1", d -> !d.path("showing").path("calls").findValuesAsText("number").contains(called)
                && d.path("showing").path("calls").size() == 1);
        String nextNumber = next.path("showing").path("calls").get(0).path("number").asText();
        assertFalse(called.equals(nextNumber), "another ticket: " + called + " then " + nextNumber);
        JsonNode counters = json(api.call("GET", "/branches/demo/counters", ADMIN, null), 200);
        for (JsonNode c : counters) {
            if (c.path("id").asText().equals("1")) assertEquals(nextNumber, c.path("ticket").path("number").asText(), "the engine agrees: " + c);
        }

        // served: the feedback terminal invites a rating for that ticket, and the rating is an event
        long since = lastEvent();
        json(api.call("POST", "/branches/demo/hardware/keypad1/input", ADMIN, "{\"key\":\"SERVE\"}"), 200);
        awaitDevice("feedback1", d -> d.path("showing").path("invite").asText().equals(nextNumber));
        json(api.call("POST", "/branches/demo/hardware/feedback1/input", ADMIN, "{\"rating\":4,\"scale\":5}"), 200);
        long end = System.currentTimeMillis() + 5000;
        List<JsonNode> ratings;
        while ((ratings = events(since, "FeedbackGiven")).isEmpty() && System.currentTimeMillis() < end) Thread.sleep(100);
        assertEquals(1, ratings.size(), ratings.toString());
        assertEquals(nextNumber, ratings.get(0).path("number").asText());
        assertEquals(4, ratings.get(0).path("rating").asInt());
        assertEquals("1", ratings.get(0).path("counter").asText());
        json(api.call("POST", "/branches/demo/hardware/keypad1/input", ADMIN, "{\"key\":\"FINISH\"}"), 200);
        awaitDevice("counter1", d -> d.path("showing").path("calls").isEmpty());
    }

    @Test
    void theConsoleListsTheHardwareAndBadInputIsRefusedWithWhatIsWrong() throws Exception {
        String out = karaf.client("talon:hardware");
        for (String id : List.of("kiosk1", "reception", "board", "counter1", "keypad1", "feedback1")) assertTrue(out.contains(id), out);
        assertTrue(out.contains("demo, kiosk kiosk-1"), out);
        Api.problem(api.call("POST", "/branches/demo/hardware/keypad1/input", ADMIN, "{\"key\":\"JUMP\"}"), 400, "Unknown key 'JUMP'");
        Api.problem(api.call("POST", "/branches/demo/hardware/feedback1/input", ADMIN, "{\"rating\":9,\"scale\":5}"), 400, "from 1 to its scale");
        Api.problem(api.call("POST", "/branches/demo/hardware/keypad1/input", ADMIN, "{\"key\":\"NEXT\",\"rating\":3}"), 400, "Send one of");
        Api.problem(api.call("POST", "/branches/demo/hardware/nope/input", ADMIN, "{\"key\":\"NEXT\"}"), 404, "no device 'nope'");
        Api.problem(api.call("GET", "/branches/demo/hardware/board?after=soon", ADMIN, null), 400, "after must be a version number");
        Api.problem(api.call("POST", "/branches/demo/tickets/Z999/print", ADMIN, "{\"kiosk\":\"kiosk-1\"}"), 404, "no ticket 'Z999'");
        JsonNode t = issue("A");
        Api.problem(api.call("POST", "/branches/demo/tickets/" + t.path("number").asText() + "/print", ADMIN, "{}"), 400, "Name the kiosk");
        Api.problem(api.call("GET", "/branches/demo/hardware", null, null), 401, "login");
    }
}
