package org.talon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.talon.bench.Http.basic;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.talon.bench.TalonProcess;

/**
 * The example domain (bundles/org.talon.example, feature talon-example), the smallest a domain
 * can be: installed into a running distribution it answers its route, writes its event on the
 * branch's log, and its durable subscriber keeps the table it projects; uninstalled and installed
 * again, it goes on from its position; neither restarts another domain's bundles.
 */
class ExampleDomainIT {
    static final String PW = "Admin-Secret-1";

    @Test
    void aDomainOfOneRouteOneEventAndOneDurableSubscriberComesAndGoesAsAFeature() throws Exception {
        try (TalonProcess karaf = new TalonProcess("example", PW)) {
            karaf.startAndAwait();
            String admin = basic("admin", PW);
            Api api = new Api(karaf.httpPort).awaitUp(admin);
            HttpResponse<String> login = api.call("POST", "/session", null, "{\"user\":\"admin\",\"password\":\"" + PW + "\"}");
            assertEquals(200, login.statusCode(), login.body());
            String session = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            assertFalse(api.call("GET", "/capabilities", admin, null).body().contains("\"example\""));
            assertEquals(404, api.call("POST", "/branches/demo/notices", admin, "{\"text\":\"x\"}").statusCode());
            assertTrue(count(karaf.log(), "Queue engine started") >= 1, "the engine says when it starts");
            int queueStarts = count(karaf.log(), "Queue engine started");

            karaf.client("feature:install talon-example");
            HttpResponse<String> posted = await(api, admin, "{\"text\":\"Okno 3 zamknięte od 14:00\"}");
            assertEquals(201, posted.statusCode(), posted.body());
            assertTrue(posted.body().contains("\"text\":\"Okno 3 zamknięte od 14:00\""), posted.body());
            assertTrue(api.call("GET", "/capabilities", admin, null).body().contains("\"example\""));
            assertTrue(api.call("GET", "/openapi.json", admin, null).body().contains("/branches/{branch}/notices"));
            // refusals in the caller's language, from the domain's own texts
            HttpResponse<String> empty = api.call("POST", "/branches/demo/notices", admin, "{\"text\":\" \"}", "Accept-Language", "pl");
            assertEquals(400, empty.statusCode());
            assertTrue(empty.body().contains("Ogłoszenie musi mieć treść."), empty.body());
            HttpResponse<String> nowhere = api.call("POST", "/branches/mars/notices", admin, "{\"text\":\"x\"}", "Accept-Language", "ru");
            assertEquals(404, nowhere.statusCode());
            assertTrue(nowhere.body().contains("Отделения «mars» нет."), nowhere.body());
            assertEquals(401, api.call("POST", "/branches/demo/notices", null, "{\"text\":\"x\"}").statusCode(), "a manager's route");
            awaitHandled(karaf, "example.notices");

            karaf.client("feature:uninstall talon-example");
            assertEquals(404, api.call("POST", "/branches/demo/notices", admin, "{\"text\":\"x\"}").statusCode(), "its route went with it");
            assertEquals(201, api.call("POST", "/branches/demo/tickets", admin, "{\"service\":\"A\"}").statusCode(), "the queue serves on");
            karaf.client("feature:install talon-example");
            assertEquals(201, await(api, admin, "{\"text\":\"Second notice\"}").statusCode());
            awaitHandled(karaf, "example.notices");

            assertEquals(queueStarts, count(karaf.log(), "Queue engine started"), "the queue engine did not start again");
            assertEquals(200, api.call("GET", "/session", null, null, "Cookie", session).statusCode(),
                    "a staff session in the web bundle's memory survived: the API was not restarted");
            karaf.stop();

            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + karaf.home.resolve("data/talon/talon"), "talon", "talon");
                    Statement st = c.createStatement()) {
                List<String> texts = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT text FROM example_notice WHERE branch = 'demo' ORDER BY seq")) {
                    while (rs.next()) texts.add(rs.getString(1));
                }
                assertEquals(List.of("Okno 3 zamknięte od 14:00", "Second notice"), texts, "one row per notice, none twice");
            }
        }
    }

    /** Posts a notice once the route is there (a feature's bundles start after feature:install returns). */
    static HttpResponse<String> await(Api api, String auth, String body) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        for (;;) {
            HttpResponse<String> r = api.call("POST", "/branches/demo/notices", auth, body);
            if (r.statusCode() != 404 || System.currentTimeMillis() > deadline) return r;
            Thread.sleep(200);
        }
    }

    /** Waits until the subscriber has nothing left to handle in branch demo, with no problem shown. */
    static void awaitHandled(TalonProcess karaf, String name) throws Exception {
        Pattern row = Pattern.compile(Pattern.quote(name) + "\\s*\\|\\s*demo\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*\\|?(.*)");
        long deadline = System.currentTimeMillis() + 60_000;
        String status = "";
        while (System.currentTimeMillis() < deadline) {
            status = karaf.client("talon:subscribers");
            Matcher m = row.matcher(status);
            if (m.find() && m.group(2).equals("0")) {
                assertTrue(m.group(3).replace("|", "").isBlank(), "no problem: " + status);
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(name + " did not catch up:\n" + status);
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }
}
