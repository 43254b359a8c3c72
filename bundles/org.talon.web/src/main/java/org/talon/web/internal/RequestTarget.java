package org.talon.web.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The path segments and query parameters of a request, read from the URI exactly as sent: split
 * at the slashes the client wrote, then each segment percent-decoded on its own (so {@code %2F}
 * is a character of an id, never a separator) as strict UTF-8. An id is exactly what was sent:
 * nothing is trimmed. A broken percent-encoding, bytes that are not UTF-8, a control character
 * or a query parameter given twice is a 400, decided here before anything else looks at it.
 */
final class RequestTarget {
    final List<String> segments;
    final Map<String, String> query;

    private RequestTarget(List<String> segments, Map<String, String> query) {
        this.segments = segments;
        this.query = query;
    }

    /**
     * @param rawPath  the part of the request URI below the servlet's path, still encoded
     *                 ({@code /branches/demo/queues}), may be empty
     * @param rawQuery the query string as sent, or {@code null}
     */
    static RequestTarget parse(String rawPath, String rawQuery) {
        List<String> segments = new ArrayList<>();
        if (rawPath != null && !rawPath.isEmpty() && !rawPath.equals("/")) {
            String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
            // split keeps empty segments ("a//b" has three): an empty segment is no id
            for (String s : p.split("/", -1)) segments.add(decode(s, false, "path.encoding"));
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&", -1)) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), true, "query.encoding");
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true, "query.encoding");
                if (query.putIfAbsent(name, value) != null) throw new WebProblem(400, "query.duplicate", JsonBodies.echo(name));
            }
        }
        return new RequestTarget(Collections.unmodifiableList(segments), Collections.unmodifiableMap(query));
    }

    /** Percent-decodes one segment or query part as strict UTF-8 ({@code +} is a space in a query). */
    static String decode(String s, boolean plusIsSpace, String problemKey) {
        if (s.indexOf('%') < 0 && !(plusIsSpace && s.indexOf('+') >= 0)) {
            checkCharacters(s, problemKey);
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) throw new WebProblem(400, problemKey);
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) throw new WebProblem(400, problemKey);
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // the container handed on a character that was not percent-encoded: take its UTF-8 bytes
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        String out;
        try {
            out = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new WebProblem(400, problemKey);
        }
        checkCharacters(out, problemKey);
        return out;
    }

    /** No control characters in a path or query: no id has one, and they only cause trouble in logs. */
    private static void checkCharacters(String s, String problemKey) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) throw new WebProblem(400, problemKey);
        }
    }
}
