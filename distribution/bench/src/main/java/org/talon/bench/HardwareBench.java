package org.talon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.talon.bench.devices.DeviceWire;
import org.talon.bench.devices.EscPosDevice;
import org.talon.bench.devices.ModbusDisplay;
import org.talon.bench.devices.PseudoTerminal;

/**
 * {@code run hardware}: an ESC/POS printer on a serial pseudo-terminal and one on TCP, a Modbus
 * counter display on a pseudo-terminal, each played by an emulator; the time to print a ticket,
 * from a called ticket to the bytes at the counter display, and a driver's hot update.
 *
 * <p>A pseudo-terminal carries bytes at the speed of memory, not of its baud rate: the time a
 * 9600-baud line needs for a ticket is computed from its bytes (10 bits a byte, 8N1) and printed
 * beside what was measured.
 */
final class HardwareBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Bench b;
    private final HttpClient http = HttpClient.newHttpClient();

    private HardwareBench(Bench b) {
        this.b = b;
    }

    static int run(Path distribution, Path work, int tickets, int calls, int updates) throws Exception {
        try (Bench b = new Bench(distribution, work.resolve("hardware"), 4, false)) {
            return new HardwareBench(b).measure(tickets, calls, updates);
        }
    }

    private JsonNode post(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.port() + "/api/v1" + path))
                .header("Authorization", Bench.ADMIN).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new IllegalStateException(path + " answered " + r.statusCode() + " " + r.body());
        return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    private String state(String device) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.port() + "/api/v1/branches/demo/hardware/" + device))
                .header("Authorization", Bench.ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? JSON.readTree(r.body()).path("state").asText() : "absent";
    }

    private void awaitOnline(String device, long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (!state(device).equals("ONLINE")) {
            if (System.currentTimeMillis() > end) throw new IllegalStateException(device + " is " + state(device));
            Thread.sleep(20);
        }
    }

    private void configure(String file, String... lines) throws Exception {
        Files.writeString(b.talon.home.resolve("etc/" + file), String.join("\n", lines) + "\n");
    }

    private int measure(int tickets, int calls, int updates) throws Exception {
        Path ttys = b.talon.home.resolve("tty");
        try (PseudoTerminal prn = new PseudoTerminal(ttys, "PRN").plug(); PseudoTerminal mb = new PseudoTerminal(ttys, "MB").plug();
                ServerSocket net = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            EscPosDevice serial = new EscPosDevice();
            EscPosDevice tcp = new EscPosDevice();
            ModbusDisplay display = new ModbusDisplay(1);
            try (DeviceWire w1 = DeviceWire.serial(prn, serial); DeviceWire w2 = DeviceWire.tcp(net, tcp); DeviceWire w3 = DeviceWire.serial(mb, display)) {
                configure("org.talon.driver.escpos.printer-kiosk2.cfg", "port = " + prn.uri("baud=9600"), "branch = demo", "kiosk = kiosk-2");
                configure("org.talon.driver.escpos.printer-kiosk3.cfg", "port = tcp://127.0.0.1:" + net.getLocalPort(), "branch = demo", "kiosk = kiosk-3");
                configure("org.talon.driver.modbusled.display-counter2.cfg", "port = " + mb.uri("baud=9600"), "branch = demo", "counter = 2");
                b.talon.client("feature:install talon-driver-escpos", "feature:install talon-driver-modbusled");
                awaitOnline("kiosk2", 30_000);
                awaitOnline("kiosk3", 30_000);
                awaitOnline("counter2", 30_000);

                print("serial 9600 baud (pseudo-terminal)", "kiosk-2", serial, tickets);
                print("TCP (port 9100 style)", "kiosk-3", tcp, tickets);
                calls(display, calls);
                updates(updates);
            }
        }
        return 0;
    }

    private void print(String over, String kiosk, EscPosDevice printer, int n) throws Exception {
        List<Long> request = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < n + 5; i++) {
            JsonNode t = post("/branches/demo/tickets", "{\"service\":\"A\"}");
            int before = printer.tickets().size();
            long t0 = System.nanoTime();
            JsonNode o = post("/branches/demo/tickets/" + t.path("number").asText() + "/print", "{\"kiosk\":\"" + kiosk + "\"}");
            long ms = System.nanoTime() - t0;
            if (!o.path("outcome").asText().equals("PRINTED")) throw new IllegalStateException("not printed: " + o);
            EscPosDevice.Ticket p = printer.await(before + 1, 5000).get(before);
            if (i < 5) continue; // warm-up
            request.add(ms / 1000);
            bytes += p.bytes().length;
        }
        long perTicket = bytes / n;
        // the request: the status asked before, the ticket written, the status asked after, the answer
        System.out.printf("print over %s, %d tickets of %d bytes: print request %s; a real 9600-baud 8N1 line needs %d ms for"
                + " those bytes, which a pseudo-terminal does not pace%n", over, n, perTicket, stats(request), perTicket * 10 * 1000 / 9600);
    }

    private void calls(ModbusDisplay display, int n) throws Exception {
        List<Long> latency = new ArrayList<>();
        for (int i = 0; i < n + 10; i++) {
            post("/branches/demo/tickets", "{\"service\":\"B\"}");
            long t0 = System.nanoTime();
            JsonNode called = post("/branches/demo/counters/2/call", null);
            String number = called.path("number").asText();
            ModbusDisplay.Shown s = display.await(number, 5000);
            if (i >= 10) latency.add((s.nanos() - t0) / 1000);
            post("/branches/demo/counters/2/finish", null);
            display.await("", 5000);
        }
        System.out.printf("call -> bytes at the Modbus counter display (9600 baud pseudo-terminal), %d calls: %s; bad frames %d%n", n,
                stats(latency), display.badFrames());
    }

    private void updates(int n) throws Exception {
        Path jar = Path.of("bundles/org.talon.driver.escpos/target/org.talon.driver.escpos-0.1.0-SNAPSHOT.jar").toAbsolutePath();
        List<Long> console = new ArrayList<>();
        List<Long> online = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            b.talon.client("bundle:update org.talon.driver.escpos " + jar.toUri());
            console.add((System.nanoTime() - t0) / 1000);
            awaitOnline("kiosk2", 30_000);
            online.add((System.nanoTime() - t0) / 1000);
            Thread.sleep(500);
        }
        List<Long> feature = new ArrayList<>();
        for (int i = 0; i < Math.max(1, n / 2); i++) {
            long t0 = System.nanoTime();
            b.talon.client("feature:uninstall talon-driver-modbusled");
            b.talon.client("feature:install talon-driver-modbusled");
            awaitOnline("counter2", 30_000);
            feature.add((System.nanoTime() - t0) / 1000);
        }
        System.out.printf("bundle:update org.talon.driver.escpos, %d times: console command %s; printer ONLINE again after %s%n", n, stats(console),
                stats(online));
        System.out.printf("feature:uninstall + feature:install talon-driver-modbusled until its display is ONLINE: %s%n", stats(feature));
    }

    /** "median 1.2 ms, p99 3.4 ms, max 5.6 ms" of microseconds. */
    static String stats(List<Long> micros) {
        List<Long> s = new ArrayList<>(micros);
        Collections.sort(s);
        if (s.isEmpty()) return "-";
        long med = s.get(s.size() / 2);
        long p99 = s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.99) - 1));
        return String.format("median %.1f ms, p99 %.1f ms, max %.1f ms", med / 1000.0, p99 / 1000.0, s.get(s.size() - 1) / 1000.0);
    }
}
