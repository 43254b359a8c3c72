package org.talon.itest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A tiny HTTP/1.1 client on one keep-alive socket, for load generation: measured here,
 * java.net.http costs as much CPU as the server under test.
 */
final class RawHttp implements Closeable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    String lastBody = "";

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 16384);
        out = socket.getOutputStream();
    }

    static byte[] request(String method, String path, String auth, String json) {
        StringBuilder b = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
        if (auth != null) b.append("Authorization: ").append(auth).append("\r\n");
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        if (json != null) b.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        b.append("\r\n");
        byte[] head = b.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** Sends a prepared request and reads the whole answer; returns the status. */
    int send(byte[] request, boolean keepBody) throws IOException {
        out.write(request);
        out.flush();
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        String h;
        while (!(h = line()).isEmpty()) {
            String lower = h.toLowerCase();
            if (lower.startsWith("content-length:")) length = Integer.parseInt(h.substring(15).trim());
            else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
        }
        ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
        if (chunked) {
            int size;
            while ((size = Integer.parseInt(line().trim(), 16)) > 0) {
                read(size, body);
                line();
            }
            line();
        } else if (length > 0) {
            read(length, body);
        }
        lastBody = body == null ? "" : body.toString(StandardCharsets.UTF_8);
        return code;
    }

    private void read(int n, ByteArrayOutputStream into) throws IOException {
        byte[] buf = new byte[Math.min(n, 8192)];
        while (n > 0) {
            int r = in.read(buf, 0, Math.min(n, buf.length));
            if (r < 0) throw new IOException("closed");
            if (into != null) into.write(buf, 0, r);
            n -= r;
        }
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') break;
            if (c != '\r') b.append((char) c);
        }
        if (c == -1 && b.length() == 0) throw new IOException("closed");
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
