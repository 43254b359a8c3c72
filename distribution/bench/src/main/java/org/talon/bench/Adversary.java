package org.talon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The adversarial run that found the defects of issue 9, as a generator that keeps them out. It
 * reads the running server's {@code /openapi.json} and derives its cases from it, so a new route
 * or field is covered without editing this class:
 * <ul>
 * <li><b>fields</b>: every field of every request body with each wrong JSON type, one character
 *     over its {@code maxLength} (in ASCII and in Cyrillic), bytes that are not UTF-8, half a
 *     surrogate pair, control characters, and given twice: each a 400 whose detail names the
 *     field (and the limit);</li>
 * <li><b>json</b>: malformed and hostile JSON for every body route: a 400 that names no library;</li>
 * <li><b>types</b>: media types that are not exactly {@code application/json}: 415;</li>
 * <li><b>roles</b>: every route with every role: allowed or refused (401/403) as its
 *     {@code x-talon-roles} says, never a 5xx;</li>
 * <li><b>ids</b>: every path variable padded with spaces (ASCII, no-break, ideographic), with an
 *     encoded slash, with broken percent-encodings; a query with a broken encoding or a parameter
 *     twice: never a 2xx, never a 5xx;</li>
 * <li><b>framing</b>: raw HTTP/1.1 with broken chunk sizes, two Hosts, conflicting lengths, folded
 *     or colon-less headers, oversized lines, NULs: a 4xx, never a 2xx or a 5xx.</li>
 * </ul>
 * Every case is sent as admin (who may call everything) on a demo branch, where a valid request
 * would change something: a 2xx where a refusal is due would show up in what is stored, and is a
 * failure here.
 */
public final class Adversary {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What no problem may name: the libraries that found the fault. */
    static final List<String> LEAKS = List.of("Feature", "Constraints", "jackson", "Jackson", "com.fasterxml", "Exception", "`",
            "org.eclipse", "java.", "javax.");
    /** A value for each path variable that exists in the demo branch. */
    static final Map<String, String> GOOD = Map.of("branch", "demo", "counter", "4", "publicId", "000000000001AAAAAAAAAAAAAAAA",
            "name", "adversary-device", "id", "wh-000000000000", "code", "ZZ", "ticket", "Z999");

    /** One request and what it had to get. */
    public record Failure(String category, String request, String expected, int status, String body) {
        @Override
        public String toString() {
            return category + ": " + request + " expected " + expected + ", got " + status + " " + cut(body, 300);
        }
    }

    /** What the run sent and found. */
    public record Result(Map<String, Integer> sentByCategory, Map<Integer, Integer> statuses, List<Failure> failures) {
        public int sent() {
            return sentByCategory.values().stream().mapToInt(Integer::intValue).sum();
        }

        public String describe() {
            return String.format("%,d adversarial requests %s: answers by status %s, failures %d", sent(), sentByCategory, statuses,
                    failures.size());
        }
    }

    private final int port;
    private final String admin;
    private final Map<String, String> callers;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Integer> sent = new TreeMap<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private JsonNode doc;

    /**
     * @param admin   a working admin login
     * @param callers a working login per role name ({@code manager}, {@code operator}, {@code kiosk}, ...);
     *                {@code public} (no login) is added here
     */
    public Adversary(int port, String admin, Map<String, String> callers) {
        this.port = port;
        this.admin = admin;
        this.callers = new LinkedHashMap<>();
        this.callers.put("public", null);
        this.callers.put("admin", admin);
        this.callers.putAll(callers);
    }

    /**
     * Runs the categories named (all when none is), {@code rounds} times over (the framing,
     * JSON and media type cases once): the long form repeats them, so that an answer that
     * depends on timing or on what earlier requests left behind shows up.
     */
    public Result run(int rounds, String... only) throws Exception {
        List<String> which = only.length == 0 ? List.of("fields", "json", "types", "roles", "ids", "framing") : List.of(only);
        HttpResponse<String> d = send("GET", "/openapi.json", admin, null, null);
        if (d.statusCode() != 200) throw new IllegalStateException("GET /openapi.json answered " + d.statusCode());
        doc = JSON.readTree(d.body());
        for (int r = 0; r < rounds; r++) {
            if (which.contains("fields")) fields();
            if (r == 0 && which.contains("json")) json();
            if (r == 0 && which.contains("types")) types();
            if (which.contains("roles")) roles();
            if (which.contains("ids")) ids();
            if (r == 0 && which.contains("framing")) framing();
        }
        return new Result(Map.copyOf(sent), Map.copyOf(statuses), List.copyOf(failures));
    }

    // ------------------------------------------------------------------ the routes

    record Operation(String method, String template, List<String> roles, Map<String, JsonNode> fields) {
        String path() {
            String p = template;
            for (Map.Entry<String, String> g : GOOD.entrySet()) p = p.replace("{" + g.getKey() + "}", g.getValue());
            return p;
        }
    }

    List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> ps = doc.get("paths").fields(); ps.hasNext();) {
            Map.Entry<String, JsonNode> p = ps.next();
            for (Iterator<Map.Entry<String, JsonNode>> ms = p.getValue().fields(); ms.hasNext();) {
                Map.Entry<String, JsonNode> m = ms.next();
                JsonNode op = m.getValue();
                List<String> roles = null;
                if (op.has("x-talon-roles")) {
                    roles = new ArrayList<>();
                    for (JsonNode r : op.get("x-talon-roles")) roles.add(r.asText());
                }
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                JsonNode ref = op.at("/requestBody/content/application~1json/schema/$ref");
                if (!ref.isMissingNode()) {
                    JsonNode schema = doc.at(ref.asText().substring(1));
                    for (Iterator<Map.Entry<String, JsonNode>> fs = schema.get("properties").fields(); fs.hasNext();) {
                        Map.Entry<String, JsonNode> f = fs.next();
                        fields.put(f.getKey(), f.getValue());
                    }
                }
                out.add(new Operation(m.getKey().toUpperCase(java.util.Locale.ROOT), p.getKey(), roles, fields));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ fields

    /** Wrong values for a field of this schema: JSON text and the type the detail must name. */
    static List<String> wrongTypes(JsonNode schema) {
        String type = schema.path("type").asText();
        List<String> out = new ArrayList<>();
        switch (type) {
            case "string" -> out.addAll(List.of("12345", "true", "1.5", "[\"x\"]", "{}", "-0", "1e3", "false"));
            case "boolean" -> out.addAll(List.of("\"true\"", "1", "0", "[]", "{}", "\"\"", "\"false\""));
            case "integer" -> out.addAll(List.of("\"1\"", "1.5", "true", "[]", "{}"));
            case "array" -> {
                out.addAll(List.of("\"x\"", "{}", "true", "7"));
                if ("string".equals(schema.path("items").path("type").asText())) {
                    out.addAll(List.of("[true]", "[1]", "[\"ok\",{}]", "[[]]", "[null]", "[\"ok\",null]"));
                }
            }
            default -> out.addAll(List.of("\"x\"", "1"));
        }
        return out;
    }

    void fields() throws Exception {
        for (Operation op : operations()) {
            for (Map.Entry<String, JsonNode> f : op.fields().entrySet()) {
                String name = f.getKey();
                JsonNode schema = f.getValue();
                for (String v : wrongTypes(schema)) {
                    expect("fields", op, "{\"" + name + "\":" + v + "}", 400, "'" + name);
                }
                JsonNode strings = "array".equals(schema.path("type").asText()) ? schema.path("items") : schema;
                if (!"string".equals(strings.path("type").asText())) continue;
                boolean list = strings != schema;
                String at = list ? name + "[0]" : name;
                if (strings.has("maxLength")) {
                    int max = strings.get("maxLength").asInt();
                    for (String ch : List.of("x", "\u044f", "\ud83d\ude00")) {
                        String value = JSON.writeValueAsString(ch.repeat(max + 1));
                        expect("fields", op, "{\"" + name + "\":" + (list ? "[" + value + "]" : value) + "}", 400, "'" + at + "' may have at most " + max);
                    }
                }
                for (String escaped : List.of("\\ud800", "\\udc00x", "a\\u0000b", "\\u0007", "\\u001b[31m", "\\u007f")) {
                    String value = "\"" + escaped + "\"";
                    expect("fields", op, "{\"" + name + "\":" + (list ? "[" + value + "]" : value) + "}", 400, "'" + at + "'");
                }
                for (byte[] bad : List.of(new byte[] {(byte) 0xc1, (byte) 0x81}, new byte[] {(byte) 0xc0, (byte) 0xaf},
                        new byte[] {(byte) 0xe0, (byte) 0x80, (byte) 0xaf}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                        new byte[] {(byte) 0xed, (byte) 0xbf, (byte) 0xbf}, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                        new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0xff}, new byte[] {(byte) 0x80})) {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    b.writeBytes(("{\"" + name + "\":" + (list ? "[" : "") + "\"a").getBytes(StandardCharsets.UTF_8));
                    b.writeBytes(bad);
                    b.writeBytes(("\"" + (list ? "]" : "") + "}").getBytes(StandardCharsets.UTF_8));
                    expectBytes("fields", op, b.toByteArray(), "application/json", 400, "UTF-8");
                }
                expect("fields", op, "{\"" + name + "\":" + (list ? "[]" : "\"a\"") + ",\"" + name + "\":" + (list ? "[]" : "\"a\"") + "}", 400,
                        "'" + name + "' appears more than once");
            }
        }
    }

    void json() throws Exception {
        List<String> bodies = List.of("{", "}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}", "{'a':1}", "{\"a\":1,}", "[1,]",
                "{/*c*/}", "{\"a\":1}//c", "{\"a\":012}", "{\"a\":0x1F}", "{\"a\":.5}", "{\"a\":+1}", "{a:1}", "{\"a\":\"\t\"}",
                "[".repeat(3000), "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}", "{\"a\":" + "9".repeat(3000) + "}",
                "{\"a\":1e99999}", "{} {}", "{}x", "\"\\u\"", "{\"\\uZZZZ\":1}", "tru", "nul", "{\"a\" 1}", "{\"a\":1 \"b\":2}",
                "\u0000{}", "{\"a\":\"" + "\\".repeat(3) + "\"}");
        for (Operation op : operations()) {
            if (op.fields().isEmpty()) continue;
            for (String b : bodies) expect("json", op, b, 400, null);
            // a valid body in another encoding, which a parser guessing encodings would read
            String valid = "{\"" + op.fields().keySet().iterator().next() + "\":null}";
            for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, java.nio.charset.Charset.forName("UTF-32LE"))) {
                expectBytes("json", op, valid.getBytes(cs), "application/json", 400, null);
            }
        }
    }

    void types() throws Exception {
        for (Operation op : operations()) {
            if (op.fields().isEmpty()) continue;
            for (String t : List.of("application/jsonx", "application/json-patch+json", "application/json5", "text/json", "text/plain",
                    "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1", "application/json; charset=utf-16",
                    "application/json;boundary=x", "application/ json", "json")) {
                expectBytes("types", op, "{}".getBytes(StandardCharsets.UTF_8), t, 415, null);
            }
        }
    }

    // ------------------------------------------------------------------ roles

    void roles() throws Exception {
        for (Operation op : operations()) {
            // unknown ids in the path (so an allowed call changes nothing) and a bad Last-Event-ID (so no stream stays open)
            String target = op.template().replace("{branch}", "demo").replace("{counter}", "99").replace("{name}", "nosuch")
                    .replace("{publicId}", "nosuch").replace("{id}", "nosuch").replace("{code}", "nosuch").replace("{ticket}", "nosuch");
            if (target.endsWith("/events")) target += "?lastEventId=abc";
            String body = op.method().equals("POST") || op.method().equals("PUT") ? "{}" : null;
            for (Map.Entry<String, String> c : callers.entrySet()) {
                boolean allowed = op.roles() == null || c.getKey().equals("admin") || op.roles().contains(c.getKey());
                HttpResponse<String> r = send(op.method(), target, c.getValue(), body == null ? null : "application/json", body);
                count("roles", r.statusCode());
                boolean refused = r.statusCode() == 401 || r.statusCode() == 403;
                if (allowed == refused || r.statusCode() >= 500) {
                    failures.add(new Failure("roles", c.getKey() + " " + op.method() + " " + target, allowed ? "not 401/403" : "401 or 403",
                            r.statusCode(), r.body()));
                }
            }
        }
    }

    // ------------------------------------------------------------------ ids

    void ids() throws Exception {
        List<String> padded = List.of("%20%s", "%s%20", "%s%E3%80%80", "%s%C2%A0", "%E2%80%8B%s", "%s%2F", "%s%2Fx", "%s%09", "%s%00",
                "%s%zz", "%s%C3", "%s%ff%fe", "%s%C0%AF", "%s%ED%A0%80", "%s%", "%s%2", "%s;x=1", "%s%3B", "%2E%2E", "%2e", ".%2e");
        for (Operation op : operations()) {
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(op.template());
            while (m.find()) {
                String var = m.group(1);
                String good = GOOD.getOrDefault(var, "x");
                for (String pad : padded) {
                    String value = pad.replace("%s", good);
                    String path = op.template().replace("{" + var + "}", value);
                    for (Map.Entry<String, String> g : GOOD.entrySet()) path = path.replace("{" + g.getKey() + "}", g.getValue());
                    if (path.endsWith("/events")) path += "?from=now";
                    HttpResponse<String> r = sendRaw(op.method(), path, op.fields().isEmpty() ? null : "{}");
                    refusedNot2xx("ids", op.method() + " " + path, r);
                }
            }
            String q = op.path() + (op.path().contains("?") ? "&" : "?");
            for (String query : List.of("a=%zz", "a=%ff%fe", "a=1&a=2", "a=%00", "%C0%AF=1")) {
                HttpResponse<String> r = sendRaw(op.method(), q + query, op.fields().isEmpty() ? null : "{}");
                count("ids", r.statusCode());
                if (r.statusCode() != 400) failures.add(new Failure("ids", op.method() + " " + q + query, "400", r.statusCode(), r.body()));
            }
        }
    }

    private void refusedNot2xx(String category, String what, HttpResponse<String> r) {
        count(category, r.statusCode());
        if (r.statusCode() < 400 || r.statusCode() >= 500) failures.add(new Failure(category, what, "4xx", r.statusCode(), r.body()));
    }

    // ------------------------------------------------------------------ framing

    void framing() throws Exception {
        String auth = "Authorization: " + admin + "\r\n";
        String post = "POST /api/v1/branches/demo/tickets HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n";
        String body = "{\"service\":\"A\"}";
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("chunk size ZZ", post + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n" + body + "\r\n0\r\n\r\n");
        cases.put("chunk size -1", post + "Transfer-Encoding: chunked\r\n\r\n-1\r\n" + body + "\r\n0\r\n\r\n");
        cases.put("chunk size overflow", post + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFFFF\r\n" + body + "\r\n0\r\n\r\n");
        cases.put("chunk longer than its size", post + "Transfer-Encoding: chunked\r\n\r\n2\r\n" + body + "\r\n0\r\n\r\n");
        cases.put("chunk extension garbage", post + "Transfer-Encoding: chunked\r\n\r\nf;\u0001\r\n" + body + "\r\n0\r\n\r\n");
        cases.put("Transfer-Encoding and Content-Length", post + "Transfer-Encoding: chunked\r\nContent-Length: 15\r\n\r\nf\r\n" + body + "\r\n0\r\n\r\n");
        cases.put("unknown Transfer-Encoding", post + "Transfer-Encoding: gzip\r\n\r\n" + body);
        cases.put("two different Content-Lengths", post + "Content-Length: 15\r\nContent-Length: 3\r\n\r\n" + body);
        cases.put("Content-Length not a number", post + "Content-Length: abc\r\n\r\n" + body);
        cases.put("Content-Length negative", post + "Content-Length: -15\r\n\r\n" + body);
        cases.put("two Hosts", "GET /api/v1/branches HTTP/1.1\r\nHost: a\r\nHost: b\r\n" + auth + "\r\n");
        cases.put("two logins", "GET /api/v1/branches HTTP/1.1\r\nHost: a\r\n" + auth + auth + "\r\n");
        cases.put("two Content-Types", post.replace("Content-Type: application/json\r\n", "Content-Type: application/json\r\nContent-Type: text/plain\r\n")
                + "Content-Length: 15\r\n\r\n" + body);
        cases.put("two Idempotency-Keys", post + "Idempotency-Key: a\r\nIdempotency-Key: b\r\nContent-Length: 15\r\n\r\n" + body);
        cases.put("no Host", "GET /api/v1/branches HTTP/1.1\r\n" + auth + "\r\n");
        cases.put("header without colon", "GET /api/v1/branches HTTP/1.1\r\nHost: a\r\n" + auth + "Broken header\r\n\r\n");
        cases.put("space before colon", "GET /api/v1/branches HTTP/1.1\r\nHost : a\r\n" + auth + "\r\n");
        cases.put("folded header", "GET /api/v1/branches HTTP/1.1\r\nHost: a\r\n" + auth + "X-A: 1\r\n  continued\r\n\r\n");
        cases.put("NUL in a header", "GET /api/v1/branches HTTP/1.1\r\nHost: a\r\n" + auth + "X-A: a\u0000b\r\n\r\n");
        cases.put("header of 64 KiB", "GET /api/v1/branches HTTP/1.1\r\nHost: a\r\n" + auth + "X-A: " + "a".repeat(65536) + "\r\n\r\n");
        cases.put("URI of 64 KiB", "GET /api/v1/branches/" + "a".repeat(65536) + " HTTP/1.1\r\nHost: a\r\n" + auth + "\r\n");
        cases.put("HTTP/0.9", "GET /api/v1/branches\r\n\r\n");
        cases.put("space in the URI", "GET /api/v1/branches /x HTTP/1.1\r\nHost: a\r\n" + auth + "\r\n");
        cases.put("control character in the URI", "GET /api/v1/bran\u0001ches HTTP/1.1\r\nHost: a\r\n" + auth + "\r\n");
        cases.put("lower-case method", "get /api/v1/branches HTTP/1.1\r\nHost: a\r\n" + auth + "\r\n");
        cases.put("unknown method", "BREW /api/v1/branches HTTP/1.1\r\nHost: a\r\n" + auth + "\r\n");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String answer = raw(c.getValue().getBytes(StandardCharsets.ISO_8859_1), 10_000);
            Matcher m = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(answer);
            int status = m.find() ? Integer.parseInt(m.group(1)) : -1;
            count("framing", status);
            // Jetty may close a connection it cannot parse without an answer: that is a refusal too;
            // HTTP/0.9 has no status line to refuse in, and 505 is what RFC 9110 gives for it
            boolean ok = status == -1 || (status >= 400 && status < 500) || (status == 505 && c.getKey().equals("HTTP/0.9"));
            if (!ok) failures.add(new Failure("framing", c.getKey(), "a 4xx or a closed connection", status, answer));
        }
    }

    // ------------------------------------------------------------------ sending

    private void expect(String category, Operation op, String json, int status, String detailPart) throws Exception {
        expectBytes(category, op, json.getBytes(StandardCharsets.UTF_8), "application/json", status, detailPart);
    }

    private void expectBytes(String category, Operation op, byte[] body, String type, int status, String detailPart) throws Exception {
        HttpResponse<String> r = send(op.method(), op.path(), admin, type, body);
        count(category, r.statusCode());
        String what = op.method() + " " + op.path() + " " + type + " " + cut(new String(body, StandardCharsets.UTF_8), 120);
        if (r.statusCode() != status) {
            failures.add(new Failure(category, what, String.valueOf(status), r.statusCode(), r.body()));
            return;
        }
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            failures.add(new Failure(category, what, "application/problem+json", r.statusCode(), r.body()));
        }
        for (String leak : LEAKS) {
            if (r.body().contains(leak)) failures.add(new Failure(category, what, "a detail naming no library (" + leak + ")", r.statusCode(), r.body()));
        }
        if (detailPart != null && !r.body().contains(detailPart)) {
            failures.add(new Failure(category, what, status + " mentioning " + detailPart, r.statusCode(), r.body()));
        }
    }

    private HttpResponse<String> send(String method, String path, String auth, String type, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path)).timeout(Duration.ofSeconds(30));
        if (auth != null) b.header("Authorization", auth);
        if (type != null) b.header("Content-Type", type);
        HttpRequest.BodyPublisher p = body == null ? HttpRequest.BodyPublishers.noBody()
                : body instanceof byte[] bytes ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                : HttpRequest.BodyPublishers.ofString(body.toString());
        return client.send(b.method(method, p).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request whose path goes out exactly as written (java.net.URI would refuse or re-encode some). */
    private HttpResponse<String> sendRaw(String method, String path, String json) throws IOException {
        String req = method + " /api/v1" + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + admin + "\r\nConnection: close\r\n"
                + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + json.length() + "\r\n") + "\r\n"
                + (json == null ? "" : json);
        String answer = raw(req.getBytes(StandardCharsets.UTF_8), 10_000);
        Matcher m = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(answer);
        int status = m.find() ? Integer.parseInt(m.group(1)) : -1;
        int split = answer.indexOf("\r\n\r\n");
        String body = split < 0 ? answer : answer.substring(split + 4);
        return new RawResponse(status, body);
    }

    /** Raw bytes on a new connection; what came back within the time or until the server closed. */
    String raw(byte[] request, int millis) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(millis);
            try {
                s.getOutputStream().write(request);
                s.getOutputStream().flush();
            } catch (IOException e) {
                // the server closed while we were still writing (an oversized line): read its answer
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) > 0 && out.size() < 1 << 16) {
                    out.write(buf, 0, n);
                    if (complete(out.toString(StandardCharsets.ISO_8859_1))) break;
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // what came within the time
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** Whether a raw answer with a Content-Length has all its body (so keep-alive need not be waited out). */
    private static boolean complete(String a) {
        int split = a.indexOf("\r\n\r\n");
        if (split < 0) return false;
        Matcher m = Pattern.compile("(?i)\r\nContent-Length: *(\\d+)").matcher(a.substring(0, split));
        return m.find() && a.length() - split - 4 >= Integer.parseInt(m.group(1));
    }

    private void count(String category, int status) {
        sent.merge(category, 1, Integer::sum);
        statuses.merge(status, 1, Integer::sum);
    }

    static String cut(String s, int n) {
        if (s == null) return "";
        return s.length() <= n ? s : s.substring(0, n) + "...";
    }

    /** Just enough of an HTTP response for the checks above. */
    private record RawResponse(int statusCode, String body) implements HttpResponse<String> {
        @Override
        public HttpRequest request() {
            return null;
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        @Override
        public URI uri() {
            return null;
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
