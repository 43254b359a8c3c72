package org.talon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP API of a running distribution as a test calls it: through java.net.http, or raw bytes over a socket. */
final class Api {
    final int port;
    final HttpClient http = HttpClient.newHttpClient();

    Api(int port) {
        this.port = port;
    }

    /** Waits until the API answers this login (the routes of the domains come after Karaf's boot). */
    Api awaitUp(String auth) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (call("GET", "/capabilities", auth, null).statusCode() != 200) {
            if (System.currentTimeMillis() > deadline) throw new IllegalStateException("API did not come up");
            Thread.sleep(200);
        }
        return this;
    }

    HttpResponse<String> call(String method, String path, String auth, String json, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path));
        if (auth != null) b.header("Authorization", auth);
        if (json != null) b.header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(b.build());
    }

    /** A request with a body of exactly these bytes and this Content-Type. */
    HttpResponse<String> bytes(String method, String path, String auth, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (auth != null) b.header("Authorization", auth);
        return send(b.build());
    }

    /**
     * Whole answers within 30 s, so that a regression (a stream where an answer is due) fails the
     * test instead of hanging it: HttpRequest's own timeout ends at the headers, not the body.
     */
    private HttpResponse<String> send(HttpRequest request) throws Exception {
        var answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            answer.cancel(true);
            throw new AssertionError(request.method() + " " + request.uri() + " gave no whole answer within 30 s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    /** Sends raw bytes on a new connection and returns what came back within the time (or until closed). */
    String raw(byte[] request, int millis) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(millis);
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    if (out.size() > 1 << 20) break;
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // what came within the time
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    String raw(String request, int millis) throws IOException {
        return raw(request.getBytes(StandardCharsets.ISO_8859_1), millis);
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** A problem+json answer with this status whose detail contains {@code detailPart}. */
    static void problem(HttpResponse<String> r, int status, String detailPart) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0], r.body());
        assertTrue(r.body().contains(detailPart), "detail should mention '" + detailPart + "': " + r.body());
    }

    /** The status code of a raw HTTP answer, or -1 when none came. */
    static int status(String rawAnswer) {
        Matcher m = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(rawAnswer);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
