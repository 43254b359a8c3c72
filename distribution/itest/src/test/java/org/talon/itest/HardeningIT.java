package org.talon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.talon.bench.Http.basic;
import static org.talon.itest.Api.field;
import static org.talon.itest.Api.problem;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.talon.bench.TalonProcess;

/**
 * The seventeen defects of the adversarial run of issue 9, each reproduced against the running
 * distribution over real sockets: every one gets a clear 4xx (or the documented behaviour) and
 * changes nothing stored. The generated form of these (every field and route of the OpenAPI
 * document, framing, stream churn) is {@code org.talon.bench.Adversary}, run by ReliabilityIT.
 */
class HardeningIT {
    static final String ADMIN_PW = "Hard-Secret-9";
    static final String ADMIN = basic("admin", ADMIN_PW);
    static final String BOB = basic("bob", "Bob-Secret-1");
    static final String ANNA = basic("anna", "Anna-Secret-1");
    static final String MIA = basic("mia", "Mia-Secret-1");
    static TalonProcess karaf;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        karaf = new TalonProcess("hardening", ADMIN_PW);
        java.nio.file.Files.writeString(karaf.home.resolve("etc/users.properties"),
                "anna = Anna-Secret-1,operator\nbob = Bob-Secret-1,operator\nmia = Mia-Secret-1,manager\n",
                java.nio.file.StandardOpenOption.APPEND);
        // a short longest replay, so that a test can go beyond it with a few dozen events
        karaf.setProperty("etc/org.talon.web.streams.cfg", "maxReplay", "30");
        karaf.startAndAwait();
        api = new Api(karaf.httpPort).awaitUp(ADMIN);
    }

    @AfterAll
    static void stop() {
        if (karaf != null) karaf.close();
    }

    static String tickets() throws Exception {
        return api.call("GET", "/branches/demo/tickets", ADMIN, null).body();
    }

    /** Defect 2: a value over its limit is refused by name before the writer, and fails no other client. */
    @Test
    void anOperatorNameOverItsLimitIsA400NamingFieldAndLimitAndTheKiosksBesideItAreServed() throws Exception {
        String name = "x".repeat(80);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> kiosks = new ArrayList<>();
            List<Future<HttpResponse<String>>> bad = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                kiosks.add(pool.submit(() -> api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"B\"}")));
                if (i % 10 == 0) {
                    bad.add(pool.submit(() -> api.call("POST", "/branches/demo/counters/2/open", ADMIN, "{\"operator\":\"" + name + "\"}")));
                    bad.add(pool.submit(() -> api.call("POST", "/branches/demo/counters/2/transfer", ADMIN, "{\"operator\":\"" + name + "\"}")));
                }
            }
            for (Future<HttpResponse<String>> k : kiosks) assertEquals(201, k.get(60, TimeUnit.SECONDS).statusCode());
            for (Future<HttpResponse<String>> b : bad) problem(b.get(60, TimeUnit.SECONDS), 400, "Field 'operator' may have at most 64 characters.");
        } finally {
            pool.shutdownNow();
        }
        assertFalse(api.call("GET", "/branches/demo/counters", ADMIN, null).body().contains(name), "nothing of it stored");
    }

    /** Defect 3: an operator cannot take over another operator's counter; a manager can, and it is recorded. */
    @Test
    void anOperatorCannotTakeACounterAnotherOperatorIsLoggedInAtAndAManagerTakeoverIsRecorded() throws Exception {
        assertEquals(200, api.call("POST", "/branches/demo/counters/3/open", BOB, null).statusCode());
        api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"C\"}");
        int called = api.call("POST", "/branches/demo/counters/3/call", BOB, null).statusCode();
        assertTrue(called == 200 || called == 204, "bob calls: " + called);
        String before = api.call("GET", "/branches/demo/counters", ADMIN, null).body();
        problem(api.call("POST", "/branches/demo/counters/3/open", ANNA, null), 409, "in use by operator bob");
        problem(api.call("POST", "/branches/demo/counters/3/noshow", ANNA, null), 403, "not logged in at counter 3");
        problem(api.call("POST", "/branches/demo/counters/3/close", ANNA, null, "Accept-Language", "pl"), 403, "nie jest zalogowany");
        assertEquals(before, api.call("GET", "/branches/demo/counters", ADMIN, null).body(), "bob's counter and customer are untouched");
        long last = lastSequence();
        HttpResponse<String> takeover = api.call("POST", "/branches/demo/counters/3/open", MIA, "{\"operator\":\"anna\"}");
        assertEquals(200, takeover.statusCode(), takeover.body());
        assertEquals("anna", field(takeover.body(), "operator"));
        String events = readEvents(String.valueOf(last), 1, 10_000);
        assertTrue(events.contains("CounterOpened") && events.contains("\"takenOverFrom\":\"bob\"") && events.contains("\"by\":\"mia\""), events);
        // and now it is anna's counter: bob is the one refused
        problem(api.call("POST", "/branches/demo/counters/3/recall", BOB, null), 403, "bob is not logged in at counter 3");
        api.call("POST", "/branches/demo/counters/3/noshow", ANNA, null);
        assertEquals(200, api.call("POST", "/branches/demo/counters/3/close", ANNA, null).statusCode());
    }

    /** Defect 4: a chunked body whose chunk size is not hexadecimal is a 400. */
    @Test
    void aMalformedChunkSizeIsA400() throws Exception {
        for (String size : List.of("ZZ", "-1", "FFFFFFFFFFFFFFFFFFFF")) {
            String answer = api.raw("POST /api/v1/branches/demo/tickets HTTP/1.1\r\nHost: x\r\nAuthorization: " + ADMIN
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + size
                    + "\r\n{\"service\":\"A\"}\r\n0\r\n\r\n", 10_000);
            assertEquals(400, Api.status(answer), size + ": " + answer);
        }
    }

    /** Defect 5: a broken percent-encoding in the query is a 400, not a 500. */
    @Test
    void aBrokenPercentEncodingInTheQueryIsA400() throws Exception {
        // raw requests: java.net.URI refuses to send most of these
        for (String q : List.of("from=%zz", "lastEventId=%ff%fe", "from=%", "from=now&from=start", "lastEventId=%C0%AF")) {
            String answer = api.raw("GET /api/v1/branches/demo/events?" + q + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + ADMIN
                    + "\r\nConnection: close\r\n\r\n", 5_000);
            assertEquals(400, Api.status(answer), q + ": " + answer);
            assertTrue(answer.contains("application/problem+json"), answer);
        }
        String queues = api.raw("GET /api/v1/branches/demo/queues?x=%C3 HTTP/1.1\r\nHost: x\r\nAuthorization: " + ADMIN
                + "\r\nConnection: close\r\n\r\n", 5_000);
        assertEquals(400, Api.status(queues), queues);
        assertTrue(queues.contains("query string"), queues);
    }

    /** Defect 6: an event stream answers its status line and headers at once. */
    @Test
    void anEventStreamSendsItsHeadersAtOnce() throws Exception {
        try (Socket s = new Socket("127.0.0.1", karaf.httpPort)) {
            s.setSoTimeout(5_000);
            long t0 = System.nanoTime();
            s.getOutputStream().write(("GET /api/v1/branches/demo/events?from=now HTTP/1.1\r\nHost: x\r\nAuthorization: " + ADMIN
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(status.contains(" 200"), status);
            // before the fix the first byte came with the first event or the 15 s heartbeat
            assertTrue(millis < 4_000, "status line after " + millis + " ms");
        }
    }

    /** Defect 7: a Last-Event-ID ahead of the log restarts the stream after the log's end, said first, and the next event comes. */
    @Test
    void aLastEventIdAheadOfTheLogRestartsTheStreamAndTheNextEventIsDelivered() throws Exception {
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            Future<String> stream = ex.submit(() -> readEvents("1000000", 2, 15_000));
            Thread.sleep(700);
            String number = field(api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\"}").body(), "number");
            String got = stream.get(20, TimeUnit.SECONDS);
            assertTrue(got.contains("event: StreamReset") && got.contains("\"lastEventId\":1000000"), got);
            assertTrue(got.contains("event: TicketIssued") && got.contains("\"number\":\"" + number + "\""), "not deaf: " + got);
        } finally {
            ex.shutdownNow();
        }
    }

    /** Replay is bounded per stream: one further behind than maxReplay starts that far before the end, and says so. */
    @Test
    void aStreamFurtherBehindThanTheLongestReplayStartsThereAfterAStreamReset() throws Exception {
        for (int i = 0; i < 40; i++) api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"B\"}");
        long last = lastSequence();
        String got = readEvents("1", 3, 10_000);
        assertTrue(got.contains("event: StreamReset") && got.contains("\"reason\":\"replayTooLong\"")
                && got.contains("\"startsAfter\":" + (last - 30)), got);
        assertTrue(got.contains("id: " + (last - 29) + "\n"), "the replay goes on from there: " + got);
        assertFalse(got.contains("id: 2\n"), got);
    }

    /** Defects 8 and 9: an unknown branch has no event stream and no webhook. */
    @Test
    void anUnknownBranchHasNoEventStreamAndNoWebhook() throws Exception {
        problem(api.call("GET", "/branches/nosuch/events", ADMIN, null), 404, "no branch 'nosuch'");
        problem(api.call("GET", "/branches/demo%20/events", ADMIN, null), 404, "no branch 'demo '");
        problem(api.call("POST", "/webhooks", ADMIN, "{\"url\":\"http://127.0.0.1:9/x\",\"branch\":\"nosuch\",\"types\":[]}"), 400,
                "no branch 'nosuch'");
        assertFalse(api.call("GET", "/webhooks", ADMIN, null).body().contains("nosuch"), "no subscription made");
    }

    /** Defect 10: idempotency keys belong to their caller, and a reuse with another body is a 422. */
    @Test
    void anIdempotencyKeyBelongsToItsCallerAndAReuseWithAnotherBodyIsA422() throws Exception {
        String key = "kiosk-key-" + System.nanoTime();
        HttpResponse<String> first = api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\"}", "Idempotency-Key", key);
        assertEquals(201, first.statusCode());
        assertEquals(field(first.body(), "id"),
                field(api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\"}", "Idempotency-Key", key).body(), "id"));
        String before = tickets();
        problem(api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"B\"}", "Idempotency-Key", key), 422,
                "was used for another request");
        problem(api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\",\"priority\":\"VIP\"}", "Idempotency-Key", key), 422, key);
        assertEquals(before, tickets(), "nothing issued");
        HttpResponse<String> other = api.call("POST", "/branches/demo/tickets", MIA, "{\"service\":\"A\"}", "Idempotency-Key", key);
        assertEquals(201, other.statusCode());
        assertNotEquals(field(first.body(), "id"), field(other.body(), "id"), "another caller's key is another ticket");
        assertNotEquals(field(first.body(), "publicId"), field(other.body(), "publicId"));
    }

    /** Defect 11: JSON types are strict; a wrong one is a 400 naming the field. */
    @Test
    void wrongJsonTypesAreRefusedByFieldNotCoerced() throws Exception {
        String before = tickets();
        Map<String, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put("/branches/demo/counters/4/open", new String[] {"{\"operator\":12345}", "operator"});
        cases.put("/branches/demo/tickets", new String[] {"{\"service\":\"A\",\"contact\":600100200}", "contact"});
        cases.put("/devices", new String[] {"{\"name\":123,\"role\":\"kiosk\"}", "name"});
        cases.put("/webhooks", new String[] {"{\"url\":\"http://127.0.0.1:9/x\",\"branch\":7,\"types\":[]}", "branch"});
        for (var c : cases.entrySet()) problem(api.call("POST", c.getKey(), ADMIN, c.getValue()[0]), 400, "Field '" + c.getValue()[1] + "' must be");
        problem(api.call("POST", "/webhooks", ADMIN, "{\"url\":\"http://127.0.0.1:9/x\",\"branch\":\"demo\",\"types\":[true]}"), 400, "'types[0]' must be a string");
        problem(api.call("POST", "/branches/demo/counters/4/transfer", ADMIN, "{\"counter\":9}"), 400, "'counter' must be a string");
        problem(api.call("POST", "/branches/demo/counters/4/transfer", ADMIN, "{\"queue\":\"A\",\"first\":\"true\"}"), 400, "'first' must be true or false");
        problem(api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":true}"), 400, "'service' must be a string");
        problem(api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\",\"language\":[\"pl\"]}", "Accept-Language", "ru"), 400,
                "Поле 'language' должно быть строкой");
        assertEquals(before, tickets(), "nothing stored");
        assertFalse(api.call("GET", "/counters", ADMIN, null).body().contains("12345"));
    }

    /** Defect 12: a field given twice is refused. */
    @Test
    void aFieldGivenTwiceIsRefused() throws Exception {
        String before = tickets();
        problem(api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\",\"service\":\"B\"}"), 400, "'service' appears more than once");
        assertEquals(before, tickets());
    }

    /** Defect 13: bytes that are not UTF-8 are refused, whatever they would decode to. */
    @Test
    void invalidUtf8IsRefused() throws Exception {
        String before = tickets();
        for (byte[] bad : List.of(new byte[] {(byte) 0xc1, (byte) 0x81}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80})) {
            byte[] body = new byte[14 + bad.length];
            System.arraycopy("{\"service\":\"".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 12);
            System.arraycopy(bad, 0, body, 12, bad.length);
            body[12 + bad.length] = '"';
            body[13 + bad.length] = '}';
            problem(api.bytes("POST", "/branches/demo/tickets", ADMIN, "application/json", body), 400, "not valid UTF-8");
        }
        problem(api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\",\"contact\":\"\\ud800\"}"), 400, "surrogate");
        problem(api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\",\"contact\":\"a\\u0000b\"}"), 400, "control character");
        assertEquals(before, tickets());
    }

    /** Defect 14: only application/json is JSON. */
    @Test
    void onlyApplicationJsonIsTakenAsJson() throws Exception {
        byte[] body = "{\"service\":\"A\"}".getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("application/jsonx", "application/json-patch+json", "application/json5", "text/json",
                "application/json; charset=iso-8859-1")) {
            assertEquals(415, api.bytes("POST", "/branches/demo/tickets", ADMIN, type, body).statusCode(), type);
        }
        assertEquals(201, api.bytes("POST", "/branches/demo/tickets", ADMIN, "application/json; charset=UTF-8", body).statusCode());
    }

    /** Defect 15: a problem names what is wrong, never the library that found it. */
    @Test
    void problemsNeverNameTheLibraryThatFoundThem() throws Exception {
        List<String> bodies = List.of("{\"service\":\"A\",\"contact\":NaN}", "{\"service\":" + "[".repeat(3000) + "}",
                "{\"service\":\"A\",\"contact\":" + "9".repeat(3000) + "}", "{\"service\":'A'}", "{\"service\":\"A\"} x",
                "{\"service\":\"A\",}", "{\"service\":\"A\"/*x*/}");
        for (String b : bodies) {
            HttpResponse<String> r = api.call("POST", "/branches/demo/tickets", ADMIN, b);
            assertEquals(400, r.statusCode(), b + ": " + r.body());
            for (String leak : List.of("Feature", "Constraints", "jackson", "Jackson", "com.fasterxml", "Exception", "`")) {
                assertFalse(r.body().contains(leak), "names the library (" + leak + "): " + r.body());
            }
        }
        problem(api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":" + "[".repeat(3000) + "}"), 400, "deeper than 16 levels");
    }

    /** Defect 16: an id is exactly what was sent; an encoded slash is part of it, not a separator. */
    @Test
    void idsAreExactlyWhatWasSentAndAnEncodedSlashSeparatesNothing() throws Exception {
        for (String padded : List.of("demo%E3%80%80", "demo%20", "%20demo", "demo%C2%A0")) {
            problem(api.call("GET", "/branches/" + padded + "/queues", ADMIN, null), 404, "no branch");
        }
        problem(api.call("GET", "/branches/demo%09/queues", ADMIN, null), 400, "control character");
        problem(api.call("GET", "/branches//queues", ADMIN, null), 404, "no API resource");
        problem(api.call("POST", "/branches/demo/counters/1%20/call", ADMIN, null), 404, "no counter '1 '");
        String slash = api.raw("GET /api/v1/branches/demo%2Fqueues HTTP/1.1\r\nHost: x\r\nAuthorization: " + ADMIN + "\r\nConnection: close\r\n\r\n", 5_000);
        int status = Api.status(slash);
        assertTrue(status == 404 || status == 400, slash);
        assertEquals(200, api.call("GET", "/branches/demo/queues", ADMIN, null).statusCode());
    }

    /** Defect 17: two Host headers (or two logins, two body types) are a 400. */
    @Test
    void aHeaderThatMustComeOnceIsRefusedWhenItComesTwice() throws Exception {
        for (String twice : List.of("Host: a\r\nHost: b", "Host: a\r\nAuthorization: " + ADMIN + "\r\nAuthorization: " + BOB)) {
            String answer = api.raw("GET /api/v1/branches HTTP/1.1\r\n" + twice + (twice.contains("Authorization") ? "" : "\r\nAuthorization: " + ADMIN)
                    + "\r\nConnection: close\r\n\r\n", 5_000);
            assertEquals(400, Api.status(answer), answer);
            assertTrue(answer.contains("may appear only once"), answer);
        }
        String health = api.raw("GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n", 5_000);
        assertEquals(400, Api.status(health), "outside the API too: " + health);
    }

    /** Streams per caller are limited: one more is a 429 with Retry-After, and closing one frees its place. */
    @Test
    void aCallerOverItsStreamLimitGetsA429() throws Exception {
        String kiosk = "Bearer " + field(api.call("POST", "/devices", ADMIN, "{\"name\":\"limit-kiosk\",\"role\":\"kiosk\"}").body(), "token");
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket s = new Socket("127.0.0.1", karaf.httpPort);
                s.setSoTimeout(5_000);
                s.getOutputStream().write(("GET /api/v1/branches/demo/events?from=now HTTP/1.1\r\nHost: x\r\nAuthorization: " + kiosk
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                assertTrue(line.contains(" 200"), "stream " + i + ": " + line);
                open.add(s);
            }
            HttpResponse<String> refused = api.call("GET", "/branches/demo/events?from=now", kiosk, null);
            problem(refused, 429, "limit-kiosk already holds 20 event streams");
            assertEquals("5", refused.headers().firstValue("Retry-After").orElse(""));
            open.remove(0).close();
            long deadline = System.currentTimeMillis() + 20_000;
            int status = 0;
            while (System.currentTimeMillis() < deadline) {
                // the server notices the closed one when a write to it fails: events make writes
                api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"C\"}");
                status = Api.status(api.raw("GET /api/v1/branches/demo/events?from=now HTTP/1.1\r\nHost: x\r\nAuthorization: " + kiosk
                        + "\r\nConnection: close\r\n\r\n", 1_000));
                if (status == 200) break;
                Thread.sleep(500);
            }
            assertEquals(200, status, "a closed stream gives its place back");
        } finally {
            for (Socket s : open) s.close();
        }
    }

    static long lastSequence() throws Exception {
        String all = readEvents(null, Integer.MAX_VALUE, 1500);
        long last = 0;
        for (String line : all.split("\n")) {
            if (line.startsWith("id: ")) last = Math.max(last, Long.parseLong(line.substring(4).trim()));
        }
        return last;
    }

    /** What a display reads on a raw connection until {@code count} events came or the time is up. */
    static String readEvents(String lastEventId, int count, long millis) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Socket socket = new Socket("127.0.0.1", karaf.httpPort)) {
            socket.setSoTimeout((int) millis);
            socket.getOutputStream().write(("GET /api/v1/branches/demo/events HTTP/1.1\r\nHost: x\r\nAuthorization: " + ADMIN + "\r\n"
                    + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            long deadline = System.currentTimeMillis() + millis;
            int events = 0;
            String line;
            try {
                while (events < count && System.currentTimeMillis() < deadline && (line = in.readLine()) != null) {
                    out.append(line).append('\n');
                    if (line.startsWith("data: ")) events++;
                }
            } catch (java.net.SocketTimeoutException e) {
                // no more within the time
            }
        }
        return out.toString();
    }
}
