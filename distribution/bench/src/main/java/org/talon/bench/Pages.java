package org.talon.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;

/**
 * {@code run ui}: the pages as a hall uses them, in Debian's headless Chromium. The time from an
 * operator's key on /operator to the call on /display, over many calls (the key's event time in
 * the operator's page to the display's drawing of the row, both on the machine's wall clock), and
 * what each page transfers on its first load.
 */
final class Pages {
    private Pages() {
    }

    static int run(Path distribution, Path work, int calls) throws Exception {
        String pw = "Bench-Ui-1";
        try (TalonProcess k = new TalonProcess(distribution, work.resolve("ui"), pw)) {
            Files.writeString(k.home.resolve("etc/users.properties"), "anna = Anna-Bench-1,operator\n", StandardOpenOption.APPEND);
            k.startAndAwait();
            String admin = Http.basic("admin", pw);
            String anna = Http.basic("anna", "Anna-Bench-1");
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + k.httpPort + "/api/v1";
            awaitApi(http, base, admin);
            try (Browser display = new Browser(k.httpPort, 1920, 1080); Browser operator = new Browser(k.httpPort, 1366, 768)) {
                // the display pairs as a hall display would
                display.open("/display?voice=off");
                String code = display.awaitText(".pairing .code", 30).replace(" ", "");
                send(http, "POST", base + "/devices", admin, "{\"name\":\"bench-hall\",\"role\":\"display\",\"pairingCode\":\"" + code + "\"}");
                display.await(".calls", 30);
                operator.open("/operator?counter=1");
                operator.await("form.login input[name=user]", 30).sendKeys("anna");
                operator.await("form.login input[name=password]", 5).sendKeys("Anna-Bench-1\n");
                operator.await("[data-action=open]", 30);
                send(http, "POST", base + "/branches/demo/counters/1/open", anna, "{}");
                operator.script("document.addEventListener('keydown', e => { window.keyAt = performance.timeOrigin + e.timeStamp; })");
                List<String> numbers = new ArrayList<>();
                for (int i = 0; i < calls + 5; i++) {
                    numbers.add(field(send(http, "POST", base + "/branches/demo/tickets", admin, "{\"service\":\"A\"}"), "number"));
                }
                long[] micros = new long[calls];
                for (int i = 0; i < calls + 5; i++) {
                    String number = numbers.get(i);
                    operator.awaitScript("return !document.querySelector('#current-number[data-number]')", 10_000);
                    operator.driver.findElement(By.tagName("body")).sendKeys("n");
                    Object shown = display.awaitScript("const c = window.talonLastCall; return c && c.number === '" + number
                            + "' ? c.shownAt : null", 10_000);
                    double keyAt = ((Number) operator.script("return window.keyAt")).doubleValue();
                    if (i >= 5) micros[i - 5] = Math.round((((Number) shown).doubleValue() - keyAt) * 1000);
                    operator.awaitScript("return document.querySelector('#current-number')?.dataset.number === '" + number + "'", 10_000);
                    send(http, "POST", base + "/branches/demo/counters/1/finish", anna, null);
                    operator.awaitScript("return !document.querySelector('#current-number[data-number]')", 10_000);
                }
                java.util.Arrays.sort(micros);
                System.out.printf("ui: operator's key -> hall display, %d calls (after 5 not counted): median %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        calls, micros[calls / 2] / 1000.0, micros[Math.min(calls - 1, (int) Math.ceil(calls * 0.99) - 1)] / 1000.0,
                        micros[calls - 1] / 1000.0);
                String publicId = field(send(http, "POST", base + "/branches/demo/tickets", admin, "{\"service\":\"B\"}"), "publicId");
                weigh(display, "/display?voice=off", ".calls");
                weigh(display, "/display/counter/1", ".big");
                weigh(operator, "/operator?counter=1", "[data-action=call]");
                weigh(operator, "/manager", "[data-tile=served] .value");
                weigh(display, "/t/" + publicId, ".card .number");
                weigh(display, "/kiosk", ".services button");
                // the site editor is a manager's: the operator's browser signs in again as admin
                operator.driver.manage().deleteAllCookies();
                operator.open("/manager/site");
                operator.await("form.login input[name=user]", 30).sendKeys("admin");
                operator.await("form.login input[name=password]", 5).sendKeys(pw + "\n");
                operator.await("section[data-kind=services] tr[data-id]", 30);
                weigh(operator, "/manager/site", "section[data-kind=services] tr[data-id]");
                System.out.printf("ui: one announcement's clips (chime, ticket, A, 1, to window, 1): %.1f KB%n",
                        clipBytes(http, "http://127.0.0.1:" + k.httpPort, List.of("/ui/clips/chime.ogg", "/ui/clips/en/ticket.ogg",
                                "/ui/clips/en/letter-a.ogg", "/ui/clips/en/1.ogg", "/ui/clips/en/window.ogg", "/ui/clips/en/1.ogg")) / 1024.0);
            }
        }
        return 0;
    }

    /** What the page transferred on a load with an empty cache: the document and everything it fetched by then. */
    private static void weigh(Browser b, String path, String ready) {
        b.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        b.open(path);
        try {
            b.await(ready, 30);
        } catch (RuntimeException e) {
            System.out.printf("ui: %s did not show %s (%s)%n", path, ready, e.getClass().getSimpleName());
        }
        Object kb = b.script("const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];"
                + "return [all.reduce((a, e) => a + (e.transferSize || 0), 0) / 1024, all.length]");
        List<?> r = (List<?>) kb;
        System.out.printf("ui: page %-22s %6.1f KB transferred in %s requests%n", path.replaceAll("/t/.*", "/t/{publicId}").replaceAll("\\?.*", ""),
                ((Number) r.get(0)).doubleValue(), r.get(1));
    }

    private static long clipBytes(HttpClient http, String origin, List<String> paths) throws Exception {
        long n = 0;
        for (String p : paths) n += http.send(HttpRequest.newBuilder(URI.create(origin + p)).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        return n;
    }

    private static void awaitApi(HttpClient http, String base, String admin) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/capabilities")).header("Authorization", admin).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the API did not come up");
    }

    private static String send(HttpClient http, String method, String url, String auth, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) b.header("Content-Type", "application/json");
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new IllegalStateException(method + " " + url + ": " + r.statusCode() + " " + r.body());
        return r.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
        return m.group(1);
    }
}
