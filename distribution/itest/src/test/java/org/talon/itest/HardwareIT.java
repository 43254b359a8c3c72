package org.talon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.talon.bench.Http;
import org.talon.bench.devices.DeviceWire;
import org.talon.bench.devices.EscPosDevice;
import org.talon.bench.devices.FramedDisplay;
import org.talon.bench.devices.SerialKeypad;
import org.talon.bench.devices.ModbusDisplay;
import org.talon.bench.devices.PseudoTerminal;
import org.talon.bench.TalonProcess;

/**
 * The hardware in the running distribution: the demo's virtual devices (a kiosk printer with a
 * fallback, a hall board, a counter display, a keypad, a feedback terminal) through the real HTTP
 * API, the console and the branch's event log.
 */
class HardwareIT {
    static final String PW = "Hardware-Secret-3";
    static final String ADMIN = Http.basic("admin", PW);
    static final ObjectMapper JSON = new ObjectMapper();
    static TalonProcess karaf;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        karaf = new TalonProcess("hardware", PW);
        karaf.start(Map.of("TALON_ADMIN_PASSWORD", PW));
        karaf.awaitReady();
        api = new Api(karaf.httpPort).awaitUp(ADMIN);
        awaitDevice("kiosk1", d -> d.path("state").asText().equals("ONLINE"));
    }

    @AfterAll
    static void stop() {
        if (karaf == null) return;
        // whatever the tests did, the hardware's bundles logged no error (a driver's lost cable is a status, not an error)
        List<String> errors = karaf.log().lines().filter(l -> l.contains("| ERROR |") && l.contains("org.talon.")).toList();
        karaf.close();
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static JsonNode device(String id) throws Exception {
        return json(api.call("GET", "/branches/demo/hardware/" + id, ADMIN, null), 200);
    }

    /** The device, or an empty object while it is not there (its driver not started yet). */
    static JsonNode deviceOrNull(String id) throws Exception {
        HttpResponse<String> r = api.call("GET", "/branches/demo/hardware/" + id, ADMIN, null);
        return r.statusCode() == 404 ? JSON.createObjectNode() : json(r, 200);
    }

    static Predicate<JsonNode> state(String state) {
        return d -> d.path("state").asText().equals(state);
    }

    static JsonNode print(JsonNode ticket, String kiosk) throws Exception {
        return json(api.call("POST", "/branches/demo/tickets/" + ticket.path("number").asText() + "/print", ADMIN, "{\"kiosk\":\"" + kiosk + "\"}"), 200);
    }

    /** A device's configuration file, as an admin writes it into etc/. */
    static void configure(String file, String... lines) throws Exception {
        java.nio.file.Files.writeString(karaf.home.resolve("etc/" + file), String.join("\n", lines) + "\n");
    }

    /** Polls a device until the condition holds (5 s at most). */
    static JsonNode awaitDevice(String id, Predicate<JsonNode> condition) throws Exception {
        return awaitDevice(id, condition, 5000);
    }

    static JsonNode awaitDevice(String id, Predicate<JsonNode> condition, long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        JsonNode d;
        while (!condition.test(d = deviceOrNull(id))) {
            if (System.currentTimeMillis() > end) throw new AssertionError("device " + id + " is " + d);
            Thread.sleep(50);
        }
        return d;
    }

    static JsonNode issue(String service) throws Exception {
        return json(api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"" + service + "\"}"), 201);
    }

    static JsonNode print(JsonNode ticket) throws Exception {
        return json(api.call("POST", "/branches/demo/tickets/" + ticket.path("number").asText() + "/print", ADMIN, "{\"kiosk\":\"kiosk-1\"}"), 200);
    }

    static void set(String device, String state) throws Exception {
        json(api.call("POST", "/branches/demo/hardware/" + device + "/input", ADMIN, "{\"state\":\"" + state + "\"}"), 200);
    }

    /** The branch's events after {@code after} whose type is one of {@code types}, as far as they came within a second. */
    static List<JsonNode> events(long after, String... types) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (SseEvents.Event e : SseEvents.read(karaf.httpPort, ADMIN, String.valueOf(after), Integer.MAX_VALUE, 1000)) {
            if (!List.of(types).contains(e.type())) continue;
            com.fasterxml.jackson.databind.node.ObjectNode n = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(e.data());
            n.put("type", e.type());
            found.add(n);
        }
        return found;
    }

    static long lastEvent() throws Exception {
        List<SseEvents.Event> all = SseEvents.read(karaf.httpPort, ADMIN, "0", Integer.MAX_VALUE, 1000);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).id();
    }

    @Test
    void aKioskPrintsOnItsPrinterThenOnItsFallbackThenSaysTheTicketIsOnScreenOnly() throws Exception {
        long since = lastEvent();
        try {
            JsonNode first = print(issue("A"));
            assertEquals("PRINTED", first.path("outcome").asText(), first.toString());
            assertEquals("kiosk1", first.path("printer").asText());
            assertFalse(first.path("fallback").asBoolean());
            JsonNode onPaper = awaitDevice("kiosk1", d -> d.path("printed").size() > 0);
            assertEquals(first.path("number").asText(), onPaper.path("printed").get(0).path("number").asText(), "the kiosk printer's paper has it");
            assertTrue(onPaper.path("printed").get(0).path("url").asText().contains("/t/"), "with the phone page for its QR code");
            // asking again prints nothing more
            JsonNode again = json(api.call("POST", "/branches/demo/tickets/" + first.path("number").asText() + "/print", ADMIN, "{\"kiosk\":\"kiosk-1\"}"), 200);
            assertEquals(first, again);
            assertEquals(1, device("kiosk1").path("printed").size(), "printed once");

            set("kiosk1", "PAPER_OUT");
            JsonNode second = print(issue("A"));
            assertEquals("PRINTED", second.path("outcome").asText(), second.toString());
            assertEquals("reception", second.path("printer").asText(), "the fallback printer");
            assertEquals("Reception printer", second.path("printerLabel").asText());
            assertTrue(second.path("fallback").asBoolean());
            assertTrue(second.path("tried").get(0).asText().startsWith("kiosk1: PAPER_OUT"), second.toString());

            set("reception", "OFFLINE");
            JsonNode third = print(issue("A"));
            assertEquals("SHOWN_ON_SCREEN", third.path("outcome").asText(), third.toString());
            assertEquals(2, third.path("tried").size(), third.toString());

            List<JsonNode> printed = events(since, "TicketPrinted");
            assertEquals(List.of("PRINTED", "PRINTED", "SHOWN_ON_SCREEN"), printed.stream().map(e -> e.path("outcome").asText()).toList());
            assertEquals(List.of("kiosk1", "reception"), printed.stream().limit(2).map(e -> e.path("printer").asText()).toList());
            List<JsonNode> status = events(since, "HardwareStatusChanged");
            assertEquals(List.of("kiosk1 PAPER_OUT", "reception OFFLINE"),
                    status.stream().map(e -> e.path("hardware").asText() + " " + e.path("state").asText()).toList());
        } finally {
            set("kiosk1", "ONLINE");
            set("reception", "ONLINE");
        }
    }

    @Test
    void aCalledTicketReachesItsCounterDisplayTheHallBoardAndTheKeypadWhoseKeysActAtTheCounter() throws Exception {
        issue("A");
        issue("A");
        json(api.call("POST", "/branches/demo/counters/1/call", ADMIN, null), 200);
        JsonNode counter = awaitDevice("counter1", d -> d.path("showing").path("calls").size() == 1);
        String called = counter.path("showing").path("calls").get(0).path("number").asText();
        assertEquals(called, counter.path("showing").path("alert").path("number").asText(), "the call is the alert");
        JsonNode board = awaitDevice("board", d -> d.path("showing").path("calls").findValuesAsText("number").contains(called));
        assertEquals("Window 1", board.path("showing").path("calls").get(0).path("counterName").asText());
        awaitDevice("keypad1", d -> d.path("showing").path("line1").asText().equals(called) && d.path("showing").path("line2").asText().equals("Called"));

        // the keypad's NEXT finishes the ticket and calls the next one
        json(api.call("POST", "/branches/demo/hardware/keypad1/input", ADMIN, "{\"key\":\"NEXT\"}"), 200);
        JsonNode next = awaitDevice("counter1", d -> !d.path("showing").path("calls").findValuesAsText("number").contains(called)
                && d.path("showing").path("calls").size() == 1);
        String nextNumber = next.path("showing").path("calls").get(0).path("number").asText();
        assertFalse(called.equals(nextNumber), "another ticket: " + called + " then " + nextNumber);
        JsonNode counters = json(api.call("GET", "/branches/demo/counters", ADMIN, null), 200);
        for (JsonNode c : counters) {
            if (c.path("id").asText().equals("1")) assertEquals(nextNumber, c.path("ticket").path("number").asText(), "the engine agrees: " + c);
        }

        // served: the feedback terminal invites a rating for that ticket, and the rating is an event
        long since = lastEvent();
        json(api.call("POST", "/branches/demo/hardware/keypad1/input", ADMIN, "{\"key\":\"SERVE\"}"), 200);
        awaitDevice("feedback1", d -> d.path("showing").path("invite").asText().equals(nextNumber));
        json(api.call("POST", "/branches/demo/hardware/feedback1/input", ADMIN, "{\"rating\":4,\"scale\":5}"), 200);
        long end = System.currentTimeMillis() + 5000;
        List<JsonNode> ratings;
        while ((ratings = events(since, "FeedbackGiven")).isEmpty() && System.currentTimeMillis() < end) Thread.sleep(100);
        assertEquals(1, ratings.size(), ratings.toString());
        assertEquals(nextNumber, ratings.get(0).path("number").asText());
        assertEquals(4, ratings.get(0).path("rating").asInt());
        assertEquals("1", ratings.get(0).path("counter").asText());
        json(api.call("POST", "/branches/demo/hardware/keypad1/input", ADMIN, "{\"key\":\"FINISH\"}"), 200);
        awaitDevice("counter1", d -> d.path("showing").path("calls").isEmpty());
    }

    @Test
    void aCallMadeWhileTheHardwareBundleIsStoppedIsShownWhenItStartsAgain() throws Exception {
        issue("C");
        karaf.client("bundle:stop org.talon.device");
        assertEquals(404, api.call("GET", "/branches/demo/hardware/counter1", ADMIN, null).statusCode(), "its routes went with it");
        JsonNode called = json(api.call("POST", "/branches/demo/counters/3/call", ADMIN, null), 200);
        String atThree = called.path("number").asText();
        assertFalse(atThree.isEmpty(), called.toString());
        karaf.client("bundle:start org.talon.device");
        JsonNode board = awaitDevice("board", d -> d.path("showing").path("calls").findValuesAsText("number").contains(atThree), 20_000);
        assertTrue(board.path("showing").path("calls").findValuesAsText("counter").contains("3"), board.toString());
        json(api.call("POST", "/branches/demo/counters/3/finish", ADMIN, null), 200);
        awaitDevice("board", d -> !d.path("showing").path("calls").findValuesAsText("number").contains(atThree));
    }

    @Test
    void theConsoleListsTheHardwareAndBadInputIsRefusedWithWhatIsWrong() throws Exception {
        String out = karaf.client("talon:hardware");
        for (String id : List.of("kiosk1", "reception", "board", "counter1", "keypad1", "feedback1")) assertTrue(out.contains(id), out);
        assertTrue(out.contains("demo, kiosk kiosk-1"), out);
        Api.problem(api.call("POST", "/branches/demo/hardware/keypad1/input", ADMIN, "{\"key\":\"JUMP\"}"), 400, "Unknown key 'JUMP'");
        Api.problem(api.call("POST", "/branches/demo/hardware/feedback1/input", ADMIN, "{\"rating\":9,\"scale\":5}"), 400, "from 1 to its scale");
        Api.problem(api.call("POST", "/branches/demo/hardware/keypad1/input", ADMIN, "{\"key\":\"NEXT\",\"rating\":3}"), 400, "Send one of");
        Api.problem(api.call("POST", "/branches/demo/hardware/nope/input", ADMIN, "{\"key\":\"NEXT\"}"), 404, "no device 'nope'");
        Api.problem(api.call("GET", "/branches/demo/hardware/board?after=soon", ADMIN, null), 400, "after must be a version number");
        Api.problem(api.call("POST", "/branches/demo/tickets/Z999/print", ADMIN, "{\"kiosk\":\"kiosk-1\"}"), 404, "no ticket 'Z999'");
        JsonNode t = issue("A");
        Api.problem(api.call("POST", "/branches/demo/tickets/" + t.path("number").asText() + "/print", ADMIN, "{}"), 400, "Name the kiosk");
        Api.problem(api.call("GET", "/branches/demo/hardware", null, null), 401, "login");

        // a wrong configuration is the device's status with what is wrong; the rest of the hall goes on
        configure("org.talon.driver.virtual.display-twice.cfg", "branch = demo", "counter = 1", "hall = main");
        configure("org.talon.driver.virtual.display-nowhere.cfg", "branch = mars", "hall = main");
        String listed = "";
        long end = System.currentTimeMillis() + 10_000;
        while (!(listed.contains("twice") && listed.contains("nowhere")) && System.currentTimeMillis() < end) {
            listed = karaf.client("talon:hardware");
            Thread.sleep(200);
        }
        assertTrue(listed.matches("(?s).*twice[^\\n]*ERROR \\(configure exactly one of counter, kiosk or hall \\(found 2\\)\\).*"), listed);
        assertTrue(listed.matches("(?s).*nowhere[^\\n]*ERROR \\(no branch 'mars'\\).*"), listed);
        assertEquals(404, api.call("GET", "/branches/demo/hardware/twice", ADMIN, null).statusCode(), "a device that does not run is not served");
        assertEquals("ONLINE", device("board").path("state").asText());
        java.nio.file.Files.delete(karaf.home.resolve("etc/org.talon.driver.virtual.display-twice.cfg"));
        java.nio.file.Files.delete(karaf.home.resolve("etc/org.talon.driver.virtual.display-nowhere.cfg"));
    }

    @Test
    void anEscPosPrinterOnASerialLinePrintsAKiosksTicketsFallsBackWhenItsCableIsPulledAndRecoversByItself() throws Exception {
        try (PseudoTerminal tty = new PseudoTerminal(karaf.home.resolve("tty"), "PRN").plug()) {
            EscPosDevice printer = new EscPosDevice();
            try (DeviceWire wire = DeviceWire.serial(tty, printer)) {
                configure("org.talon.driver.escpos.printer-kiosk2.cfg", "port = " + tty.uri("baud=9600&parity=none"), "branch = demo",
                        "kiosk = kiosk-2", "fallback = reception", "label = Kiosk 2 printer", "statusIntervalSeconds = 1");
                karaf.client("feature:install talon-driver-escpos");
                awaitDevice("kiosk2", state("ONLINE"), 20_000);
                assertTrue(printer.queries() > 0, "Talon asked the printer's status (DLE EOT)");

                JsonNode t = issue("B");
                JsonNode printed = print(t, "kiosk-2");
                assertEquals("kiosk2", printed.path("printer").asText(), printed.toString());
                EscPosDevice.Ticket paper = printer.await(1, 5000).get(0);
                assertTrue(paper.text().contains(t.path("number").asText()), paper.text());
                assertTrue(paper.text().contains("Demo branch"), paper.text());
                System.out.printf("ESC/POS over a serial pseudo-terminal: one ticket of %d bytes%n", paper.bytes().length);

                // the cable is pulled: offline within 2 s, and the kiosk's tickets go to its fallback
                long t0 = System.nanoTime();
                tty.unplug();
                JsonNode offline = awaitDevice("kiosk2", state("OFFLINE"), 2000);
                long offlineMillis = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("pulled cable -> OFFLINE in %d ms (%s)%n", offlineMillis, offline.path("reason").asText());
                JsonNode elsewhere = print(issue("B"), "kiosk-2");
                assertEquals("reception", elsewhere.path("printer").asText(), elsewhere.toString());
                assertTrue(elsewhere.path("fallback").asBoolean());

                // plugged in again: online by itself, and printing on it again
                tty.plug();
                awaitDevice("kiosk2", state("ONLINE"), 10_000);
                JsonNode again = issue("B");
                assertEquals("kiosk2", print(again, "kiosk-2").path("printer").asText());
                assertTrue(printer.await(2, 5000).get(1).text().contains(again.path("number").asText()));

                // the same driver for a network printer on its port 9100
                try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                    EscPosDevice network = new EscPosDevice();
                    try (DeviceWire tcp = DeviceWire.tcp(server, network)) {
                        configure("org.talon.driver.escpos.printer-kiosk3.cfg", "port = tcp://127.0.0.1:" + server.getLocalPort(), "branch = demo",
                                "kiosk = kiosk-3", "label = Kiosk 3 printer");
                        awaitDevice("kiosk3", state("ONLINE"), 10_000);
                        JsonNode n = issue("C");
                        assertEquals("kiosk3", print(n, "kiosk-3").path("printer").asText());
                        EscPosDevice.Ticket p = network.await(1, 5000).get(0);
                        assertTrue(p.text().contains(n.path("number").asText()), p.text());
                        System.out.printf("ESC/POS over TCP: one ticket of %d bytes%n", p.bytes().length);
                    }
                    java.nio.file.Files.delete(karaf.home.resolve("etc/org.talon.driver.escpos.printer-kiosk3.cfg"));
                }

                // the driver is updated while the kiosk prints: every ticket is printed somewhere or shown, none is lost
                java.nio.file.Path jar = java.nio.file.Path.of("../../bundles/org.talon.driver.escpos/target/org.talon.driver.escpos-0.1.0-SNAPSHOT.jar")
                        .toAbsolutePath().normalize();
                assertTrue(java.nio.file.Files.exists(jar), jar.toString());
                int before = printer.tickets().size();
                java.util.concurrent.ExecutorService kiosk = java.util.concurrent.Executors.newSingleThreadExecutor();
                java.util.concurrent.atomic.AtomicBoolean go = new java.util.concurrent.atomic.AtomicBoolean(true);
                java.util.concurrent.Future<List<JsonNode>> outcomes = kiosk.submit(() -> {
                    List<JsonNode> o = new ArrayList<>();
                    while (go.get() || o.size() < 10) o.add(print(issue("B"), "kiosk-2"));
                    return o;
                });
                Thread.sleep(1000);
                long u0 = System.nanoTime();
                karaf.client("bundle:update org.talon.driver.escpos " + jar.toUri());
                long updateMillis = (System.nanoTime() - u0) / 1_000_000;
                awaitDevice("kiosk2", state("ONLINE"), 10_000);
                long onlineMillis = (System.nanoTime() - u0) / 1_000_000;
                Thread.sleep(1500);
                go.set(false);
                List<JsonNode> all = outcomes.get(60, java.util.concurrent.TimeUnit.SECONDS);
                kiosk.shutdown();
                long onKiosk2 = all.stream().filter(o -> o.path("printer").asText().equals("kiosk2")).count();
                long elsewhereOrScreen = all.size() - onKiosk2;
                System.out.printf("bundle:update org.talon.driver.escpos: console %d ms, printer ONLINE again %d ms after; %d tickets printed on it,"
                        + " %d elsewhere or on screen%n", updateMillis, onlineMillis, onKiosk2, elsewhereOrScreen);
                for (JsonNode o : all) assertTrue(List.of("PRINTED", "SHOWN_ON_SCREEN").contains(o.path("outcome").asText()), o.toString());
                List<String> onPaper = printer.await(before + (int) onKiosk2, 10_000).stream().skip(before).map(EscPosDevice.Ticket::text).toList();
                for (JsonNode o : all) {
                    if (!o.path("printer").asText().equals("kiosk2")) continue;
                    String number = o.path("number").asText();
                    assertTrue(onPaper.stream().anyMatch(x -> x.contains(number)), "a ticket said printed on kiosk2 is on its paper: " + number);
                }
                assertTrue(all.stream().skip(all.size() - 3).allMatch(o -> o.path("printer").asText().equals("kiosk2")), "printing on it again after the update");
            }
        }
    }

    @Test
    void anAlphaSignAnRs485BoardAndAHomeBuiltKeypadOnSerialLinesShowCallsAndTheKeypadsKeysAct() throws Exception {
        java.nio.file.Path dir = karaf.home.resolve("tty");
        try (PseudoTerminal a = new PseudoTerminal(dir, "ALPHA").plug(); PseudoTerminal b = new PseudoTerminal(dir, "RS485").plug();
                PseudoTerminal k = new PseudoTerminal(dir, "KEYS").plug()) {
            FramedDisplay sign = new FramedDisplay(FramedDisplay.Protocol.ALPHA);
            FramedDisplay board = new FramedDisplay(FramedDisplay.Protocol.RS485);
            SerialKeypad keypad = new SerialKeypad();
            try (DeviceWire wa = DeviceWire.serial(a, sign); DeviceWire wb = DeviceWire.serial(b, board); DeviceWire wk = DeviceWire.serial(k, keypad)) {
                configure("org.talon.driver.alphasign.board-side.cfg", "port = " + a.uri("baud=9600&databits=7&parity=even"), "branch = demo",
                        "hall = side", "lines = 2");
                configure("org.talon.driver.rs485board.board-over4.cfg", "port = " + b.uri("baud=9600&stopbits=2"), "branch = demo", "counter = 4",
                        "address = 32");
                configure("org.talon.driver.talonserial.keypad-keys4.cfg", "port = " + k.uri("baud=115200"), "branch = demo", "counter = 4");
                karaf.client("feature:install talon-driver-alphasign", "feature:install talon-driver-rs485board", "feature:install talon-driver-talonserial");
                for (String d : List.of("side", "over4", "keys4")) awaitDevice(d, state("ONLINE"), 20_000);
                assertTrue(keypad.pings() > 0, "Talon pinged the keypad");

                issue("A");
                // the operator presses NEXT on the home-built keypad: counter 4 calls
                assertTrue(wk.send(SerialKeypad.key("NEXT")));
                String number = null;
                long end = System.currentTimeMillis() + 5000;
                while (number == null && System.currentTimeMillis() < end) {
                    for (JsonNode c : json(api.call("GET", "/branches/demo/counters", ADMIN, null), 200)) {
                        if (c.path("id").asText().equals("4") && !c.path("ticket").path("number").asText().isEmpty()) number = c.path("ticket").path("number").asText();
                    }
                    Thread.sleep(50);
                }
                assertTrue(number != null, "the keypad's NEXT called a ticket at counter 4");
                FramedDisplay.Frame over = board.await(number, 5000);
                assertEquals("32", over.address(), "the board over counter 4 at its address");
                sign.await(number, 5000);
                assertTrue(keypad.await(number, 5000).startsWith(number + "|"), "the keypad's screen shows the ticket");
                assertEquals(0, sign.badFrames(), "every Alpha packet's checksum was right");
                assertEquals(0, board.badFrames());

                assertTrue(wk.send(SerialKeypad.key("FINISH")));
                String done = number;
                long until = System.currentTimeMillis() + 5000;
                while (board.frames().get(board.frames().size() - 1).text().contains(done)) {
                    assertTrue(System.currentTimeMillis() < until, "the board over counter 4 cleared after FINISH: " + board.frames());
                    Thread.sleep(20);
                }
            }
            for (String f : List.of("org.talon.driver.alphasign.board-side.cfg", "org.talon.driver.rs485board.board-over4.cfg",
                    "org.talon.driver.talonserial.keypad-keys4.cfg")) {
                java.nio.file.Files.delete(karaf.home.resolve("etc/" + f));
            }
        }
    }

    /** Bundles as {@code bundle:list -s -t 0} shows them: id, state and symbolic name. */
    static Map<String, String> bundles() throws Exception {
        return bundlesOf(karaf);
    }

    /** Bundles of a running distribution as {@code bundle:list -s -t 0} shows them: id and state by symbolic name. */
    static Map<String, String> bundlesOf(TalonProcess karaf) throws Exception {
        Map<String, String> b = new java.util.TreeMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*(\\d+)\\s*[│|]\\s*(\\w+)\\s*[│|][^\\n]*[│|]\\s*(\\S+)\\s*$")
                .matcher(karaf.client("bundle:list -s -t 0"));
        while (m.find()) b.put(m.group(3), m.group(1) + " " + m.group(2));
        return b;
    }

    @Test
    void aModbusCounterDisplayShowsItsCounterAndUninstallingItsFeatureRestartsNoOtherBundle() throws Exception {
        try (PseudoTerminal tty = new PseudoTerminal(karaf.home.resolve("tty"), "MB").plug()) {
            ModbusDisplay display = new ModbusDisplay(1);
            try (DeviceWire wire = DeviceWire.serial(tty, display)) {
                configure("org.talon.driver.modbusled.display-counter2.cfg", "port = " + tty.uri("baud=9600"), "branch = demo", "counter = 2");
                karaf.client("feature:install talon-driver-modbusled");
                awaitDevice("counter2", state("ONLINE"), 20_000);
                issue("B");
                json(api.call("POST", "/branches/demo/counters/2/call", ADMIN, null), 200);
                JsonNode counters = json(api.call("GET", "/branches/demo/counters", ADMIN, null), 200);
                String atTwo = null;
                for (JsonNode c : counters) if (c.path("id").asText().equals("2")) atTwo = c.path("ticket").path("number").asText();
                assertTrue(atTwo != null && !atTwo.isEmpty(), counters.toString());
                display.await(atTwo, 5000);
                assertEquals(0, display.badFrames(), "every frame's CRC was right");
                json(api.call("POST", "/branches/demo/counters/2/finish", ADMIN, null), 200);
                display.await("", 5000);

                Map<String, String> before = bundles();
                assertTrue(before.containsKey("org.talon.driver.modbusled"), before.toString());
                String kioskSince = device("kiosk1").path("since").asText();
                int queueStarts = ExampleDomainIT.count(karaf.log(), "Queue engine started");
                java.util.concurrent.atomic.AtomicBoolean go = new java.util.concurrent.atomic.AtomicBoolean(true);
                java.util.concurrent.atomic.AtomicInteger called = new java.util.concurrent.atomic.AtomicInteger();
                Thread calls = new Thread(() -> {
                    try {
                        while (go.get()) {
                            issue("A");
                            if (api.call("POST", "/branches/demo/counters/3/next", ADMIN, null).statusCode() == 200) called.incrementAndGet();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                calls.start();
                karaf.client("feature:uninstall talon-driver-modbusled");
                assertEquals(404, api.call("GET", "/branches/demo/hardware/counter2", ADMIN, null).statusCode(), "its device went with it");
                karaf.client("feature:install talon-driver-modbusled");
                go.set(false);
                calls.join();
                assertTrue(called.get() > 0, "tickets were called meanwhile");
                awaitDevice("counter2", state("ONLINE"), 20_000);
                Map<String, String> after = bundles();
                before.remove("org.talon.driver.modbusled");
                after.remove("org.talon.driver.modbusled");
                assertEquals(before, after, "every other bundle kept its id and state");
                assertEquals(kioskSince, device("kiosk1").path("since").asText(), "the hardware registry and the other drivers were not restarted");
                assertEquals(queueStarts, ExampleDomainIT.count(karaf.log(), "Queue engine started"), "the queue engine was not restarted");
                issue("B");
                json(api.call("POST", "/branches/demo/counters/2/call", ADMIN, null), 200);
                for (JsonNode c : json(api.call("GET", "/branches/demo/counters", ADMIN, null), 200)) {
                    if (c.path("id").asText().equals("2")) display.await(c.path("ticket").path("number").asText(), 5000);
                }
                json(api.call("POST", "/branches/demo/counters/2/finish", ADMIN, null), 200);
            }
        }
    }
}
