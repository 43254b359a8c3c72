package org.talon.bench;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A tiny HTTP/1.1 client on one keep-alive socket, for load generation: measured here,
 * java.net.http costs as much CPU as the server under test. It parses just enough of an answer
 * (status, Content-Length or chunked) to read the next one on the same connection.
 */
public final class Http implements Closeable {
    /** An {@code Authorization} value for HTTP Basic. */
    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[16384];
    private int pos;
    private int end;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
    /** The body of the last answer read with {@code keepBody}, else empty. */
    public String lastBody = "";
    /** The Content-Type of the last answer without parameters (e.g. {@code application/problem+json}), or empty. */
    public String lastContentType = "";
    /** The Retry-After of the last answer in seconds, or -1 when it had none (or not in seconds). */
    public int lastRetryAfter = -1;

    public Http(int port) throws IOException {
        this(port, 0);
    }

    /** @param readTimeoutMillis 0 waits for an answer as long as it takes */
    public Http(int port, int readTimeoutMillis) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(readTimeoutMillis);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public static byte[] request(String method, String path, String auth, String json) {
        return request(method, path, auth, json, null);
    }

    /** A complete request; {@code extraHeaders} are whole lines ending in CRLF, or null. */
    public static byte[] request(String method, String path, String auth, String json, String extraHeaders) {
        StringBuilder b = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
        if (auth != null) b.append("Authorization: ").append(auth).append("\r\n");
        if (extraHeaders != null) b.append(extraHeaders);
        byte[] bodyBytes = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        if (json != null) b.append("Content-Type: application/json\r\nContent-Length: ").append(bodyBytes.length).append("\r\n");
        else if (method.equals("POST") || method.equals("PUT")) b.append("Content-Length: 0\r\n");
        b.append("\r\n");
        byte[] head = b.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + bodyBytes.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bodyBytes, 0, all, head.length, bodyBytes.length);
        return all;
    }

    /** Sends a prepared request and reads the whole answer; returns the status. */
    public int send(byte[] request, boolean keepBody) throws IOException {
        out.write(request);
        out.flush();
        String status = line();
        if (status.length() < 12 || !status.startsWith("HTTP/1.")) throw new IOException("not an HTTP answer: " + status);
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        String type = "";
        int retryAfter = -1;
        String h;
        while (!(h = line()).isEmpty()) {
            if (h.regionMatches(true, 0, "content-length:", 0, 15)) length = Integer.parseInt(h.substring(15).trim());
            else if (h.regionMatches(true, 0, "transfer-encoding:", 0, 18) && h.toLowerCase().contains("chunked")) chunked = true;
            else if (h.regionMatches(true, 0, "content-type:", 0, 13)) type = h.substring(13).split(";")[0].trim().toLowerCase();
            else if (h.regionMatches(true, 0, "retry-after:", 0, 12)) retryAfter = seconds(h.substring(12).trim());
        }
        lastContentType = type;
        lastRetryAfter = retryAfter;
        body.reset();
        if (chunked) {
            int size;
            while ((size = Integer.parseInt(line().trim(), 16)) > 0) {
                read(size, keepBody);
                line();
            }
            line();
        } else if (length > 0) {
            read(length, keepBody);
        }
        lastBody = keepBody ? body.toString(StandardCharsets.UTF_8) : "";
        return code;
    }

    private static int seconds(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return -1; // an HTTP date: not used by Talon
        }
    }

    private boolean fill() throws IOException {
        int r = in.read(buf, 0, buf.length);
        if (r < 0) return false;
        pos = 0;
        end = r;
        return true;
    }

    private void read(int n, boolean keep) throws IOException {
        while (n > 0) {
            if (pos == end && !fill()) throw new IOException("closed");
            int take = Math.min(n, end - pos);
            if (keep) body.write(buf, pos, take);
            pos += take;
            n -= take;
        }
    }

    private String line() throws IOException {
        StringBuilder b = null;
        while (true) {
            if (pos == end && !fill()) {
                if (b == null || b.length() == 0) throw new IOException("closed");
                return b.toString();
            }
            int start = pos;
            while (pos < end && buf[pos] != '\n') pos++;
            int stop = pos;
            boolean found = pos < end;
            if (found) pos++;
            if (stop > start && buf[stop - 1] == '\r') stop--;
            String part = new String(buf, start, stop - start, StandardCharsets.ISO_8859_1);
            if (found && b == null) return part;
            if (b == null) b = new StringBuilder();
            b.append(part);
            if (found) {
                int l = b.length();
                if (l > 0 && b.charAt(l - 1) == '\r') b.setLength(l - 1);
                return b.toString();
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
