package org.talon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.talon.bench.Http.basic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.talon.bench.TalonProcess;

/**
 * Bookings in the running distribution, through the real HTTP API and console: slots from the
 * branch's calendar and staff, booking with a code, the contact as proof, 200 customers at once
 * for the last two places, check-in giving an appointment ticket that a counter calls, the
 * feature coming and going under ticket load, and a booking surviving kill -9.
 *
 * <p>The demo branch is open day and night here and books from now on, so the tests run at any
 * hour; two staff members serve General (A), so each of its slots takes two.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BookingTests {
    static final String PW = "Booking-Secret-4";
    static final String ADMIN = basic("admin", PW);
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    static TalonProcess karaf;
    static Api api;
    static final AtomicInteger phones = new AtomicInteger(100_000);

    /** Starts the distribution on the embedded database, or on this PostgreSQL database. */
    static void startOn(String postgresUrl) throws Exception {
        karaf = new TalonProcess(postgresUrl == null ? "booking" : "booking-pg", PW);
        if (postgresUrl != null) karaf.usePostgres(postgresUrl);
        karaf.setProperty("etc/org.talon.queue.branch-demo.cfg", "hours", "MON-SUN 00:00-24:00");
        karaf.setProperty("etc/org.talon.queue.branch-demo.cfg", "days", "");
        karaf.setProperty("etc/org.talon.booking.branch-demo.cfg", "minAheadMinutes", "0");
        karaf.setProperty("etc/org.talon.booking.resource-demo-anna.cfg", "hours", "");
        karaf.setProperty("etc/org.talon.booking.resource-demo-piotr.cfg", "hours", "");
        karaf.start(Map.of("TALON_ADMIN_PASSWORD", PW));
        karaf.awaitReady();
        api = new Api(karaf.httpPort).awaitUp(ADMIN);
        awaitRoute();
    }

    /** A database server of the test's own, closed after the distribution stops; or null. */
    static AutoCloseable database;

    @AfterAll
    static void stop() throws Exception {
        if (karaf == null) return;
        List<String> errors = karaf.log().lines().filter(l -> l.contains("| ERROR |") && l.contains("org.talon.")).toList();
        karaf.close();
        karaf = null;
        if (database != null) database.close();
        database = null;
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    static void awaitRoute() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (api.call("GET", "/branches/demo/booking/services", null, null).statusCode() != 200) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("the booking routes did not come");
            Thread.sleep(200);
        }
    }

    static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static String phone() {
        return "+48600" + phones.incrementAndGet();
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String body(String service, String start, String phone) {
        return "{\"service\":\"" + service + "\",\"start\":\"" + start + "\",\"contact\":{\"name\":\"Anna Nowak\",\"phone\":\"" + phone
                + "\"},\"language\":\"pl\"}";
    }

    /** The slots of a day, as the public booking page reads them. */
    static JsonNode slots(String service, LocalDate date) throws Exception {
        return json(api.call("GET", "/branches/demo/slots?service=" + service + "&date=" + date, null, null), 200).path("slots");
    }

    /** A slot of General that starts at least {@code ahead} from now and has both places free. */
    static String freeSlot(Duration ahead) throws Exception {
        OffsetDateTime after = OffsetDateTime.now().plus(ahead);
        for (int d = 0; d < 3; d++) {
            for (JsonNode s : slots("A", LocalDate.now(WARSAW).plusDays(d))) {
                if (OffsetDateTime.parse(s.path("start").asText()).isAfter(after) && s.path("available").asInt() == 2) return s.path("start").asText();
            }
        }
        throw new AssertionError("no free slot");
    }

    @Test
    @Order(1)
    void aBookedCustomerChecksInWithTheCodeAndIsCalledAtTheCounter() throws Exception {
        // the next slot of General starts within 15 minutes: its arrival window (15 minutes before) is open
        JsonNode first = json(api.call("GET", "/branches/demo/slots/first?service=A", null, null), 200);
        String start = first.path("start").asText();
        String phone = phone();
        JsonNode booking = json(api.call("POST", "/branches/demo/bookings", null, body("A", start, phone)), 201);
        String code = booking.path("code").asText();
        // one booked for later is early, and told from when it can check in
        String later = json(api.call("POST", "/branches/demo/bookings", null, body("A", freeSlot(Duration.ofHours(2)), phone)), 201).path("code").asText();
        Api.problem(api.call("POST", "/branches/demo/bookings/" + later + "/checkin", ADMIN, null, "Accept-Language", "pl"), 409, "Jesteś wcześniej");
        Api.problem(api.call("POST", "/branches/demo/bookings/AAAAAA/checkin", ADMIN, null), 404, "This code is not known here");
        JsonNode checkIn = json(api.call("POST", "/branches/demo/bookings/" + code + "/checkin", ADMIN, null), 201);
        assertEquals("CHECKED_IN", checkIn.path("booking").path("state").asText());
        assertEquals("APPOINTMENT", checkIn.path("ticket").path("priority").asText());
        String number = checkIn.path("ticket").path("number").asText();
        assertTrue(number.startsWith("A"), number);
        JsonNode again = json(api.call("POST", "/branches/demo/bookings/" + code + "/checkin", ADMIN, null), 201);
        assertEquals(number, again.path("ticket").path("number").asText(), "a second check-in gives the same ticket");
        JsonNode called = json(api.call("POST", "/branches/demo/counters/1/call", ADMIN, null), 200);
        assertEquals(number, called.path("number").asText());
        assertEquals("CHECKED_IN", json(api.call("GET", "/bookings/" + code + "?contact=" + q(phone), null, null), 200).path("state").asText());
    }

    @Test
    @Order(2)
    void aSlotIsBookedWithACodeThatReadsNothingWithoutItsContact() throws Exception {
        JsonNode services = json(api.call("GET", "/branches/demo/booking/services", null, null), 200);
        assertEquals("A", services.get(0).path("code").asText());
        assertEquals(15, services.get(0).path("durationMinutes").asInt());
        String start = freeSlot(Duration.ofHours(2));
        String phone = phone();
        JsonNode b = json(api.call("POST", "/branches/demo/bookings", null, body("A", start, phone)), 201);
        String code = b.path("code").asText();
        assertTrue(code.matches("[ACDEFHJKMNPRTUVWXY34679]{6}"), code);
        assertEquals("BOOKED", b.path("state").asText());
        assertEquals(OffsetDateTime.parse(start).toInstant(), OffsetDateTime.parse(b.path("start").asText()).toInstant());
        assertEquals(1, slotAt(start).path("available").asInt());
        assertEquals(2, slotAt(start).path("capacity").asInt());

        Api.problem(api.call("GET", "/bookings/" + code, null, null), 400, "contact");
        Api.problem(api.call("GET", "/bookings/" + code + "?contact=" + q("+48999999999"), null, null), 404, "No booking with that code");
        assertEquals(code, json(api.call("GET", "/bookings/" + code.toLowerCase() + "?contact=" + q(phone.replace("+48", "+48 ")), null, null), 200)
                .path("code").asText());
        HttpResponse<String> qr = api.call("GET", "/bookings/" + code + "/qr.png?contact=" + q(phone), null, null);
        assertEquals(200, qr.statusCode());
        assertEquals("image/png", qr.headers().firstValue("Content-Type").orElse(""));
        JsonNode cancelled = json(api.call("DELETE", "/bookings/" + code + "?contact=" + q(phone), null, null), 200);
        assertEquals("CANCELLED", cancelled.path("state").asText());
        assertEquals(2, slotAt(start).path("available").asInt(), "the slot is free again");

        // bad input: a clear 4xx each, nothing stored
        Api.problem(api.call("POST", "/branches/demo/bookings", null, body("A", start, "12ab"), "Accept-Language", "ru"), 400, "Это не номер телефона");
        Api.problem(api.call("POST", "/branches/demo/bookings", null, body("A", "tomorrow", phone())), 400, "not a time");
        Api.problem(api.call("POST", "/branches/demo/bookings", null, body("Z", start, phone())), 404, "cannot be booked");
        Api.problem(api.call("GET", "/branches/demo/slots?service=A&date=2026-13-01", null, null), 400, "not a date");
        Api.problem(api.call("GET", "/branches/demo/slots?date=2026-12-08", null, null), 400, "service");
        String tooFar = LocalDate.now(WARSAW).plusDays(70).atTime(10, 0).atZone(WARSAW).toOffsetDateTime().toString();
        Api.problem(api.call("POST", "/branches/demo/bookings", null, body("A", tooFar, phone())), 400, "60 days ahead");
        assertEquals(401, api.call("GET", "/branches/demo/schedule", null, null).statusCode(), "the schedule is staff's");
    }

    static JsonNode slotAt(String start) throws Exception {
        for (JsonNode s : slots("A", OffsetDateTime.parse(start).atZoneSameInstant(WARSAW).toLocalDate())) {
            if (OffsetDateTime.parse(s.path("start").asText()).isEqual(OffsetDateTime.parse(start))) return s;
        }
        throw new AssertionError("no slot at " + start);
    }

    @Test
    @Order(3)
    void twoHundredCustomersAtOnceForASlotOfTwoLeaveExactlyTwoBookingsAndClear409s() throws Exception {
        String start = freeSlot(Duration.ofHours(3));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + karaf.httpPort + "/api/v1/branches/demo/bookings"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body("A", start, phone()))).build();
            answers.add(http.sendAsync(r, HttpResponse.BodyHandlers.ofString()));
        }
        int created = 0;
        int full = 0;
        for (CompletableFuture<HttpResponse<String>> a : answers) {
            HttpResponse<String> r = a.get(60, java.util.concurrent.TimeUnit.SECONDS);
            if (r.statusCode() == 201) {
                created++;
            } else {
                Api.problem(r, 409, "has just been taken");
                full++;
            }
        }
        assertEquals(2, created);
        assertEquals(198, full);
        JsonNode day = json(api.call("GET", "/branches/demo/bookings?date=" + OffsetDateTime.parse(start).atZoneSameInstant(WARSAW).toLocalDate(),
                ADMIN, null), 200);
        int atThatTime = 0;
        Set<String> staff = ConcurrentHashMap.newKeySet();
        for (JsonNode b : day) {
            if (OffsetDateTime.parse(b.path("start").asText()).isEqual(OffsetDateTime.parse(start)) && b.path("state").asText().equals("BOOKED")) {
                atThatTime++;
                staff.add(b.path("resource").asText());
                assertTrue(b.path("phone").asText().contains("•"), "staff lists show contacts masked: " + b);
            }
        }
        assertEquals(2, atThatTime, "nothing half-written: the two bookings and no other");
        assertEquals(Set.of("anna", "piotr"), staff);
        assertEquals(0, slotAt(start).path("available").asInt());
    }

    @Test
    @Order(4)
    void theConsoleListsSlotsBooksChecksAndMovesBookings() throws Exception {
        String start = freeSlot(Duration.ofHours(4));
        String local = OffsetDateTime.parse(start).atZoneSameInstant(WARSAW).toLocalDateTime().toString();
        String out = karaf.client("talon:book A " + local + " \"Jan Kowalski\" jan@example.pl");
        assertTrue(out.contains("Booked: code "), out);
        String code = out.replaceAll("(?s).*Booked: code ([A-Z0-9]{6}).*", "$1");
        String resource = out.replaceAll("(?s).*, with (\\w+)\\..*", "$1");
        String other = resource.equals("anna") ? "piotr" : "anna";
        String date = local.substring(0, 10);
        assertTrue(karaf.client("talon:slots A " + date).contains("1 of 2 free"));
        assertTrue(karaf.client("talon:bookings " + date).contains(code));
        assertTrue(karaf.client("talon:booking-move " + code + " " + other).contains("moved to " + other));
        String schedule = karaf.client("talon:schedule " + date);
        assertTrue(schedule.contains(other + " (") && schedule.contains(code), schedule);
        JsonNode sched = json(api.call("GET", "/branches/demo/schedule?date=" + date, ADMIN, null), 200);
        assertEquals(3, sched.path("resources").size());
        assertTrue(karaf.client("talon:booking-cancel " + code).contains("cancelled"));
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> karaf.client("talon:checkin NOCODE"));
        assertTrue(refused.getMessage().contains("This code is not known here."), "a refusal is a console message: " + refused.getMessage());
        assertFalse(refused.getMessage().contains("Exception"), refused.getMessage());
    }

    @Test
    @Order(5)
    void theFeatureComesAndGoesUnderTicketLoadWithoutRestartingTheQueueOrLosingATicketOrABooking() throws Exception {
        String start = freeSlot(Duration.ofHours(5));
        String phone = phone();
        String code = json(api.call("POST", "/branches/demo/bookings", null, body("A", start, phone)), 201).path("code").asText();
        int queueStarts = ExampleDomainIT.count(karaf.log(), "Queue engine started");
        Map<String, String> before = HardwareIT.bundlesOf(karaf);
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> issued = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        Thread load = new Thread(() -> {
            Api a = new Api(karaf.httpPort);
            while (running.get()) {
                try {
                    HttpResponse<String> r = a.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"B\"}");
                    if (r.statusCode() == 201) issued.add(Api.field(r.body(), "id"));
                    else failures.incrementAndGet();
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            }
        });
        load.start();
        try {
            Thread.sleep(500);
            karaf.client("feature:uninstall talon-booking");
            assertEquals(404, api.call("GET", "/branches/demo/booking/services", null, null).statusCode(), "its routes went with it");
            karaf.client("feature:install talon-booking");
            awaitRoute();
            Thread.sleep(500);
        } finally {
            running.set(false);
            load.join();
        }
        assertEquals(0, failures.get(), "every ticket asked for during the change was issued");
        assertTrue(issued.size() > 10, "load ran: " + issued.size());
        JsonNode active = json(api.call("GET", "/branches/demo/tickets", ADMIN, null), 200);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (JsonNode t : active) ids.add(t.path("id").asText());
        assertTrue(ids.containsAll(issued), "no ticket lost");
        assertEquals(queueStarts, ExampleDomainIT.count(karaf.log(), "Queue engine started"), "the queue engine did not start again");
        Map<String, String> after = HardwareIT.bundlesOf(karaf);
        for (String bsn : List.of("org.talon.queue", "org.talon.event", "org.talon.web", "org.talon.queue.api", "org.talon.ui")) {
            assertEquals(before.get(bsn), after.get(bsn), bsn + " kept its id and state");
        }
        assertFalse(before.get("org.talon.booking").equals(after.get("org.talon.booking")), "the booking bundle itself was installed again");
        assertEquals("BOOKED", json(api.call("GET", "/bookings/" + code + "?contact=" + q(phone), null, null), 200).path("state").asText(),
                "the booking is still there");
    }

    @Test
    @Order(6)
    void anAcknowledgedBookingSurvivesKill9() throws Exception {
        String start = freeSlot(Duration.ofHours(6));
        String phone = phone();
        JsonNode booked = json(api.call("POST", "/branches/demo/bookings", null, body("A", start, phone)), 201);
        String code = booked.path("code").asText();
        karaf.kill9();
        karaf.start(Map.of("TALON_ADMIN_PASSWORD", PW));
        karaf.awaitReady();
        api.awaitUp(ADMIN);
        awaitRoute();
        JsonNode b = json(api.call("GET", "/bookings/" + code + "?contact=" + q(phone), null, null), 200);
        assertEquals("BOOKED", b.path("state").asText());
        assertEquals(1, slotAt(start).path("available").asInt(), "it still holds its place");
        assertEquals(booked.path("resource").asText(), b.path("resource").asText(), "with the staff member it was given");
        assertEquals(booked.path("id").asText(), b.path("id").asText());
    }

    @Test
    @Order(7)
    void onePersonsContactDataIsErasedOnRequestAndTheRetentionPeriodErasesWhatEndedLeavingTheCounts() throws Exception {
        String phone = phone();
        String start = freeSlot(Duration.ofHours(7));
        String code = json(api.call("POST", "/branches/demo/bookings", null, body("A", start, phone)), 201).path("code").asText();
        String ticket = Api.field(api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"C\",\"contact\":\"" + phone.replace("+48", "+48 ")
                + "\"}").body(), "id");
        String date = OffsetDateTime.parse(start).atZoneSameInstant(WARSAW).toLocalDate().toString();
        int bookingsBefore = json(api.call("GET", "/branches/demo/bookings?date=" + date, ADMIN, null), 200).size();

        String out = karaf.client("talon:erase-contact \"" + phone + "\"");
        assertTrue(out.contains("1 tickets") && out.contains("1 bookings"), out);
        assertFalse(out.contains(phone.substring(6)), "the console does not show the whole number: " + out);
        Api.problem(api.call("GET", "/bookings/" + code + "?contact=" + q(phone), null, null), 404, "No booking with that code");
        JsonNode day = json(api.call("GET", "/branches/demo/bookings?date=" + date, ADMIN, null), 200);
        assertEquals(bookingsBefore, day.size(), "the booking itself stays");
        for (JsonNode b : day) {
            if (b.path("code").asText().equals(code)) {
                assertTrue(b.path("name").isNull() && b.path("phone").isNull(), b.toString());
                assertEquals("BOOKED", b.path("state").asText());
            }
        }
        assertTrue(karaf.log().contains("Personal data: erased the contact data of one person"), "the log says what was erased");
        assertFalse(karaf.log().contains(phone.substring(4)), "and not whose");

        // a ticket with a contact that ended (cancelled): kept for the retention period, then its contact goes and the day's counts stay
        String other = phone();
        String number = Api.field(api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"C\",\"contact\":\"" + other + "\"}").body(), "number");
        karaf.client("talon:cancel " + number);
        String today = api.call("GET", "/branches/demo/today", ADMIN, null).body();
        assertTrue(karaf.client("talon:retention").contains("kept 90 days"));
        assertTrue(karaf.client("talon:retention --run").contains("Erased the contact data of nothing"), "nothing is 90 days old");
        karaf.client("config:property-set -p org.talon.privacy retentionDays 0");
        Thread.sleep(1500);
        String run = karaf.client("talon:retention --run");
        assertTrue(run.matches("(?s).*Erased the contact data of .*[1-9]\\d* tickets.*"), run);
        assertEquals(today, api.call("GET", "/branches/demo/today", ADMIN, null).body(), "the day's counts are unchanged");
        assertNotNull(ticket, "the ticket with the person's contact was issued");
    }
}
