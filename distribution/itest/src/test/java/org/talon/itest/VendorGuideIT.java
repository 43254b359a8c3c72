package org.talon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.talon.bench.Http;
import org.talon.bench.TalonProcess;

/**
 * docs/vendor-guide.md walked end to end: its shell commands run in an empty folder (the archetype
 * makes a driver project, which builds, passes the driver test kit and verifies its feature), then
 * its console commands and configuration in a running Talon, whose call reaches the new driver's
 * display over TCP.
 */
class VendorGuideIT {
    static final Path GUIDE = Path.of("../../docs/vendor-guide.md").toAbsolutePath().normalize();

    /** The guide's code blocks of one language, in order. */
    static List<String> blocks(String guide, String language) {
        List<String> b = new ArrayList<>();
        Matcher m = Pattern.compile("(?ms)^```" + language + "\\n(.*?)^```").matcher(guide);
        while (m.find()) b.add(m.group(1));
        return b;
    }

    @Test
    void theVendorGuideMakesADriverThatBuildsPassesTheKitAndRunsInTalon() throws Exception {
        String guide = Files.readString(GUIDE);
        List<String> shell = blocks(guide, "sh");
        assertEquals(1, shell.size(), "the guide's shell commands");
        Path empty = Files.createDirectories(Path.of("target/vendor-guide"));
        TalonProcess.deleteTree(empty);
        Files.createDirectories(empty);
        // as a vendor runs them: Maven takes Talon's artifacts from the local repository this build installed
        String out = TalonProcess.run(List.of("bash", "-euo", "pipefail", "-c", "cd " + empty + " && " + shell.get(0)), Map.of(), 900);
        assertTrue(out.contains("BUILD SUCCESS"), out);
        Path project = empty.resolve("talon-driver-acme");
        Path bundle = project.resolve("com.acme.talon.driver/target/com.acme.talon.driver-1.0.0-SNAPSHOT.jar");
        assertTrue(Files.exists(bundle), "the driver bundle was built: " + bundle);
        String reports = String.join("\n", TalonProcess.run(List.of("bash", "-c", "cat " + project + "/com.acme.talon.driver/target/surefire-reports/*.txt"), Map.of(), 30));
        assertTrue(reports.contains("VendorDisplayContractTest") && reports.contains("Failures: 0, Errors: 0"), reports);
        assertTrue(Files.exists(project.resolve("feature/target/feature/feature.xml")), "the feature was made and verified");
        String manifest = TalonProcess.run(List.of("unzip", "-p", bundle.toString(), "META-INF/MANIFEST.MF"), Map.of(), 30);
        assertTrue(manifest.contains("org.talon.device.api"), manifest);
        assertTrue(!manifest.contains("Export-Package"), "a driver exports nothing: " + manifest);

        // the guide's part in Talon: its console commands, then its configuration file
        List<String> console = blocks(guide, "karaf");
        List<String> properties = blocks(guide, "properties");
        assertEquals(1, console.size());
        assertEquals(1, properties.size());
        try (TalonProcess karaf = new TalonProcess("vendor", "Vendor-Secret-5");
                ServerSocket display = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            karaf.start(Map.of("TALON_ADMIN_PASSWORD", "Vendor-Secret-5"));
            karaf.awaitReady();
            String[] commands = console.get(0).strip().split("\n");
            String result = karaf.client(commands);
            assertTrue(!result.contains("Error"), result);
            // the guide's display listens on port 4001; here on a free port
            assertTrue(properties.get(0).contains("tcp://127.0.0.1:4001"), properties.get(0));
            Files.writeString(karaf.home.resolve("etc/com.acme.talon.driver.display-window1.cfg"),
                    properties.get(0).replace("4001", String.valueOf(display.getLocalPort())));
            display.setSoTimeout(30_000);
            try (Socket s = display.accept()) {
                s.setSoTimeout(30_000);
                String hardware = "";
                long end = System.currentTimeMillis() + 20_000;
                while (!hardware.contains("ONLINE") && System.currentTimeMillis() < end) {
                    hardware = karaf.client("talon:hardware");
                    Thread.sleep(200);
                }
                assertTrue(hardware.contains("window1") && hardware.contains("demo, counter 1") && hardware.contains("ONLINE"), hardware);
                Api api = new Api(karaf.httpPort).awaitUp(Http.basic("admin", "Vendor-Secret-5"));
                String auth = Http.basic("admin", "Vendor-Secret-5");
                String number = Api.field(api.call("POST", "/branches/demo/tickets", auth, "{\"service\":\"A\"}").body(), "number");
                assertEquals(200, api.call("POST", "/branches/demo/counters/1/call", auth, null).statusCode());
                InputStream in = s.getInputStream();
                StringBuilder got = new StringBuilder();
                while (!got.toString().contains(number + " 1\r\n")) {
                    int c = in.read();
                    if (c < 0) break;
                    got.append((char) c);
                }
                assertTrue(got.toString().contains(number + " 1\r\n"), "the call reached the new driver's display: " + got);
            }
        }
    }
}
