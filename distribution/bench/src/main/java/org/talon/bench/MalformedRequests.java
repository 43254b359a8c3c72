package org.talon.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated bad requests over every route of a running Talon: junk in every path variable, wrong
 * methods, broken and hostile JSON bodies, wrong content types, bad and missing logins, odd
 * languages, oversized bodies. The routes are read from the server's own OpenAPI document, so a
 * new route is covered without editing this class; a few paths that match no route are added.
 * The answer to each must be a 4xx (or a success where the junk happens to be valid), never 500.
 */
public final class MalformedRequests {
    /** Path variables that take a valid value half of the time, so requests get past the lookup to the body checks. */
    private static final Map<String, String[]> GOOD = Map.of("branch", new String[] {"demo"}, "counter", new String[] {"1", "2", "3", "4"});
    private static final String[] JUNK = {"", " ", "%00", "%ZZ", "..", "../../etc/passwd", "A", "-1", "99999999999999999999", "\u00e9\u00e8",
        "%F0%9F%98%80", "null", "[]", "{}", "a".repeat(3000), "demo", "1", "open", "call", "' or 1=1 --"};
    private static final String[] BODIES = {"", "{", "}", "[]", "null", "true", "42", "\"x\"", "{\"service\":null}", "{\"service\":{}}",
        "{\"service\":123456789012345678901234567890}", "{\"service\":\"A\",\"service\":\"B\"}",
        "{\"queue\":\"A\",\"counter\":\"2\"}", "{\"queue\":1}", "{\"first\":\"yes\"}", "{\"operator\":[]}",
        "{\"service\":\"A\",\"language\":\"xx\"}", "{\"service\":\"A\",\"priority\":7}",
        "{\"service\":\"\\ud800\"}", "\u0000\u0001", "{\"a\":" + "[".repeat(2000) + "}",
        "{\"url\":\"ftp://x\",\"branch\":\"demo\",\"types\":[\"x\"]}", "{\"url\":null}", "{\"name\":\"\",\"role\":\"kiosk\"}",
        "{\"name\":\"x\",\"role\":\"root\"}", "{\"name\":[],\"role\":{}}"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
    private static final String[] TYPES = {"application/json", "text/plain", "application/xml", null};
    /** Paths that match no route, with junk for each %s. */
    private static final String[] UNROUTED = {"/%s", "/branches/%s/%s/%s", "/branches/demo/counters/%s/%s"};

    /** What the requests got. */
    public record Result(int sent, Map<Integer, Integer> statuses, List<String> serverErrors, List<String> unanswered, int resent,
            List<String> routes) {
        public String describe() {
            return String.format("%,d generated bad requests over %d routes: answers by status %s, resent with Expect: 100-continue"
                    + " after a reset %d, server errors %d, unanswered %d", sent, routes.size(), statuses, resent, serverErrors.size(),
                    unanswered.size());
        }
    }

    private MalformedRequests() {
    }

    /** The route templates of the running server, from GET /openapi.json (as {@code admin}). */
    public static List<String> routes(HttpClient client, int port, String admin) throws IOException, InterruptedException {
        HttpResponse<String> doc = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/openapi.json"))
                .header("Authorization", admin).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (doc.statusCode() != 200) throw new IllegalStateException("GET /openapi.json answered " + doc.statusCode() + ": " + doc.body());
        int paths = doc.body().indexOf("\"paths\":{");
        if (paths < 0) throw new IllegalStateException("no paths in the OpenAPI document: " + doc.body());
        TreeSet<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\"(/[^\"]*)\":\\{\"(get|post|put|delete|patch)\"").matcher(doc.body());
        m.region(paths, doc.body().length());
        while (m.find()) out.add(m.group(1));
        if (out.isEmpty()) throw new IllegalStateException("no routes found in the OpenAPI document");
        return List.copyOf(out);
    }

    /**
     * Sends {@code requests} generated bad requests (the same ones for the same seed and routes);
     * candidates that are not valid URIs for the client are skipped and do not count.
     *
     * @param admin a working admin login; {@code logins} further working logins of other roles
     */
    public static Result send(int port, String admin, List<String> logins, int requests, long seed) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> routes = routes(client, port, admin);
        List<String> paths = new ArrayList<>(routes);
        paths.addAll(List.of(UNROUTED));
        List<String> auths = new ArrayList<>();
        auths.add(null);
        auths.add(admin);
        auths.addAll(logins);
        auths.addAll(List.of(Http.basic("admin", "nope"), "Basic !!!", "Bearer xyz", "Basic " + "A".repeat(500)));
        Random rnd = new Random(seed);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        int resent = 0;
        int sent = 0;
        // until that many were sent: some generated ones are not URIs any client could send
        for (int tries = 0; sent + unanswered.size() < requests && tries < 3 * requests; tries++) {
            String path = fill(paths.get(rnd.nextInt(paths.size())), rnd);
            // mostly the method and login a route expects, so most requests get as far as the body checks
            String natural = path.contains("/counters/") || path.endsWith("/tickets") || path.endsWith("/devices")
                    || path.endsWith("/webhooks") ? "POST" : "GET";
            String method = rnd.nextInt(4) == 0 ? METHODS[rnd.nextInt(METHODS.length)] : natural;
            String auth = rnd.nextBoolean() ? admin : auths.get(rnd.nextInt(auths.size()));
            if (path.endsWith("/events") && method.equals("GET")) auth = null; // a good login would open a stream
            String body = rnd.nextInt(4) == 0 ? null : BODIES[rnd.nextInt(BODIES.length)];
            if (rnd.nextInt(50) == 0) body = "{\"service\":\"" + "x".repeat(70_000) + "\"}";
            String type = TYPES[rnd.nextInt(TYPES.length)];
            String language = rnd.nextInt(5) == 0 ? (rnd.nextBoolean() ? "ru" : "zz-ZZ;q=abc") : null;
            URI uri;
            try {
                uri = URI.create("http://127.0.0.1:" + port + "/api/v1" + path.replace(" ", "%20").replace("\\", "%5C").replace("'", "%27"));
            } catch (IllegalArgumentException e) {
                continue; // not a URI any client could send
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
            if (auth != null) b.header("Authorization", auth);
            if (type != null) b.header("Content-Type", type);
            if (language != null) b.header("Accept-Language", language);
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            String what = method + " " + cut(path, 120) + " auth " + cut(String.valueOf(auth), 40) + " type " + type + " body "
                    + (body == null ? "-" : cut(body, 120));
            int status;
            String answer;
            try {
                HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
                answer = r.body();
            } catch (IllegalArgumentException e) {
                continue; // the client itself refused to send it
            } catch (IOException e) {
                // Jetty refuses a URI it cannot parse (a NUL, say) with 400 and closes at once; a client
                // still writing a large body may then lose that answer to the reset. A client sending a
                // large body should ask first (Expect: 100-continue), and then it must get the 4xx.
                // java.net.http (JDK 17) waits forever for a 100 that a final answer made unnecessary,
                // whatever its timeout, so this client speaks HTTP/1.1 itself here.
                String raw = expectContinue(port, method, uri, auth, type, language, body);
                java.util.regex.Matcher st = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(raw);
                if (!st.find()) {
                    unanswered.add(what + ": " + e + "; asked again with Expect: 100-continue: " + cut(raw, 200));
                    continue;
                }
                resent++;
                status = Integer.parseInt(st.group(1));
                answer = raw;
            }
            sent++;
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500) serverErrors.add(what + " -> " + status + " " + cut(answer, 300));
        }
        return new Result(sent, statuses, serverErrors, unanswered, resent, routes);
    }

    /**
     * The request again over a socket of its own with {@code Expect: 100-continue}: the body only
     * after a 100; what the server answered, or what it sent before closing (empty when nothing).
     */
    static String expectContinue(int port, String method, URI uri, String auth, String type, String language, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        if (auth != null) head.append("Authorization: ").append(auth).append("\r\n");
        if (type != null) head.append("Content-Type: ").append(type).append("\r\n");
        if (language != null) head.append("Accept-Language: ").append(language).append("\r\n");
        head.append("Content-Length: ").append(bytes.length).append("\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(head.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            java.io.InputStream in = s.getInputStream();
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n = in.read(buf);
            if (n <= 0) return "";
            got.write(buf, 0, n);
            if (new String(buf, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 100")) {
                s.getOutputStream().write(bytes);
                got.reset();
                while ((n = in.read(buf)) > 0 && got.size() < 1 << 16) got.write(buf, 0, n);
                String a = got.toString(java.nio.charset.StandardCharsets.UTF_8);
                // a 100 and the final answer may come in one read: the final one counts
                return a.startsWith("HTTP/1.1 100") ? a.substring(a.indexOf("\r\n\r\n") + 4) : a;
            }
            while ((n = in.read(buf)) > 0 && got.size() < 1 << 16) got.write(buf, 0, n);
            return got.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String fill(String template, Random rnd) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("\\{([^}]+)}|%s").matcher(template);
        int last = 0;
        while (m.find()) {
            out.append(template, last, m.start());
            String[] good = m.group(1) == null ? null : GOOD.get(m.group(1));
            out.append(good != null && rnd.nextBoolean() ? good[rnd.nextInt(good.length)] : JUNK[rnd.nextInt(JUNK.length)]);
            last = m.end();
        }
        return out.append(template.substring(last)).toString();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "...";
    }
}
