package org.talon.itest;

import org.talon.bench.Http;
import org.talon.bench.TalonProcess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.talon.bench.Http.basic;
import static org.talon.itest.Api.field;
import static org.talon.itest.Api.problem;

import java.net.URI;
import java.util.List;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API of the running distribution, over real HTTP on Karaf's Jetty. */
class HttpApiIT {
    static final String ADMIN_PW = "Http-Secret-7";
    static TalonProcess karaf;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        karaf = new TalonProcess("http", ADMIN_PW);
        // an operator account, added the way docs/api.md tells an admin to (Karaf hashes it at first login)
        java.nio.file.Files.writeString(karaf.home.resolve("etc/users.properties"), "anna = Anna-Secret-1,operator\n"
                + "mia = Mia-Secret-1,manager\nrita = Rita-Secret-1,reception\n", java.nio.file.StandardOpenOption.APPEND);
        karaf.start(Map.of("TALON_ADMIN_PASSWORD", ADMIN_PW));
        karaf.awaitReady();
        long deadline = System.currentTimeMillis() + 60_000;
        while (call("GET", "/capabilities", ADMIN, null, null).statusCode() != 200) {
            if (System.currentTimeMillis() > deadline) throw new IllegalStateException("API did not come up");
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() {
        if (karaf != null) karaf.close();
    }

    static final String ADMIN = basic("admin", ADMIN_PW);
    static final String ANNA = basic("anna", "Anna-Secret-1");

    static HttpResponse<String> call(String method, String path, String auth, String json, String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + karaf.httpPort + "/api/v1" + path));
        if (auth != null) b.header("Authorization", auth);
        if (language != null) b.header("Accept-Language", language);
        if (json != null) b.header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void capabilitiesAndBranchesNeedALoginOfAnyRole() throws Exception {
        HttpResponse<String> caps = call("GET", "/capabilities", ANNA, null, null);
        assertEquals(200, caps.statusCode());
        assertTrue(caps.body().contains("\"queue\""), caps.body());
        HttpResponse<String> branches = call("GET", "/branches", ANNA, null, null);
        assertTrue(branches.body().contains("\"id\":\"demo\"") && branches.body().contains("Europe/Warsaw"), branches.body());
        assertTrue(call("GET", "/branches/demo/services", ANNA, null, null).body().contains("Cash desk"));
        for (String p : new String[] {"/capabilities", "/branches", "/branches/demo/services", "/openapi.json"}) {
            problem(call("GET", p, null, null, null), 401, "login");
        }
    }

    /** Serves everyone waiting at counter 4, so a test starts with an empty hall. */
    static void serveEveryone() throws Exception {
        while (call("POST", "/branches/demo/counters/4/call", ADMIN, null, null).statusCode() == 200) {
            call("POST", "/branches/demo/counters/4/serve", ADMIN, null, null);
            call("POST", "/branches/demo/counters/4/finish", ADMIN, null, null);
        }
    }

    @Test
    void aFullTicketCycleOverHttp() throws Exception {
        serveEveryone();
        HttpResponse<String> issued = call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"C\",\"language\":\"pl\"}", null);
        assertEquals(201, issued.statusCode(), issued.body());
        String number = field(issued.body(), "number");
        assertTrue(number.startsWith("C"), issued.body());
        assertEquals("WAITING", field(issued.body(), "state"));
        assertTrue(issued.body().contains("\"position\":"), issued.body());
        HttpResponse<String> called = call("POST", "/branches/demo/counters/4/call", ADMIN, null, null);
        assertEquals(200, called.statusCode(), called.body());
        assertEquals(number, field(called.body(), "number"));
        assertEquals("SERVING", field(call("POST", "/branches/demo/counters/4/serve", ADMIN, null, null).body(), "state"));
        assertEquals("DONE", field(call("POST", "/branches/demo/counters/4/finish", ADMIN, null, null).body(), "state"));
        assertEquals(204, call("POST", "/branches/demo/counters/4/call", ADMIN, null, null).statusCode());
        // the Next key: finishes the current ticket and calls the next one in one request
        String second = field(call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"C\"}", null).body(), "number");
        String third = field(call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"C\"}", null).body(), "number");
        assertEquals(second, field(call("POST", "/branches/demo/counters/4/next", ADMIN, null, null).body(), "number"));
        assertEquals(third, field(call("POST", "/branches/demo/counters/4/next", ADMIN, null, null).body(), "number"));
        assertEquals(204, call("POST", "/branches/demo/counters/4/next", ADMIN, null, null).statusCode(), "third finished, no one left");
        assertTrue(call("GET", "/branches/demo/counters", ADMIN, null, null).body().contains("\"id\":\"4\",\"name\":\"Window 4\",\"names\":{\"en\":\"Window 4\",\"pl\":\"Stanowisko 4\",\"ru\":\"Окно 4\"},\"profile\":\"cash\",\"state\":\"OPEN\",\"operator\":null,\"ticket\":null"));
    }

    static HttpResponse<String> issueWithKey(String key) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + karaf.httpPort + "/api/v1/branches/demo/tickets"))
                .header("Authorization", ADMIN).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"B\",\"contact\":\"+48 600 100 200\"}")).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRetriedIssueWithTheSameIdempotencyKeyReturnsTheSameTicket() throws Exception {
        HttpResponse<String> first = issueWithKey("kiosk-3-7f2a");
        HttpResponse<String> retry = issueWithKey("kiosk-3-7f2a");
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(field(first.body(), "id"), field(retry.body(), "id"));
        assertEquals(field(first.body(), "number"), field(retry.body(), "number"));
        String other = field(issueWithKey("kiosk-3-7f2b").body(), "id");
        assertTrue(!other.equals(field(first.body(), "id")), "another key, another ticket");
    }

    @Test
    void aCustomerFollowsTheirTicketByItsPublicIdWithoutLoginAndWithoutContactData() throws Exception {
        serveEveryone();
        HttpResponse<String> issued = issueWithKey("public-page-" + System.nanoTime());
        String publicId = field(issued.body(), "publicId");
        assertTrue(publicId != null && publicId.length() >= 22, issued.body());
        HttpResponse<String> page = call("GET", "/tickets/" + publicId, null, null, null);
        assertEquals(200, page.statusCode(), page.body());
        assertEquals(field(issued.body(), "number"), field(page.body(), "number"));
        assertEquals("WAITING", field(page.body(), "state"));
        assertEquals("1", field(page.body(), "position"));
        // the whole contact, not a fragment of it: "600" also turns up in a nanosecond timestamp
        assertTrue(!page.body().contains("600 100 200") && !page.body().contains("contact") && !page.body().contains("\"id\""),
                "no contact data, no internal id: " + page.body());
        call("POST", "/branches/demo/counters/4/call", ADMIN, null, null);
        HttpResponse<String> called = call("GET", "/tickets/" + publicId, null, null, null);
        assertEquals("CALLED", field(called.body(), "state"));
        assertEquals("4", field(called.body(), "counter"));
        call("POST", "/branches/demo/counters/4/serve", ADMIN, null, null);
        call("POST", "/branches/demo/counters/4/finish", ADMIN, null, null);
        assertEquals("DONE", field(call("GET", "/tickets/" + publicId, null, null, null).body(), "state"));
        problem(call("GET", "/tickets/AAAAAAAAAAAAAAAAAAAAAA", null, null, null), 404, "no ticket");
    }

    @Test
    void kiosksAndDisplaysUseTokensThatAnAdminCreatesAndRevokes() throws Exception {
        // a kiosk token made on the console, a display token made over REST
        String out = karaf.client("talon:device-add kiosk-1 kiosk");
        Matcher m = Pattern.compile("shown only now: (\\S+)").matcher(out);
        assertTrue(m.find(), out);
        String kiosk = "Bearer " + m.group(1);
        HttpResponse<String> made = call("POST", "/devices", ADMIN, "{\"name\":\"hall-board\",\"role\":\"display\"}", null);
        assertEquals(201, made.statusCode(), made.body());
        String display = "Bearer " + field(made.body(), "token");
        problem(call("POST", "/devices", ANNA, "{\"name\":\"x\",\"role\":\"kiosk\"}", null), 403, "roles admin");
        problem(call("POST", "/devices", ADMIN, "{\"name\":\"kiosk-1\",\"role\":\"kiosk\"}", null), 409, "exists");
        problem(call("POST", "/devices", ADMIN, "{\"name\":\"Bad Name\",\"role\":\"kiosk\"}", null), 400, "device name");
        problem(call("POST", "/devices", ADMIN, "{\"name\":\"op\",\"role\":\"admin\"}", null), 400, "kiosk or display");
        String listed = call("GET", "/devices", ADMIN, null, null).body();
        assertTrue(listed.contains("kiosk-1") && listed.contains("hall-board") && !listed.contains(m.group(1)), listed);

        assertEquals(201, call("POST", "/branches/demo/tickets", kiosk, "{\"service\":\"A\"}", null).statusCode(), "kiosk issues");
        assertEquals(200, call("GET", "/branches/demo/queues", kiosk, null, null).statusCode());
        problem(call("POST", "/branches/demo/counters/1/call", kiosk, null, null), 403, "kiosk-1 may not");
        assertEquals(200, call("GET", "/branches/demo/queues", display, null, null).statusCode(), "display reads");
        problem(call("POST", "/branches/demo/tickets", display, "{\"service\":\"A\"}", null), 403, "hall-board may not");
        problem(call("GET", "/branches/demo/queues", "Bearer not-a-token", null, null), 401, "wrong");

        assertEquals(204, call("DELETE", "/devices/kiosk-1", ADMIN, null, null).statusCode());
        problem(call("POST", "/branches/demo/tickets", kiosk, "{\"service\":\"A\"}", null), 401, "wrong");
        assertTrue(karaf.client("talon:device-revoke hall-board").contains("revoked"));
        problem(call("GET", "/branches/demo/queues", display, null, null), 401, "wrong");
        problem(call("DELETE", "/devices/nobody", ADMIN, null, null), 404, "no device 'nobody'");
    }

    @Test
    void theOpenApiDocumentDescribesEveryRouteAndPassesAValidator() throws Exception {
        HttpResponse<String> doc = call("GET", "/openapi.json", ADMIN, null, null);
        assertEquals(200, doc.statusCode());
        io.swagger.v3.parser.core.models.ParseOptions options = new io.swagger.v3.parser.core.models.ParseOptions();
        options.setResolve(true);
        io.swagger.v3.parser.core.models.SwaggerParseResult result =
                new io.swagger.v3.parser.OpenAPIV3Parser().readContents(doc.body(), null, options);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), "validator: " + result.getMessages());
        var paths = result.getOpenAPI().getPaths();
        for (String p : new String[] {"/capabilities", "/branches/{branch}/tickets", "/tickets/{publicId}",
            "/branches/{branch}/counters/{counter}/call", "/devices", "/openapi.json"}) {
            assertTrue(paths.containsKey(p), "documents " + p + ": " + paths.keySet());
        }
        assertTrue(paths.get("/branches/{branch}/tickets").getPost().getRequestBody() != null);
        assertTrue(result.getOpenAPI().getComponents().getSchemas().containsKey("IssueBody"));
    }

    /**
     * The document's codes are the routes' own, not guessed: a POST that creates says 201 and
     * answers it, a call with no one waiting is documented as 204, a PUT of the site editor
     * documents 201 beside 200; answers that are not JSON are documented with their type.
     */
    @Test
    void theOpenApiDocumentSaysWhatEachRouteAnswersAndTheRoutesAnswerIt() throws Exception {
        var api = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(call("GET", "/openapi.json", ADMIN, null, null).body(), null, null)
                .getOpenAPI();
        var issue = api.getPaths().get("/branches/{branch}/tickets").getPost();
        assertTrue(issue.getResponses().containsKey("201"), issue.getResponses().keySet().toString());
        assertTrue(!issue.getResponses().containsKey("200"));
        assertTrue(issue.getResponses().keySet().containsAll(List.of("400", "401", "403", "404", "422", "503")), issue.getResponses().keySet().toString());
        assertEquals("#/components/schemas/TicketView", issue.getResponses().get("201").getContent().get("application/json").getSchema().get$ref());
        assertEquals(201, call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\"}", null).statusCode());
        var list = api.getPaths().get("/branches/{branch}/queues").getGet().getResponses().get("200").getContent().get("application/json").getSchema();
        assertEquals("array", list.getType());
        assertEquals("#/components/schemas/QueueView", list.getItems().get$ref());
        assertTrue(api.getPaths().get("/branches/{branch}/counters/{counter}/call").getPost().getResponses().containsKey("204"));
        assertTrue(api.getPaths().get("/branches/{branch}/site/services/{code}").getPut().getResponses().keySet().containsAll(List.of("200", "201", "409")));
        assertTrue(api.getPaths().get("/devices").getPost().getResponses().containsKey("201"));
        assertTrue(api.getPaths().get("/branches/{branch}/today.csv").getGet().getResponses().get("200").getContent().containsKey("text/csv"));
    }

    /** A route can answer other than JSON: the day so far as CSV a spreadsheet opens, named after the branch and the day. */
    @Test
    void theDaySoFarComesAsACsvFileForASpreadsheet() throws Exception {
        HttpResponse<String> csv = call("GET", "/branches/demo/today.csv", ADMIN, null, null);
        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").matches("attachment; filename=\"demo-\\d{4}-\\d{2}-\\d{2}\\.csv\""),
                csv.headers().map().toString());
        List<String> lines = csv.body().lines().toList();
        assertEquals("queue,served,no_shows,cancelled", lines.get(0));
        assertEquals(List.of("A", "B", "C"), lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).toList());
        assertTrue(csv.body().contains("\r\n"), "RFC 4180 line ends");
        assertEquals(404, call("GET", "/branches/nowhere/today.csv", ADMIN, null, null).statusCode());
        HttpResponse<String> refused = call("GET", "/branches/demo/today.csv", null, null, null);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void everyRoleOnEveryRouteIsAllowedOrRefusedAsDocumented() throws Exception {
        String kiosk = "Bearer " + field(call("POST", "/devices", ADMIN, "{\"name\":\"matrix-kiosk\",\"role\":\"kiosk\"}", null).body(), "token");
        String display = "Bearer " + field(call("POST", "/devices", ADMIN, "{\"name\":\"matrix-display\",\"role\":\"display\"}", null).body(), "token");
        Map<String, String> callers = new java.util.LinkedHashMap<>();
        callers.put("manager", basic("mia", "Mia-Secret-1"));
        callers.put("operator", ANNA);
        callers.put("reception", basic("rita", "Rita-Secret-1"));
        callers.put("kiosk", kiosk);
        callers.put("display", display);
        org.talon.bench.Adversary.Result r = new org.talon.bench.Adversary(karaf.httpPort, ADMIN, callers).run(1, "roles");
        System.out.println("role x route matrix: " + r.describe());
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        assertTrue(r.sent() >= 7 * 20, "pairs checked: " + r.sent());
    }

    @Test
    void webhooksArriveSignedInOrderAndAfterFailuresAreRetried() throws Exception {
        java.util.List<String> accepted = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.List<String> signatures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.List<byte[]> bodies = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            int n = attempts.incrementAndGet();
            int status = n <= 2 ? 500 : 204; // the receiver is down for the first two attempts
            if (status == 204) {
                accepted.add(new String(body, StandardCharsets.UTF_8));
                signatures.add(ex.getRequestHeaders().getFirst("X-Talon-Signature"));
                bodies.add(body);
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.start();
        try {
            serveEveryone();
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            HttpResponse<String> sub = call("POST", "/webhooks", ADMIN, "{\"url\":\"" + url
                    + "\",\"branch\":\"demo\",\"types\":[\"TicketIssued\",\"TicketCalled\"]}", null);
            assertEquals(201, sub.statusCode(), sub.body());
            String secret = field(sub.body(), "secret");
            problem(call("POST", "/webhooks", ADMIN, "{\"url\":\"ftp://x\",\"branch\":\"demo\",\"types\":[]}", null), 400, "http or https");
            java.util.List<String> numbers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) numbers.add(field(call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\"}", null).body(), "number"));
            call("POST", "/branches/demo/counters/4/call", ADMIN, null, null);
            long deadline = System.currentTimeMillis() + 30_000;
            while (accepted.size() < 5 && System.currentTimeMillis() < deadline) Thread.sleep(100);
            assertTrue(accepted.size() >= 5, "delivered: " + accepted);
            assertTrue(attempts.get() >= 7, "the two failed attempts were retried: " + attempts.get());
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            long previous = 0;
            for (int i = 0; i < accepted.size(); i++) {
                String expected = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(bodies.get(i)));
                assertEquals(expected, signatures.get(i), "signature of delivery " + i);
                long seq = Long.parseLong(field(accepted.get(i), "sequence"));
                assertTrue(seq > previous, "in log order: " + accepted);
                previous = seq;
                String type = field(accepted.get(i), "type");
                assertTrue(type.equals("TicketIssued") || type.equals("TicketCalled"), "only subscribed types: " + type);
            }
            for (int i = 0; i < 4; i++) assertTrue(accepted.get(i).contains("\"number\":\"" + numbers.get(i) + "\""), accepted.get(i));
            assertEquals("TicketCalled", field(accepted.get(4), "type"));
            String id = field(sub.body(), "id");
            assertTrue(call("GET", "/webhooks", ADMIN, null, null).body().contains(id));
            assertTrue(!call("GET", "/webhooks", ADMIN, null, null).body().contains(secret), "secret not listed");
            assertEquals(204, call("DELETE", "/webhooks/" + id, ADMIN, null, null).statusCode());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void stoppingTheQueueBundleRemovesItsRoutesOnlyAndStartingItBringsThemBack() throws Exception {
        assertTrue(call("GET", "/capabilities", ADMIN, null, null).body().contains("\"queue\""));
        karaf.client("bundle:stop org.talon.queue");
        try {
            long deadline = System.currentTimeMillis() + 30_000;
            while (call("GET", "/capabilities", ADMIN, null, null).body().contains("\"queue\"") && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(!call("GET", "/capabilities", ADMIN, null, null).body().contains("\"queue\""), "queue gone from capabilities");
            problem(call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\"}", null), 404, "no API resource");
            assertTrue(!call("GET", "/openapi.json", ADMIN, null, null).body().contains("/branches/{branch}/tickets"));
            assertEquals(200, call("GET", "/devices", ADMIN, null, null).statusCode(), "the rest keeps serving");
        } finally {
            karaf.client("bundle:start org.talon.queue");
        }
        long deadline = System.currentTimeMillis() + 30_000;
        int status = 0;
        while (System.currentTimeMillis() < deadline
                && (status = call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\"}", null).statusCode()) != 201) {
            Thread.sleep(100);
        }
        assertEquals(201, status, "queue routes are back");
        assertTrue(call("GET", "/capabilities", ADMIN, null, null).body().contains("\"queue\""));
    }

    @Test
    void loginsAndRolesAreChecked() throws Exception {
        problem(call("POST", "/branches/demo/tickets", null, "{\"service\":\"A\"}", null), 401, "needs a login");
        problem(call("POST", "/branches/demo/tickets", basic("karaf", "karaf"), "{\"service\":\"A\"}", null), 401, "wrong");
        problem(call("GET", "/branches/demo/queues", null, null, null), 401, "login");
        // an operator acts only at the counter where they are logged in
        problem(call("POST", "/branches/demo/counters/2/call", ANNA, null, null), 403, "not logged in at counter 2");
        HttpResponse<String> opened = call("POST", "/branches/demo/counters/2/open", ANNA, null, null);
        assertEquals(200, opened.statusCode(), opened.body());
        assertEquals("anna", field(opened.body(), "operator"));
        int status = call("POST", "/branches/demo/counters/2/call", ANNA, null, null).statusCode();
        assertTrue(status == 200 || status == 204, "anna calls at her counter: " + status);
        problem(call("POST", "/branches/demo/counters/1/call", ANNA, null, null), 403, "not logged in at counter 1");
    }

    @Test
    void badInputGetsAClearFourHundredAndChangesNothing() throws Exception {
        String before = call("GET", "/branches/demo/tickets", ADMIN, null, null).body();
        problem(call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":", null), 400, "not valid JSON");
        problem(call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\",\"colour\":\"red\"}", null), 400, "Unknown field 'colour'");
        problem(call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":[\"A\"]}", null), 400, "'service'");
        problem(call("POST", "/branches/demo/tickets", ADMIN, "{}", null), 400, "'service' is required");
        problem(call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\",\"priority\":\"KING\"}", null), 400, "priority");
        problem(call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"Z\"}", null), 404, "no service 'Z'");
        problem(call("POST", "/branches/nowhere/tickets", ADMIN, "{\"service\":\"A\"}", null), 404, "no branch 'nowhere'");
        problem(call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\",\"contact\":\"" + "x".repeat(70_000) + "\"}", null), 413, "65536");
        problem(call("POST", "/branches/demo/counters/99/call", ADMIN, null, null), 404, "no counter '99'");
        problem(call("GET", "/no/such/thing", null, null, null), 404, "no API resource");
        problem(call("DELETE", "/branches", ADMIN, null, null), 405, "allowed: GET");
        assertEquals(before, call("GET", "/branches/demo/tickets", ADMIN, null, null).body(), "nothing stored changed");
    }

    /** Reads SSE events from a raw connection until {@code count} events came or the time is up: their ids. */
    static java.util.List<long[]> readEvents(String lastEventId, int count, long millis) throws Exception {
        return SseEvents.read(karaf.httpPort, ADMIN, lastEventId, count, millis).stream().map(e -> new long[] {e.id()}).toList();
    }

    @Test
    void eventStreamResumesWithLastEventIdMissingNothingAndRepeatingNothing() throws Exception {
        for (int i = 0; i < 3; i++) assertEquals(201, call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"B\"}", null).statusCode());
        // a display reads the whole log so far, then its connection is cut
        java.util.List<long[]> first = readEvents(null, Integer.MAX_VALUE, 1500);
        assertTrue(first.size() >= 3, "events so far: " + first.size());
        long lastSeen = first.get(first.size() - 1)[0];
        for (int i = 0; i < first.size(); i++) assertEquals(i + 1, first.get(i)[0], "ids are the log's sequence numbers");
        // while it is away, five more tickets are issued
        for (int i = 0; i < 5; i++) assertEquals(201, call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"B\"}", null).statusCode());
        java.util.List<long[]> resumed = readEvents(String.valueOf(lastSeen), 5, 10_000);
        assertEquals(5, resumed.size(), "exactly the missed events");
        for (int i = 0; i < 5; i++) assertEquals(lastSeen + 1 + i, resumed.get(i)[0], "in order, none twice");
    }

    @Test
    void eventStreamDeliversLiveEventsAfterTheReplay() throws Exception {
        java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            long last = readEvents(null, Integer.MAX_VALUE, 1000).stream().mapToLong(a -> a[0]).max().orElse(0);
            var live = ex.submit(() -> readEvents(String.valueOf(last), 2, 10_000));
            Thread.sleep(500);
            assertEquals(201, call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\"}", null).statusCode());
            assertEquals(201, call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\"}", null).statusCode());
            java.util.List<long[]> got = live.get(15, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(2, got.size());
            assertEquals(last + 1, got.get(0)[0]);
            assertEquals(last + 2, got.get(1)[0]);
        } finally {
            ex.shutdownNow();
        }
        problem(call("GET", "/branches/demo/events", null, null, null), 401, "login");
    }

    @Test
    void twoThousandGeneratedBadRequestsNeverGetAServerError() throws Exception {
        org.talon.bench.MalformedRequests.Result r = org.talon.bench.MalformedRequests.send(karaf.httpPort, ADMIN,
                java.util.List.of(ANNA), 2000, 20261122L);
        System.out.println(r.describe());
        assertTrue(r.routes().contains("/branches/{branch}/counters/{counter}/call") && r.routes().contains("/devices/{name}"),
                "every route of the OpenAPI document is played: " + r.routes());
        assertTrue(r.unanswered().isEmpty(), "requests without an answer: " + r.unanswered());
        assertTrue(r.serverErrors().isEmpty(), r.serverErrors().size() + " server errors, the first: "
                + r.serverErrors().subList(0, Math.min(5, r.serverErrors().size())));
        assertTrue(r.sent() >= 1000, r.describe());
        assertEquals(200, call("GET", "/capabilities", ADMIN, null, null).statusCode(), "still healthy");
    }

    @Test
    void refusalsComeInTheCallersLanguage() throws Exception {
        problem(call("POST", "/branches/demo/counters/3/serve", ADMIN, null, "ru"), 409, "нет текущего талона");
        problem(call("POST", "/branches/demo/counters/3/serve", ADMIN, null, "pl"), 409, "nie ma bieżącego biletu");
        problem(call("POST", "/branches/demo/counters/3/serve", ADMIN, null, "en"), 409, "has no current ticket");
    }

    @Test
    void problemTitlesAndDetailsOfTheWebBundleFollowAcceptLanguage() throws Exception {
        HttpResponse<String> ru = call("GET", "/no/such/thing", null, null, "ru");
        problem(ru, 404, "\"detail\":\"Ресурс API /no/such/thing не найден.\"");
        assertEquals("Не найдено", field(ru.body(), "title"));
        HttpResponse<String> pl = call("GET", "/no/such/thing", null, null, "pl-PL,pl;q=0.9,en;q=0.5");
        problem(pl, 404, "\"detail\":\"Nie ma zasobu API /no/such/thing\"");
        assertEquals("Nie znaleziono", field(pl.body(), "title"));
        HttpResponse<String> none = call("GET", "/no/such/thing", null, null, null);
        problem(none, 404, "\"detail\":\"There is no API resource /no/such/thing\"");
        assertEquals("Not found", field(none.body(), "title"));
        assertEquals("Not found", field(call("GET", "/no/such/thing", null, null, "de-DE").body(), "title"), "a language Talon does not speak");
        // status and type are the same in every language: they are what a program looks at
        for (HttpResponse<String> r : java.util.List.of(ru, pl, none)) {
            assertEquals("about:blank", field(r.body(), "type"), r.body());
            assertEquals("404", field(r.body(), "status"), r.body());
        }
        // refused before any route runs: a login, a role, a body the servlet cannot read
        HttpResponse<String> login = call("GET", "/branches", null, null, "ru");
        problem(login, 401, "Для этого ресурса нужно войти в систему.");
        assertEquals("Не авторизован", field(login.body(), "title"));
        HttpResponse<String> role = call("POST", "/devices", ANNA, "{\"name\":\"x\",\"role\":\"kiosk\"}", "pl");
        problem(role, 403, "Użytkownik anna nie może wykonać POST /devices; potrzebna jest jedna z ról: admin");
        assertEquals("Dostęp zabroniony", field(role.body(), "title"));
        problem(call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\",\"colour\":\"red\"}", "ru"), 400,
                "Неизвестное поле 'colour'");
    }

    @Test
    void aQueueRoutesFieldErrorHasItsTitleAndDetailInTheCallersLanguage() throws Exception {
        HttpResponse<String> pl = call("POST", "/branches/demo/tickets", ADMIN, "{}", "pl");
        problem(pl, 400, "\"detail\":\"Pole 'service' jest wymagane.\"");
        assertEquals("Nieprawidłowe żądanie", field(pl.body(), "title"));
        HttpResponse<String> ru = call("POST", "/branches/demo/tickets", ADMIN, "{}", "ru");
        problem(ru, 400, "\"detail\":\"Поле 'service' обязательно.\"");
        assertEquals("Неверный запрос", field(ru.body(), "title"));
        HttpResponse<String> en = call("POST", "/branches/demo/tickets", ADMIN, "{}", null);
        problem(en, 400, "\"detail\":\"Field 'service' is required.\"");
        assertEquals("Bad request", field(en.body(), "title"));
        // an engine refusal's title follows the language as its detail already did
        assertEquals("Konflikt", field(call("POST", "/branches/demo/counters/3/serve", ADMIN, null, "pl").body(), "title"));
    }
}
