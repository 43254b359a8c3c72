package org.talon.web.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A route's answer: a status, headers, and a body that is an object written as JSON
 * ({@link #ok}, {@link #created}), bytes of a content type of their own ({@link #bytes},
 * {@link #text}: CSV, iCalendar, an image, Prometheus text), or written as it is produced
 * ({@link #stream}: a long export). Since 2.0 a class (a record before), so that it can grow.
 */
public final class Reply {
    /** Writes a streamed body to the response. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private final int status;
    private final Object body;
    private final String contentType;
    private final byte[] bytes;
    private final BodyWriter writer;
    private final Map<String, String> headers;

    private Reply(int status, Object body, String contentType, byte[] bytes, BodyWriter writer, Map<String, String> headers) {
        if (status < 200 || status > 599) throw new IllegalArgumentException("not a status of an answer: " + status);
        this.status = status;
        this.body = body;
        this.contentType = contentType;
        this.bytes = bytes;
        this.writer = writer;
        this.headers = Map.copyOf(headers);
    }

    /** 200 with the object as JSON. */
    public static Reply ok(Object body) {
        return json(200, body);
    }

    /** 201 with the object as JSON. */
    public static Reply created(Object body) {
        return json(201, body);
    }

    /** 204, no body. */
    public static Reply noContent() {
        return new Reply(204, null, null, null, null, Map.of());
    }

    /** The object as JSON ({@code null}: no body) with this status. */
    public static Reply json(int status, Object body) {
        return new Reply(status, body, body == null ? null : "application/json", null, null, Map.of());
    }

    /** 200 with these bytes as the body, of this content type (e.g. {@code image/png}). */
    public static Reply bytes(String contentType, byte[] body) {
        Objects.requireNonNull(contentType, "contentType");
        return new Reply(200, null, contentType, body.clone(), null, Map.of());
    }

    /** 200 with this text in UTF-8, of this content type (e.g. {@code text/csv}; {@code ; charset=utf-8} is added). */
    public static Reply text(String contentType, String body) {
        Objects.requireNonNull(contentType, "contentType");
        String type = contentType.contains("charset") ? contentType : contentType + "; charset=utf-8";
        return new Reply(200, null, type, body.getBytes(StandardCharsets.UTF_8), null, Map.of());
    }

    /**
     * 200 with a body written as it is produced, of this content type. The status and headers are
     * sent first, so a failure while writing ends the answer short (the client sees a broken
     * transfer), never a problem document: check what can be refused before.
     */
    public static Reply stream(String contentType, BodyWriter writer) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(writer, "writer");
        return new Reply(200, null, contentType, null, writer, Map.of());
    }

    /** The same answer with another status. */
    public Reply withStatus(int status) {
        return new Reply(status, body, contentType, bytes, writer, headers);
    }

    /** The same answer with a header added (or replaced). */
    public Reply withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new Reply(status, body, contentType, bytes, writer, h);
    }

    public int status() {
        return status;
    }

    /** The object written as JSON, or {@code null} (no body, or a body of bytes or a stream). */
    public Object body() {
        return body;
    }

    /** The body's content type, or {@code null} without a body. */
    public String contentType() {
        return contentType;
    }

    /** The body's bytes for {@link #bytes} and {@link #text}, else {@code null}. */
    public byte[] bytes() {
        return bytes == null ? null : bytes.clone();
    }

    /** The body's writer for {@link #stream}, else {@code null}. */
    public BodyWriter writer() {
        return writer;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
