package org.talon.itest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A branch's events as its SSE stream gives them, read from a raw connection. */
final class SseEvents {
    private SseEvents() {
    }

    /** One event: its id (the log's sequence), type and data. */
    record Event(long id, String type, String data) {
    }

    /**
     * The demo branch's events after {@code lastEventId} (all from the start when null: the stream's
     * own default then), until {@code count} came or {@code millis} passed without one.
     */
    static List<Event> read(int port, String auth, String lastEventId, int count, long millis) throws Exception {
        List<Event> events = new ArrayList<>();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) millis);
            String request = "GET /api/v1/branches/demo/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                    + "Authorization: " + auth + "\r\n" + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            if (status == null || !status.contains(" 200")) throw new AssertionError("event stream answered " + status);
            long deadline = System.currentTimeMillis() + millis;
            long id = -1;
            String type = null;
            String line;
            try {
                while (events.size() < count && System.currentTimeMillis() < deadline && (line = in.readLine()) != null) {
                    if (line.startsWith("id: ")) id = Long.parseLong(line.substring(4).trim());
                    else if (line.startsWith("event: ")) type = line.substring(7).trim();
                    else if (line.startsWith("data: ") && id >= 0) {
                        events.add(new Event(id, type, line.substring(6)));
                        id = -1;
                        type = null;
                    }
                }
            } catch (SocketTimeoutException e) {
                // no more events within the time
            }
        }
        return events;
    }
}
