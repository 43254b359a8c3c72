package org.talon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.talon.bench.Http.basic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.talon.bench.TalonProcess;

/**
 * Requests in the running distribution, through the real HTTP API, console and a real SMTP server
 * (GreenMail) started by the test: the public form and its field-by-field refusals, a request from
 * intake through assignment and work to its result with every change in its history, a
 * consultation's messages, documents collected through a pickup ticket that a counter calls,
 * ten staff taking one request at once, the feature coming and going under ticket load, and a
 * request surviving kill -9.
 *
 * <p>The demo branch is open day and night here and its staff work whenever it is open, so the
 * tests run at any hour; requests are not assigned by themselves, so the tests give them out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class WorkflowTests {
    static final String PW = "Workflow-Secret-5";
    static final String ADMIN = basic("admin", PW);
    static final String ANNA = basic("anna", "Anna-Secret-1");
    static final String PIOTR = basic("piotr", "Piotr-Secret-1");
    static final String MARTA = basic("marta", "Marta-Secret-1");
    static final String MIA = basic("mia", "Mia-Secret-1");
    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicInteger phones = new AtomicInteger(300_000);
    static TalonProcess karaf;
    static Api api;
    static GreenMail mail;
    /** A database server of the test's own, closed after the distribution stops; or null. */
    static AutoCloseable database;

    /** Starts the distribution on the embedded database, or on this PostgreSQL database. */
    static void startOn(String postgresUrl) throws Exception {
        int smtpPort = TalonProcess.freePort();
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        karaf = new TalonProcess(postgresUrl == null ? "workflow" : "workflow-pg", PW);
        if (postgresUrl != null) karaf.usePostgres(postgresUrl);
        karaf.setProperty("etc/org.talon.queue.branch-demo.cfg", "hours", "MON-SUN 00:00-24:00");
        karaf.setProperty("etc/org.talon.queue.branch-demo.cfg", "days", "");
        karaf.setProperty("etc/org.talon.workflow.branch-demo.cfg", "autoAssign", "false");
        StringBuilder users = new StringBuilder("anna = Anna-Secret-1,operator\npiotr = Piotr-Secret-1,operator\nmarta = Marta-Secret-1,operator\n"
                + "mia = Mia-Secret-1,manager\n");
        for (String s : List.of("anna", "piotr", "marta")) karaf.setProperty("etc/org.talon.workflow.staff-demo-" + s + ".cfg", "hours", "");
        for (int i = 1; i <= 10; i++) {
            users.append("clerk").append(i).append(" = Clerk-Secret-1,operator\n");
            Files.writeString(karaf.home.resolve("etc/org.talon.workflow.staff-demo-clerk" + i + ".cfg"),
                    "branch = demo\nid = clerk" + i + "\nname = Clerk " + i + "\nskills = complaints\n");
        }
        Files.writeString(karaf.home.resolve("etc/users.properties"), users.toString(), java.nio.file.StandardOpenOption.APPEND);
        String smtp = "etc/org.talon.notify.smtp.cfg";
        karaf.setProperty(smtp, "host", "127.0.0.1");
        karaf.setProperty(smtp, "port", String.valueOf(smtpPort));
        karaf.setProperty(smtp, "security", "none");
        karaf.setProperty(smtp, "from", "urzad@example.com");
        karaf.setProperty("etc/org.talon.notify.cfg", "publicUrl", "https://urzad.example.org");
        karaf.start(Map.of("TALON_ADMIN_PASSWORD", PW));
        karaf.awaitReady();
        api = new Api(karaf.httpPort).awaitUp(ADMIN);
        awaitRoute();
        karaf.client("feature:install talon-notify-smtp");
    }

    @AfterAll
    static void stop() throws Exception {
        if (mail != null) mail.stop();
        mail = null;
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
        while (api.call("GET", "/branches/demo/request-types", null, null).statusCode() != 200) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("the workflow routes did not come");
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

    static String complaint(String phone, String email) {
        return "{\"type\":\"complaint\",\"fields\":{\"subject\":\"Waited an hour\",\"amount\":\"120\",\"details\":\"The ticket was called twice\"},"
                + "\"contact\":{\"name\":\"Jan Kowalski\",\"phone\":" + (phone == null ? "null" : "\"" + phone + "\"") + ",\"email\":"
                + (email == null ? "null" : "\"" + email + "\"") + "},\"language\":\"pl\"}";
    }

    static JsonNode act(String id, String auth, String action, String assignee, String note, int status) throws Exception {
        String body = "{\"action\":\"" + action + "\",\"assignee\":" + (assignee == null ? "null" : "\"" + assignee + "\"") + ",\"note\":"
                + (note == null ? "null" : "\"" + note + "\"") + "}";
        return json(api.call("POST", "/requests/" + id + "/actions", auth, body), status);
    }

    /** The e-mail to this address whose subject contains this text, once GreenMail has it. */
    static MimeMessage awaitMail(String to, String subject) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage m : mail.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().contains(to) && m.getSubject().contains(subject)) return m;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no e-mail to " + to + " about " + subject);
    }

    /** The plain text of a message, whatever its parts. */
    static String text(MimeMessage m) throws Exception {
        return part(m.getContent());
    }

    private static String part(Object content) throws Exception {
        if (content instanceof String s) return s.replace("\r\n", "\n");
        if (content instanceof jakarta.mail.Multipart mp) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) b.append(part(mp.getBodyPart(i).getContent()));
            return b.toString();
        }
        return String.valueOf(content);
    }

    @Test
    @Order(1)
    void documentsAreCollectedThroughAPickupTicketThatACounterCallsAndTheOperatorMarksCollected() throws Exception {
        String email = "ewa" + phones.incrementAndGet() + "@example.com";
        String body = "{\"type\":\"passport\",\"fields\":{\"surname\":\"Nowak\",\"givenNames\":\"Ewa\",\"birthDate\":\"1990-01-31\",\"reason\":\"expired\","
                + "\"previousPassport\":\"AB1234567\"},\"contact\":{\"name\":\"Ewa Nowak\",\"email\":\"" + email + "\"},\"language\":\"pl\"}";
        JsonNode registered = json(api.call("POST", "/branches/demo/requests", null, body), 201);
        String id = registered.path("id").asText();
        assertTrue(id.matches("WAR-\\d{4}-\\d{6}"), id);
        assertEquals("REGISTERED", registered.path("state").asText());
        assertTrue(text(awaitMail(email, id)).contains("https://urzad.example.org/request?id=" + id), "the status link is in the e-mail");
        act(id, MIA, "ASSIGN", "anna", null, 200);
        act(id, ANNA, "START", null, null, 200);
        Api.problem(api.call("POST", "/requests/" + id + "/pickup", ADMIN, null, "Accept-Language", "pl"), 409, "nie jest jeszcze gotowa");
        JsonNode ready = act(id, ANNA, "READY", null, "Paszport nr EC7654321", 200);
        assertEquals("READY_FOR_PICKUP", ready.path("state").asText());
        assertFalse(ready.path("clockRunning").asBoolean(), "the clock stopped: " + ready);
        assertTrue(text(awaitMail(email, "gotowe")).contains(id), "told: your documents are ready, with the id");

        JsonNode pickup = json(api.call("POST", "/requests/" + id.toLowerCase() + "/pickup", ADMIN, null), 201);
        String number = pickup.path("number").asText();
        assertEquals("C", pickup.path("service").asText());
        assertEquals(number, json(api.call("POST", "/requests/" + id + "/pickup", ADMIN, null), 201).path("number").asText(), "the same ticket twice");
        JsonNode called = json(api.call("POST", "/branches/demo/counters/1/call", ADMIN, null), 200);
        assertEquals(number, called.path("number").asText());
        JsonNode linked = json(api.call("GET", "/branches/demo/tickets/" + called.path("id").asText() + "/request", ANNA, null), 200);
        assertEquals(id, linked.path("id").asText(), "the operator who called it sees the request");
        assertEquals("Ewa Nowak", linked.path("name").asText());
        JsonNode done = act(id, PIOTR, "COLLECT", null, null, 200);
        assertEquals("DONE", done.path("state").asText());
        JsonNode status = json(api.call("GET", "/requests/" + id + "/status?contact=" + q(email.toUpperCase()), null, null), 200);
        assertEquals("DONE", status.path("state").asText());
        assertEquals(number, status.path("ticketNumber").asText());
        Api.problem(api.call("POST", "/requests/" + id + "/pickup", ADMIN, null), 409, "collected already");
        JsonNode closed = json(api.call("GET", "/requests?branch=demo&state=DONE", ANNA, null), 200);
        assertTrue(closed.path("items").findValuesAsText("id").contains(id), "a closed request is in the closed list: " + closed);
    }

    @Test
    @Order(2)
    void theFormIsOfferedInTheCallersLanguageAndBadValuesAre400NamingEachFieldWithNothingStored() throws Exception {
        JsonNode types = json(api.call("GET", "/branches/demo/request-types", null, null, "Accept-Language", "ru"), 200);
        assertEquals(List.of("complaint", "passport", "question"), types.findValuesAsText("code"));
        assertEquals("Заявление на паспорт", types.get(1).path("name").asText());
        assertEquals("Фамилия", types.get(1).path("fields").get(0).path("label").asText());
        int before = json(api.call("GET", "/requests?branch=demo", ADMIN, null), 200).path("total").asInt();
        String bad = "{\"type\":\"passport\",\"fields\":{\"surname\":\"\",\"birthDate\":\"31.01.1990\",\"reason\":\"stolen\",\"previousPassport\":\"12\","
                + "\"colour\":\"red\"},\"contact\":{\"name\":\"\",\"phone\":\"12\",\"email\":\"not-an-address\"}}";
        HttpResponse<String> r = api.call("POST", "/branches/demo/requests", null, bad, "Accept-Language", "pl");
        Api.problem(r, 400, "Błędne wartości formularza");
        JsonNode p = JSON.readTree(r.body());
        Set<String> named = new HashSet<>(p.path("invalid-params").findValuesAsText("name"));
        assertEquals(Set.of("surname", "givenNames", "birthDate", "reason", "previousPassport", "colour", "contact.name", "contact.phone",
                "contact.email"), named, r.body());
        assertTrue(r.body().contains("Data urodzenia: „31.01.1990” nie jest datą"), "the reason names the field by its label: " + r.body());
        assertEquals(before, json(api.call("GET", "/requests?branch=demo", ADMIN, null), 200).path("total").asInt(), "nothing was stored");
        Api.problem(api.call("POST", "/branches/demo/requests", null, "{\"type\":\"visa\"}"), 404, "no requests of type visa");
        Api.problem(api.call("POST", "/branches/nowhere/requests", null, complaint(phone(), null)), 404, "no branch nowhere");
        Api.problem(api.call("GET", "/requests?branch=demo&state=LOST", ADMIN, null), 400, "no state LOST");
        Api.problem(api.call("GET", "/requests?branch=demo&limit=ten", ADMIN, null), 400, "whole number");
        Api.problem(api.call("GET", "/requests?branch=demo&state=DONE,REGISTERED", ADMIN, null), 400, "not both");
    }

    @Test
    @Order(3)
    void aRequestGoesFromIntakeThroughWorkToItsResultWithWhoDidWhatWhenInItsHistory() throws Exception {
        String phone = phone();
        String visit = Api.field(api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\"}").body(), "id");
        String atCounter = complaint(phone, null).replace("\"language\":\"pl\"}", "\"language\":\"pl\",\"visitTicket\":" + visit + "}");
        Api.problem(api.call("POST", "/branches/demo/requests", MARTA, atCounter.replace(":" + visit + "}", ":999999}")), 400, "no ticket 999999");
        JsonNode staffIntake = json(api.call("POST", "/branches/demo/requests", MARTA, atCounter), 201);
        assertEquals("COUNTER", staffIntake.path("intake").asText(), "an operator registers at the counter");
        assertEquals(Long.parseLong(visit), staffIntake.path("visitTicket").asLong(), "the visit it came from");
        assertEquals("marta", staffIntake.path("createdBy").asText());
        String id = staffIntake.path("id").asText();
        JsonNode open = json(api.call("GET", "/requests?branch=demo&assignee=-&type=complaint", ANNA, null), 200);
        assertTrue(open.path("items").findValuesAsText("id").contains(id), "in the queue of open requests nobody holds");
        Api.problem(api.call("POST", "/requests/" + id + "/actions", ANNA, "{\"action\":\"ASSIGN\",\"assignee\":\"piotr\"}"), 403, "Only a manager");
        Api.problem(api.call("POST", "/requests/" + id + "/actions", ANNA, "{\"action\":\"TAKE\"}"), 403, "lacks the skill complaints");
        act(id, MIA, "ASSIGN", "piotr", null, 200);
        Api.problem(api.call("POST", "/requests/" + id + "/actions", ANNA, "{\"action\":\"START\"}"), 403, "held by someone else");
        Api.problem(api.call("POST", "/requests/" + id + "/actions", PIOTR, "{\"action\":\"COMPLETE\"}"), 409, "while it is \u201cAssigned\u201d");
        Api.problem(api.call("POST", "/requests/" + id + "/actions", PIOTR, "{\"action\":\"FINISH\"}"), 400, "no action FINISH");
        act(id, PIOTR, "START", null, null, 200);
        act(id, PIOTR, "WAIT", null, "Please send the receipt", 200);
        JsonNode waiting = json(api.call("GET", "/requests/" + id, PIOTR, null), 200);
        assertFalse(waiting.path("clockRunning").asBoolean(), "the clock stands still while waiting for the customer");
        Thread.sleep(1100);
        assertEquals(waiting.path("secondsLeft").asLong(), json(api.call("GET", "/requests/" + id, PIOTR, null), 200).path("secondsLeft").asLong(),
                "what is left does not shrink while it waits");
        act(id, PIOTR, "RESUME", null, null, 200);
        Api.problem(api.call("POST", "/requests/" + id + "/actions", PIOTR, "{\"action\":\"REJECT\"}"), 400, "reason");
        JsonNode done = act(id, PIOTR, "COMPLETE", null, "Refund of 120 granted", 200);
        assertEquals("DONE", done.path("state").asText());
        Api.problem(api.call("POST", "/requests/" + id + "/actions", MIA, "{\"action\":\"CANCEL\"}"), 409, "is closed");
        JsonNode full = json(api.call("GET", "/requests/" + id, ANNA, null), 200);
        List<String> what = full.path("history").findValuesAsText("what");
        assertEquals(List.of("RequestRegistered", "RequestAssigned", "RequestStateChanged", "RequestStateChanged", "RequestStateChanged",
                "RequestStateChanged"), what);
        assertEquals(List.of("marta", "mia", "piotr", "piotr", "piotr", "piotr"), full.path("history").findValuesAsText("by"));
        assertEquals("Please send the receipt", full.path("history").get(3).path("detail").asText());
        JsonNode status = json(api.call("GET", "/requests/" + id + "/status?contact=" + q(phone), null, null, "Accept-Language", "pl"), 200);
        assertEquals("Zakończona", status.path("stateName").asText());
        assertEquals("Refund of 120 granted", status.path("result").asText());
        Api.problem(api.call("GET", "/requests/" + id + "/status?contact=" + q("+48999999999"), null, null), 404, "no request");
        Api.problem(api.call("GET", "/requests/" + id + "/status", null, null), 400, "contact");
    }

    @Test
    @Order(4)
    void aConsultationsCustomerAndStaffExchangeMessagesAndTheAnswerGoesOutByEmail() throws Exception {
        String email = "olga" + phones.incrementAndGet() + "@example.com";
        String body = "{\"type\":\"question\",\"fields\":{\"topic\":\"payments\",\"question\":\"Can I pay by card?\"},\"contact\":{\"name\":\"Olga\","
                + "\"email\":\"" + email + "\"},\"language\":\"en\"}";
        String id = json(api.call("POST", "/branches/demo/requests", null, body), 201).path("id").asText();
        act(id, MARTA, "TAKE", null, null, 200);
        act(id, MARTA, "START", null, null, 200);
        json(api.call("POST", "/requests/" + id + "/messages", MARTA, "{\"text\":\"Yes, at every counter.\"}"), 200);
        assertTrue(text(awaitMail(email, "An answer to your request " + id)).contains("Yes, at every counter."));
        JsonNode status = json(api.call("POST", "/requests/" + id + "/messages?contact=" + q(email), null, "{\"text\":\"Thank you!\"}"), 200);
        assertEquals(List.of("staff", "customer"), status.path("messages").findValuesAsText("from"));
        assertEquals(List.of("Yes, at every counter.", "Thank you!"), status.path("messages").findValuesAsText("text"));
        Api.problem(api.call("POST", "/requests/" + id + "/messages?contact=" + q(email), null, "{\"text\":\"  \"}"), 400, "empty");
    }

    @Test
    @Order(5)
    void tenStaffTakingOneRequestAtOnceOverHttpGiveItToExactlyOne() throws Exception {
        String id = json(api.call("POST", "/branches/demo/requests", null, complaint(phone(), null)), 201).path("id").asText();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> tries = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String auth = basic("clerk" + i, "Clerk-Secret-1");
            tries.add(pool.submit(() -> {
                go.await();
                return new Api(karaf.httpPort).call("POST", "/requests/" + id + "/actions", auth, "{\"action\":\"TAKE\"}");
            }));
        }
        go.countDown();
        List<String> winners = new ArrayList<>();
        int refused = 0;
        for (Future<HttpResponse<String>> t : tries) {
            HttpResponse<String> r = t.get();
            if (r.statusCode() == 200) winners.add(Api.field(r.body(), "assignee"));
            else if (r.statusCode() == 409) refused++;
            else throw new AssertionError(r.statusCode() + " " + r.body());
        }
        pool.shutdown();
        assertEquals(1, winners.size(), winners.toString());
        assertEquals(9, refused);
        assertEquals(winners.get(0), json(api.call("GET", "/requests/" + id, ADMIN, null), 200).path("assignee").asText());
    }

    @Test
    @Order(6)
    void theConsoleListsShowsAndActsOnRequests() throws Exception {
        String id = json(api.call("POST", "/branches/demo/requests", null, complaint(phone(), null)), 201).path("id").asText();
        String out = karaf.client("talon:requests --type complaint", "talon:request-act " + id + " ASSIGN clerk3", "talon:request " + id,
                "talon:request-staff");
        assertTrue(out.contains(id), out);
        assertTrue(out.contains("REGISTERED -> ASSIGNED clerk3"), out);
        assertTrue(out.contains("Passport application") && out.contains("clerk3"), out);
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> karaf.client("talon:request-act " + id + " COLLECT"));
        assertTrue(refused.getMessage().contains("is not allowed for request " + id), refused.getMessage());
    }

    @Test
    @Order(7)
    void theFeatureComesAndGoesUnderTicketLoadWithoutRestartingTheQueueOrLosingATicketOrARequest() throws Exception {
        String phone = phone();
        String id = json(api.call("POST", "/branches/demo/requests", null, complaint(phone, null)), 201).path("id").asText();
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
            karaf.client("feature:uninstall talon-workflow");
            assertEquals(404, api.call("GET", "/branches/demo/request-types", null, null).statusCode(), "its routes went with it");
            karaf.client("feature:install talon-workflow");
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
        for (String bsn : List.of("org.talon.queue", "org.talon.event", "org.talon.web", "org.talon.queue.api", "org.talon.ui", "org.talon.booking",
                "org.talon.notify")) {
            assertEquals(before.get(bsn), after.get(bsn), bsn + " kept its id and state");
        }
        assertFalse(before.get("org.talon.workflow").equals(after.get("org.talon.workflow")), "the workflow bundle itself was installed again");
        assertEquals("REGISTERED", json(api.call("GET", "/requests/" + id + "/status?contact=" + q(phone), null, null), 200).path("state").asText(),
                "the request is still there");
    }

    @Test
    @Order(8)
    void anAcknowledgedRequestSurvivesKill9AndTheNextIdFollowsIt() throws Exception {
        String phone = phone();
        JsonNode registered = json(api.call("POST", "/branches/demo/requests", null, complaint(phone, null)), 201);
        String id = registered.path("id").asText();
        act(id, MIA, "ASSIGN", "piotr", null, 200);
        karaf.kill9();
        karaf.start(Map.of("TALON_ADMIN_PASSWORD", PW));
        karaf.awaitReady();
        api.awaitUp(ADMIN);
        awaitRoute();
        JsonNode after = json(api.call("GET", "/requests/" + id, ADMIN, null), 200);
        assertEquals("ASSIGNED", after.path("state").asText());
        assertEquals("piotr", after.path("assignee").asText());
        assertEquals(2, after.path("history").size());
        assertEquals(Instant.parse(registered.path("createdAt").asText()), Instant.parse(after.path("createdAt").asText()));
        String next = json(api.call("POST", "/branches/demo/requests", null, complaint(phone(), null)), 201).path("id").asText();
        assertEquals(Long.parseLong(id.substring(id.lastIndexOf('-') + 1)) + 1, Long.parseLong(next.substring(next.lastIndexOf('-') + 1)),
                "numbers go on after the restart: " + id + " then " + next);
        assertTrue(Duration.ofSeconds(after.path("secondsLeft").asLong()).toHours() > 20, "its SLA kept: " + after);
    }

    @Test
    @Order(9)
    void thePublicFormTakesTenRequestsAnHourFromOneContactAndAPersonsDataIsErasedOnRequest() throws Exception {
        String phone = phone();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) ids.add(json(api.call("POST", "/branches/demo/requests", null, complaint(phone, null)), 201).path("id").asText());
        Api.problem(api.call("POST", "/branches/demo/requests", null, complaint(phone, null)), 429, "Too many requests from this contact");
        json(api.call("POST", "/branches/demo/requests", ANNA, complaint(phone, null)), 201); // staff are not limited
        act(ids.get(0), MIA, "CANCEL", null, null, 200);
        String out = karaf.client("talon:erase-contact \"" + phone + "\"");
        assertTrue(out.contains("11 requests"), out);
        Api.problem(api.call("GET", "/requests/" + ids.get(1) + "/status?contact=" + q(phone), null, null), 404, "no request");
        JsonNode kept = json(api.call("GET", "/requests/" + ids.get(0), ADMIN, null), 200);
        assertEquals("CANCELLED", kept.path("state").asText(), "the request itself stays");
        assertTrue(kept.path("phone").isNull() && kept.path("name").isNull(), "without its contact data: " + kept);
        assertEquals(0, kept.path("fields").size(), "and without its form's values");
        assertEquals(2, kept.path("history").size(), "its history stays");
    }
}
