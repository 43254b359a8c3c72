package org.talon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.talon.bench.Http.basic;
import static org.talon.itest.Api.field;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.talon.bench.Browser;
import org.talon.bench.TalonProcess;

/**
 * The web pages as their users meet them: Debian's headless Chromium against the distribution
 * over real HTTP. A kiosk and a hall display are two browsers, each paired with the code it
 * shows; the customer's phone is a third, small one. Screenshots of every page in every language
 * go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiIT {
    static final String ADMIN_PW = "Web-Secret-1";
    static final String ADMIN = basic("admin", ADMIN_PW);
    static final String ANNA = basic("anna", "Anna-Secret-1");
    static TalonProcess karaf;
    static Api api;
    static Browser kiosk;
    static Browser display;
    static String publicId;

    @BeforeAll
    static void start() throws Exception {
        karaf = new TalonProcess("webui", ADMIN_PW);
        java.nio.file.Files.writeString(karaf.home.resolve("etc/users.properties"), "anna = Anna-Secret-1,operator\nmia = Mia-Secret-1,manager\n",
                java.nio.file.StandardOpenOption.APPEND);
        karaf.startAndAwait();
        api = new Api(karaf.httpPort).awaitUp(ADMIN);
        kiosk = new Browser(karaf.httpPort, 1080, 1920);
        display = new Browser(karaf.httpPort, 1920, 1080);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {kiosk, display, karaf}) {
            try {
                if (c != null) c.close();
            } catch (Exception e) {
                // closing what is left
            }
        }
    }

    static String pairingCode(Browser b, String path) {
        b.open(path);
        return b.awaitText(".pairing .code", 30).replace(" ", "");
    }

    @Test
    @Order(1)
    void aKioskShowsAPairingCodeAndIsPairedWithItAtTheConsole() throws Exception {
        String code = pairingCode(kiosk, "/kiosk");
        assertTrue(code.matches("[A-Z0-9]{6}"), code);
        String out = karaf.client("talon:device-pair " + code + " kiosk kiosk-1");
        assertTrue(out.contains("kiosk-1"), out);
        kiosk.await(".services button", 20);
        // the device token is a cookie the page's script cannot read
        assertEquals("", kiosk.script("return document.cookie"));
        assertTrue(kiosk.cookies().containsKey("talon-device"), kiosk.cookies().toString());
        // a code is used once
        String again;
        try {
            again = karaf.client("talon:device-pair " + code + " kiosk kiosk-2");
        } catch (IllegalStateException e) {
            again = e.getMessage();
        }
        assertTrue(again.contains("No page shows the pairing code"), again);
        assertFalse(api.call("GET", "/devices", ADMIN, null).body().contains("kiosk-2"));
        // a refused command of the queue too: a user's mistake is a message on the console, no ERROR in the log
        String nothing;
        try {
            nothing = karaf.client("talon:finish 1");
        } catch (IllegalStateException e) {
            nothing = e.getMessage();
        }
        assertTrue(nothing.contains("1"), nothing);
        String log = java.nio.file.Files.readString(karaf.home.resolve("data/log/karaf.log"));
        assertFalse(log.contains("Exception caught while executing command"), "a refused command logged an error");
    }

    @Test
    @Order(2)
    void aDisplayIsPairedByAnAdminOnTheAdminPageAndTheTokenGoesOnlyToThePage() throws Exception {
        String code = pairingCode(display, "/display");
        try (Browser admin = new Browser(karaf.httpPort, 1366, 900)) {
            admin.open("/admin?lang=en");
            admin.await("form.login input[name=user]", 20).sendKeys("admin");
            admin.await("form.login input[name=password]", 5).sendKeys(ADMIN_PW + "\n");
            admin.await("form.pair input[name=code]", 20).sendKeys(code.substring(0, 3) + "-" + code.substring(3));
            new org.openqa.selenium.support.ui.Select(admin.await("form.pair select[name=role]", 5)).selectByValue("display");
            admin.await("form.pair input[name=name]", 5).sendKeys("hall-1\n");
            admin.await("tr[data-device=hall-1]", 10);
            assertTrue(admin.text("#message").contains("hall-1"), admin.text("#message"));
            assertFalse(admin.driver.getPageSource().contains("token"), "the admin never sees the token");
            display.await(".calls", 20);
            // a code is used once
            assertEquals(404, api.call("POST", "/devices", ADMIN,
                    "{\"name\":\"hall-2\",\"role\":\"display\",\"pairingCode\":\"" + code + "\"}").statusCode());
            List<String> failures = new ArrayList<>();
            for (String lang : List.of("en", "ru", "pl")) {
                page(failures, admin, 1366, 900, "/admin?lang=" + lang, "tr[data-device=hall-1]", "admin-" + lang);
            }
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        }
    }

    @Test
    @Order(3)
    void aCustomerTakesATicketInPolishAndTheDisplayAndThePhoneShowItsCall() throws Exception {
        kiosk.open("/kiosk");
        kiosk.await(".services button", 20);
        kiosk.click(".langs button[data-lang=pl]");
        kiosk.awaitScript("return document.querySelector('button[data-service=A] .name').textContent === 'Sprawy ogólne'", 5000);
        kiosk.click("button[data-service=A]");
        String number = kiosk.awaitText("#ticket-number", 20);
        assertTrue(number.matches("A\\d{3}"), number);
        String qr = kiosk.await(".ticket img", 5).getAttribute("src");
        publicId = qr.substring(qr.indexOf("t=") + 2);
        assertEquals(Boolean.TRUE, kiosk.awaitScript("return document.querySelector('.ticket img').naturalWidth > 0", 5000));
        assertEquals("pl", field(api.call("GET", "/branches/demo/tickets", ADMIN, null).body(), "language"));
        // printed on the kiosk's own printer (the demo's virtual one), and the kiosk says so
        kiosk.await(".ticket .printed[data-outcome=PRINTED]", 20);
        assertEquals("kiosk1", kiosk.script("return document.querySelector('.ticket .printed').dataset.printer"));
        assertEquals("Odbierz bilet z drukarki poniżej.", kiosk.text(".ticket .printed"));
        assertTrue(api.call("GET", "/branches/demo/hardware/kiosk1", ADMIN, null).body().contains("\"number\":\"" + number + "\""),
                "the printer's paper has the ticket");
        kiosk.screenshot("kiosk-ticket-pl");

        try (Browser phone = new Browser(karaf.httpPort, 390, 844)) {
            phone.open("/t/" + publicId + "?lang=pl");
            assertEquals(number, phone.awaitText(".card .number", 20));
            assertTrue(phone.text(".card").contains("Twoje miejsce w kolejce: 1"), phone.text(".card"));

            display.open("/display?lang=pl");
            display.await(".calls", 20);
            display.awaitScript("return document.getElementById('status') === null || document.getElementById('status').hidden", 10000);
            phone.awaitScript("return window.talonTicketStream?.readyState === 1", 10000);
            // the operator logs in on the page (no browser dialog), picks counter 1, opens it and calls by key
            try (Browser operator = new Browser(karaf.httpPort, 1366, 768)) {
                operator.open("/operator?lang=pl");
                operator.await("form.login input[name=user]", 20).sendKeys("anna");
                operator.await("form.login input[name=password]", 5).sendKeys("Anna-Secret-1\n");
                operator.click("button[data-counter='1']");
                operator.await("[data-action=open]", 10);
                assertEquals("", operator.script("return document.cookie"), "the session is an HttpOnly cookie");
                // a refusal is the API's own words, in the operator's language
                operator.click("[data-action=serve]");
                String refusal = (String) operator.awaitScript("return document.getElementById('problem').textContent || null", 5000);
                String apiWords = api.call("POST", "/branches/demo/counters/1/serve", ANNA, null, "Accept-Language", "pl").body();
                assertTrue(apiWords.contains(refusal.replace("\"", "\\\"")), refusal + " / " + apiWords);
                operator.driver.findElement(org.openqa.selenium.By.tagName("body")).sendKeys("o");
                operator.awaitScript("return document.getElementById('counter-state').textContent.startsWith('otwarte')", 5000);
                operator.screenshot("operator-open-pl");
                long t0 = System.nanoTime();
                operator.driver.findElement(org.openqa.selenium.By.tagName("body")).sendKeys("n");
                display.awaitScript("return document.querySelector('#calls tr.newest')?.dataset.number === '" + number + "'", 1500);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("operator's key -> display: %d ms%n", ms);
                assertTrue(ms < 1000, "the display shows the call within 1 s of the operator's key: " + ms + " ms");
                assertEquals(number, operator.awaitScript("return document.querySelector('#current-number')?.dataset.number", 5000));
                operator.screenshot("operator-called-pl");
            }
            // the counter's name in the page's language (name.pl in its configuration)
            assertTrue(display.text("#calls tr.newest").contains("Stanowisko 1"), display.text("#calls tr.newest"));
            display.screenshot("display-call-pl");
            // announced in the branch's first language (en): chime, "ticket", A, 1, "to window", 1
            Object played = display.awaitScript("const p = window.talonAnnouncer.played; return p.length ? JSON.stringify(p[p.length - 1]) : null", 15000);
            assertEquals(clips("en", "chime", "ticket", "letter-a", "1", "window", "1"), played);

            // the phone follows its ticket on its stream: the call arrives there, the page asks nothing again
            phone.await(".card.called", 10);
            assertTrue(phone.text(".card").contains("Zapraszamy do: Stanowisko 1"), phone.text(".card"));
            assertEquals(1L, phone.script("return performance.getEntriesByType('resource')"
                    + ".filter(e => e.initiatorType === 'fetch' && e.name.includes('/api/v1/tickets/')).length"));
            phone.screenshot("ticket-called-pl");
        }
        assertEquals(200, api.call("POST", "/branches/demo/counters/1/finish", ANNA, null).statusCode());
    }

    @Test
    @Order(4)
    void theDisplaySaysItIsOfflineWhileItsStreamIsClosedAndMissesNoCallAfterwards() throws Exception {
        display.open("/display");
        display.await(".calls", 20);
        List<String> numbers = new ArrayList<>();
        String firstPublicId = null;
        for (int i = 0; i < 3; i++) {
            String issued = api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"B\"}").body();
            numbers.add(field(issued, "number"));
            if (firstPublicId == null) firstPublicId = field(issued, "publicId");
        }
        // a customer follows the first of them on a phone that then sleeps through the outage
        Browser phone = new Browser(karaf.httpPort, 390, 844);
        phone.open("/t/" + firstPublicId);
        phone.awaitScript("return window.talonTicketStream?.readyState === 1", 20000);
        phone.script("Object.defineProperty(document, 'hidden', {value: true, configurable: true});"
                + "document.dispatchEvent(new Event('visibilitychange'))");
        for (String c : List.of("2", "3", "4")) {
            assertEquals(200, api.call("POST", "/branches/demo/counters/" + c + "/open", ADMIN, "{}").statusCode());
        }
        // the server closes every stream: the web bundle stops (the queue goes on, on the console)
        karaf.client("bundle:stop org.talon.web");
        try {
            display.await("#status", 15);
            for (String c : List.of("2", "3", "4")) {
                String out = karaf.client("talon:call " + c);
                assertTrue(out.contains("calls B"), out);
            }
            display.screenshot("display-offline-en");
        } finally {
            karaf.client("bundle:start org.talon.web");
        }
        for (String n : numbers) {
            display.awaitScript("return !!document.querySelector('#calls tr[data-number=\"" + n + "\"]')", 30000);
        }
        display.awaitScript("return document.getElementById('status').hidden", 10000);
        try (phone) {
            // asleep, it closed its stream: it still shows what it showed
            assertEquals("WAITING", phone.script("return document.querySelector('.card')?.dataset.state"));
            // it wakes: it asks once at once and follows its stream again
            phone.script("Object.defineProperty(document, 'hidden', {value: false, configurable: true});"
                    + "document.dispatchEvent(new Event('visibilitychange'))");
            phone.await(".card.called", 10);
            assertTrue(phone.text(".card").contains("Please go to Window 2"), phone.text(".card"));
            phone.awaitScript("return window.talonTicketStream?.readyState === 1", 20000);
        }
    }

    @Test
    @Order(5)
    void aRevokedDisplayGoesBackToPairing() throws Exception {
        // the server ends the revoked token's open stream at once: the page does not poll to find out
        assertEquals(204, api.call("DELETE", "/devices/hall-1", ADMIN, null).statusCode());
        display.await(".pairing .code", 15);
    }

    @Test
    @Order(6)
    void everyPageInEveryLanguageRendersWithoutConsoleErrorsOrSeriousAccessibilityViolations() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String lang : List.of("en", "ru", "pl")) {
            page(failures, kiosk, 1080, 1920, "/kiosk?lang=" + lang, ".services button", "kiosk-" + lang);
            page(failures, kiosk, 1920, 1080, "/kiosk?lang=" + lang, ".services button", "kiosk-landscape-" + lang);
            page(failures, kiosk, 1920, 1080, "/display?lang=" + lang, "#queues tr", "display-" + lang);
            String hall = kiosk.text("#title");
            String hallExpected = Map.of("en", "Demo branch", "ru", "Демонстрационное отделение", "pl", "Oddział demonstracyjny").get(lang);
            if (!hall.equals(hallExpected)) failures.add("display in " + lang + " is titled '" + hall + "', not '" + hallExpected + "'");
            page(failures, kiosk, 1920, 1080, "/display/counter/1?lang=" + lang, ".big", "counter-" + lang);
            // the counter's own name in each language (name.<lang> in its configuration)
            String title = kiosk.text("#title");
            String expected = Map.of("en", "Window 1", "ru", "Окно 1", "pl", "Stanowisko 1").get(lang);
            if (!title.equals(expected)) failures.add("counter page in " + lang + " is titled '" + title + "', not '" + expected + "'");
            page(failures, kiosk, 390, 844, "/t/" + publicId + "?lang=" + lang, ".card .number", "ticket-" + lang);
            page(failures, display, 1366, 768, "/operator?lang=" + lang, "form.login", "operator-login-" + lang);
            // the unpaired display shows its code (its one 401, the question "am I paired?", is expected)
            page(failures, display, 1920, 1080, "/display?lang=" + lang, ".pairing .code", "pairing-" + lang);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    @Order(8)
    void theManagerSeesTheDaySoFarLiveInEveryLanguage() throws Exception {
        try (Browser manager = new Browser(karaf.httpPort, 1366, 900)) {
            manager.open("/manager?lang=en");
            manager.await("form.login input[name=user]", 20).sendKeys("mia");
            manager.await("form.login input[name=password]", 5).sendKeys("Mia-Secret-1\n");
            manager.await("[data-tile=served] .value", 20);
            String today = api.call("GET", "/branches/demo/today", ADMIN, null).body();
            int served = 0;
            for (java.util.regex.MatchResult m : java.util.regex.Pattern.compile("\"served\":(\\d+)").matcher(today).results().toList()) {
                served += Integer.parseInt(m.group(1));
            }
            assertTrue(served >= 1, today);
            assertEquals(String.valueOf(served), manager.text("[data-tile=served] .value"));
            // a ticket issued now shows on the dashboard without a reload
            String waitingBefore = manager.text("tr[data-queue=C] [data-field=waiting]");
            api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"C\"}");
            manager.awaitScript("return document.querySelector('tr[data-queue=C] [data-field=waiting]').textContent === '"
                    + (Integer.parseInt(waitingBefore) + 1) + "'", 5000);
            List<String> failures = new ArrayList<>();
            for (String lang : List.of("en", "ru", "pl")) {
                page(failures, manager, 1366, 900, "/manager?lang=" + lang, "[data-tile=served] .value", "manager-" + lang);
                page(failures, manager, 1366, 768, "/operator?lang=" + lang, "button[data-counter]", "operator-counters-" + lang);
                // the hardware and the demo's virtual devices, each as its page shows it
                page(failures, manager, 1366, 768, "/hardware?lang=" + lang, "table.hardware tbody tr", "hardware-" + lang);
                page(failures, manager, 1366, 768, "/hardware/kiosk1?lang=" + lang, ".paper .printed-ticket", "hardware-printer-" + lang);
                page(failures, manager, 1920, 1080, "/hardware/board?lang=" + lang, ".device-state", "hardware-board-" + lang);
                page(failures, manager, 1366, 768, "/hardware/keypad1?lang=" + lang, ".keys button[data-key=NEXT]", "hardware-keypad-" + lang);
                page(failures, manager, 1366, 768, "/hardware/feedback1?lang=" + lang, ".ratings button", "hardware-feedback-" + lang);
            }
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        }
    }

    @Test
    @Order(9)
    void thePagesFeatureComesAndGoesWithoutRestartingTheApi() throws Exception {
        HttpResponse<String> login = api.call("POST", "/session", null, "{\"user\":\"mia\",\"password\":\"Mia-Secret-1\"}");
        assertEquals(200, login.statusCode(), login.body());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.IntSupplier kiosk = () -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + karaf.httpPort + "/kiosk")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                return -1;
            }
        };
        assertEquals(200, kiosk.getAsInt());
        karaf.client("feature:uninstall talon-ui");
        assertEquals(404, kiosk.getAsInt());
        karaf.client("feature:install talon-ui");
        long deadline = System.currentTimeMillis() + 30_000;
        while (kiosk.getAsInt() != 200 && System.currentTimeMillis() < deadline) Thread.sleep(200);
        assertEquals(200, kiosk.getAsInt());
        // sessions live in the web bundle's memory: one that survived means the API was not restarted
        assertEquals(200, api.call("GET", "/session", null, null, "Cookie", cookie).statusCode());
    }

    @Test
    @Order(10)
    void theManagerEditsServicesCountersAndWorkProfilesAndConfigListShowsTheSame() throws Exception {
        try (Browser manager = new Browser(karaf.httpPort, 1366, 900)) {
            manager.open("/manager/site?lang=en");
            manager.await("form.login input[name=user]", 20).sendKeys("mia");
            manager.await("form.login input[name=password]", 5).sendKeys("Mia-Secret-1\n");
            manager.await("section[data-kind=services] tr[data-id=A]", 20);
            // a new service, with its names in the branch's three languages
            manager.click("[data-add=services]");
            manager.await("dialog input[name=code]", 5).sendKeys("D");
            manager.await("dialog input[name='name.en']", 5).sendKeys("Loans");
            manager.await("dialog input[name='name.ru']", 5).sendKeys("Кредиты");
            manager.await("dialog input[name='name.pl']", 5).sendKeys("Kredyty");
            org.openqa.selenium.WebElement target = manager.await("dialog input[name=targetWaitMinutes]", 5);
            target.clear();
            target.sendKeys("20\n");
            manager.await("section[data-kind=services] tr[data-id=D]", 10);
            String listed = karaf.client("config:list '(&(service.factoryPid=org.talon.queue.service)(code=D))'");
            assertTrue(listed.contains("name.pl = Kredyty") && listed.contains("targetWaitMinutes = 20"), listed);
            java.nio.file.Path file = karaf.home.resolve("etc/org.talon.queue.service-demo-D.cfg");
            assertTrue(java.nio.file.Files.readString(file).contains("name.ru=Кредиты"), java.nio.file.Files.readString(file));
            awaitBody("/branches/demo/services", "\"code\":\"D\"");

            // a profile that calls a queue no service fills is refused in the manager's words, nothing written
            manager.click("[data-add=profiles]");
            manager.await("dialog input[name=id]", 5).sendKeys("loans");
            manager.await("dialog input[name=queues]", 5).sendKeys("X\n");
            String refusal = (String) manager.awaitScript("return document.getElementById('editor-problem').textContent || null", 5000);
            assertTrue(refusal.contains("'X'"), refusal);
            assertFalse(karaf.client("config:list '(service.factoryPid=org.talon.queue.profile)'").contains("id = loans"));
            manager.screenshot("site-refusal-en");
            org.openqa.selenium.WebElement queues = manager.await("dialog input[name=queues]", 5);
            queues.clear();
            queues.sendKeys("D,A\n");
            manager.await("section[data-kind=profiles] tr[data-id=loans]", 10);

            // counter 2 takes the new profile; the engine calls by it
            manager.click("button[data-edit='2']");
            new org.openqa.selenium.support.ui.Select(manager.await("dialog select[name=profile]", 5)).selectByValue("loans");
            manager.click("dialog button[type=submit]");
            manager.awaitScript("return document.querySelector('section[data-kind=counters] tr[data-id=\"2\"]').textContent.includes('loans')", 10000);
            assertTrue(karaf.client("config:list '(&(service.factoryPid=org.talon.queue.counter)(id=2))'").contains("profile = loans"));
            awaitBody("/branches/demo/counters", "\"id\":\"2\",\"name\":\"Window 2\",\"names\":{\"en\":\"Window 2\",\"pl\":\"Stanowisko 2\",\"ru\":\"Окно 2\"},\"profile\":\"loans\"");

            // a profile in use is not removed: the page says which counter holds it
            manager.script("window.confirm = () => true");
            manager.click("button[data-remove=loans]");
            String inUse = (String) manager.awaitScript("return document.querySelector('main [role=alert]')?.textContent || null", 5000);
            assertTrue(inUse.contains("loans") && inUse.contains("2"), inUse);
            assertTrue(karaf.client("config:list '(service.factoryPid=org.talon.queue.profile)'").contains("id = loans"));

            List<String> failures = new ArrayList<>();
            for (String lang : List.of("en", "ru", "pl")) {
                page(failures, manager, 1366, 900, "/manager/site?lang=" + lang, "section[data-kind=profiles] tr[data-id=loans]", "site-" + lang);
            }
            manager.click("button[data-edit=D]");
            manager.await("dialog input[name='name.en']", 5);
            manager.screenshot("site-edit-pl");
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        }
    }

    @Test
    @Order(11)
    void theKioskOffersThePriorityChoiceOnlyWhereTheBranchAllowsIt() throws Exception {
        kiosk.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1080, 1920));
        kiosk.open("/kiosk?lang=en");
        kiosk.await("button.priority", 20);
        branchSetting("priorityAtKiosk", "false");
        try {
            awaitBody("/branches", "\"priorityAtKiosk\":false");
            kiosk.open("/kiosk?lang=en");
            kiosk.await(".services button", 20);
            assertEquals(0L, kiosk.script("return document.querySelectorAll('button.priority').length"));
            // the kiosk's own request for one is refused in words, and nothing is issued
            Object answer = kiosk.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "import('/ui/talon.js').then(m => m.api('/branches/demo/tickets', {method: 'POST', body: {service: 'A', priority: 'PRIORITY'}}))"
                    + ".then(r => done(r.status + ' ' + r.data.detail), e => done(String(e)))");
            assertTrue(String.valueOf(answer).startsWith("403 This branch does not issue priority tickets at its kiosks"), String.valueOf(answer));
            assertFalse(api.call("GET", "/branches/demo/tickets", ADMIN, null).body().contains("\"priority\":\"PRIORITY\""));
            kiosk.screenshot("kiosk-no-priority-en");
        } finally {
            branchSetting("priorityAtKiosk", "true");
        }
        awaitBody("/branches", "\"priorityAtKiosk\":true");
    }

    @Test
    @Order(12)
    void theOperatorTransfersTheCustomerToAnotherCounterInADialog() throws Exception {
        api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"A\"}");
        // mia works at counter 3: she can be chosen as the operator to transfer to
        assertEquals(200, api.call("POST", "/branches/demo/counters/3/open", ADMIN, "{\"operator\":\"mia\"}").statusCode());
        try (Browser operator = new Browser(karaf.httpPort, 1366, 768)) {
            operator.open("/operator?lang=en&counter=1");
            operator.await("form.login input[name=user]", 20).sendKeys("anna");
            operator.await("form.login input[name=password]", 5).sendKeys("Anna-Secret-1\n");
            operator.await("[data-action=call]", 10);
            org.openqa.selenium.WebElement body = operator.driver.findElement(org.openqa.selenium.By.tagName("body"));
            body.sendKeys("n");
            String number = (String) operator.awaitScript("return document.querySelector('#current-number')?.dataset.number || null", 5000);
            body.sendKeys("t");
            operator.await("dialog#transfer[open] select", 5);
            // queues, the other counters and the operators at them are offered; this counter is not
            assertEquals(3L, operator.script("return document.querySelectorAll('#transfer optgroup').length"));
            assertEquals(0L, operator.script("return document.querySelectorAll('#transfer option[value=\"counter:1\"]').length"));
            assertEquals(1L, operator.script("return document.querySelectorAll('#transfer option[value=\"operator:mia\"]').length"));
            operator.screenshot("operator-transfer-en");
            // while the dialog is open a key is not an action: X on its button is no no-show of the customer
            operator.driver.findElement(org.openqa.selenium.By.id("transfer-go")).sendKeys("x");
            Thread.sleep(500);
            assertEquals(Boolean.TRUE, operator.script("return !!document.querySelector('dialog#transfer[open]')"));
            assertTrue(api.call("GET", "/branches/demo/counters", ADMIN, null).body().contains("\"number\":\"" + number + "\""));
            operator.click("#transfer-first");
            new org.openqa.selenium.support.ui.Select(operator.await("#transfer-target", 5)).selectByValue("counter:2");
            // Enter on the choice transfers
            operator.driver.findElement(org.openqa.selenium.By.id("transfer-target")).sendKeys(org.openqa.selenium.Keys.ENTER);
            operator.awaitScript("return !document.querySelector('#current-number')?.dataset.number", 5000);
            String tickets = api.call("GET", "/branches/demo/tickets", ADMIN, null).body();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{[^{}]*\"number\":\"" + number + "\"[^{}]*\\}").matcher(tickets);
            assertTrue(m.find(), tickets);
            assertTrue(m.group().contains("\"state\":\"WAITING\"") && m.group().contains("\"counter\":\"2\""), m.group());
        }
    }

    @Test
    @Order(13)
    void wrongPasswordsAreSlowedDownAndTheSiteRoutesRefuseWhatWouldBreakTheBranch() throws Exception {
        // five wrong passwords for one user are answered as such; the sixth try waits, with Retry-After
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.call("POST", "/session", null, "{\"user\":\"ghost\",\"password\":\"guess-" + i + "\"}").statusCode());
        }
        HttpResponse<String> slowed = api.call("POST", "/session", null, "{\"user\":\"ghost\",\"password\":\"guess-5\"}");
        assertEquals(429, slowed.statusCode(), slowed.body());
        assertEquals("30", slowed.headers().firstValue("Retry-After").orElse(null));
        assertTrue(field(slowed.body(), "detail").contains("ghost"), slowed.body());
        // the API's Basic logins count for the same user and address
        assertEquals(429, api.call("GET", "/capabilities", basic("ghost", "guess-6"), null).statusCode());
        // another user is not held up by ghost's guesses
        assertEquals(200, api.call("POST", "/session", null, "{\"user\":\"mia\",\"password\":\"Mia-Secret-1\"}").statusCode());

        String mia = basic("mia", "Mia-Secret-1");
        String before = karaf.client("config:list '(service.factoryPid=org.talon.queue.*)'");
        HttpResponse<String> r = api.call("PUT", "/branches/demo/site/services/A-1", mia, "{\"names\":{\"en\":\"x\"}}");
        assertEquals(400, r.statusCode(), r.body());
        r = api.call("PUT", "/branches/demo/site/services/E", mia, "{\"names\":{}}");
        assertTrue(r.statusCode() == 400 && r.body().contains("name"), r.body());
        r = api.call("PUT", "/branches/demo/site/services/E", mia, "{\"names\":{\"en\":\"x\"},\"targetWaitMinutes\":-1}");
        assertTrue(r.statusCode() == 400 && r.body().contains("targetWaitMinutes"), r.body());
        r = api.call("PUT", "/branches/demo/site/counters/9", mia, "{\"name\":\"Window 9\",\"profile\":\"nope\"}");
        assertTrue(r.statusCode() == 400 && r.body().contains("nope"), r.body());
        r = api.call("PUT", "/branches/demo/site/profiles/p", mia, "{\"rule\":\"FASTEST\",\"queues\":\"A\"}");
        assertTrue(r.statusCode() == 400 && r.body().contains("FASTEST"), r.body());
        r = api.call("PUT", "/branches/demo/site/profiles/p", mia, "{\"queues\":\"A:two\"}");
        assertTrue(r.statusCode() == 400 && r.body().contains("A:two"), r.body());
        // a service whose tickets still wait, and a counter that is open, stay
        api.call("POST", "/branches/demo/tickets", ADMIN, "{\"service\":\"C\"}");
        assertEquals(409, api.call("DELETE", "/branches/demo/site/services/C", mia, null).statusCode());
        assertEquals(409, api.call("DELETE", "/branches/demo/site/counters/3", mia, null).statusCode());
        // an operator may not edit the site
        assertEquals(403, api.call("PUT", "/branches/demo/site/services/E", ANNA, "{\"names\":{\"en\":\"x\"}}").statusCode());
        assertEquals(before, karaf.client("config:list '(service.factoryPid=org.talon.queue.*)'"), "nothing refused was written");
        // a route whose answer is not followed is not a stream
        assertEquals(406, api.call("GET", "/branches", ADMIN, null, "Accept", "text/event-stream").statusCode());
    }

    /**
     * Changes one setting of the demo branch as an integrator does: the whole file written beside
     * it and moved in, which FileInstall reads within a second. (Not {@code config:edit} and
     * {@code config:update}: Karaf 4.4.10 writes the file in place while FileInstall writes the
     * same configuration back to it, and a torn file loses the branch; see docs/admin.md.)
     */
    static void branchSetting(String key, String value) throws Exception {
        java.nio.file.Path file = karaf.home.resolve("etc/org.talon.queue.branch-demo.cfg");
        List<String> lines = new ArrayList<>(java.nio.file.Files.readAllLines(file));
        assertTrue(lines.removeIf(l -> l.matches("\\s*" + key + "\\s*=.*")), key + " in " + file);
        lines.add(key + " = " + value);
        java.nio.file.Path tmp = file.resolveSibling(".branch-demo.tmp");
        java.nio.file.Files.write(tmp, lines);
        java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits until the API's answer holds the text (ConfigAdmin hands a change to the engine by itself, soon after). */
    static void awaitBody(String path, String text) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        String body;
        do {
            body = api.call("GET", path, ADMIN, null).body();
            if (body.contains(text)) return;
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        assertTrue(body.contains(text), path + ": " + body);
    }

    static String clips(String lang, String... names) {
        List<String> urls = new ArrayList<>();
        for (String n : names) urls.add("\"" + (n.equals("chime") ? "/ui/clips/chime.ogg" : "/ui/clips/" + lang + "/" + n + ".ogg") + "\"");
        return "[" + String.join(",", urls) + "]";
    }

    @Test
    @Order(7)
    void theAnnouncementComposerGivesTheClipsOfACallInEachLanguageAndEveryClipItNamesIsShipped() throws Exception {
        kiosk.open("/kiosk");
        kiosk.await(".services button", 20);
        String script = "const [calls, done] = [arguments[0], arguments[arguments.length - 1]];"
                + "import('/ui/announce.js').then(async m => {"
                + "  const out = {};"
                + "  for (const [k, n, name, id, lang] of calls) out[k] = JSON.stringify(m.compose(n, name, id, lang));"
                + "  const missing = [];"
                + "  for (const lang of ['en', 'ru', 'pl']) for (const n of [0, 7, 13, 20, 42, 100, 115, 999, 1042])"
                + "    for (const u of m.compose('Z' + n, 'Window 88', '88', lang))"
                + "      if ((await fetch(u, {method: 'HEAD'})).status !== 200) missing.push(u);"
                + "  for (const c of 'abcdefghijklmnopqrstuvwxyz') for (const u of m.compose(c + '1', 'W', '1', 'ru'))"
                + "    if ((await fetch(u, {method: 'HEAD'})).status !== 200) missing.push(u);"
                + "  out.missing = JSON.stringify(missing); done(out); }).catch(e => done({error: String(e)}));";
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> r = (java.util.Map<String, Object>) kiosk.driver.executeAsyncScript(script, List.of(
                List.of("en", "A042", "Window 3", "3", "en"),
                List.of("ru", "A042", "Window 3", "3", "ru"),
                List.of("pl", "A042", "Window 3", "3", "pl"),
                List.of("hundreds", "B115", "Window 12", "12", "pl"),
                List.of("noNumber", "C999", "Cash desk", "cash", "ru"),
                List.of("long", "A1042", "Window 1", "1", "en")));
        assertEquals(null, r.get("error"));
        for (String lang : List.of("en", "ru", "pl")) {
            assertEquals(clips(lang, "chime", "ticket", "letter-a", "40", "2", "window", "3"), r.get(lang), lang);
        }
        assertEquals(clips("pl", "chime", "ticket", "letter-b", "100", "15", "window", "12"), r.get("hundreds"));
        assertEquals(clips("ru", "chime", "ticket", "letter-c", "900", "90", "9", "counter-cash"), r.get("noNumber"));
        assertEquals(clips("en", "chime", "ticket", "letter-a", "1", "0", "4", "2", "window", "1"), r.get("long"));
        assertEquals("[]", r.get("missing"));
    }

    private static void page(List<String> failures, Browser b, int width, int height, String path, String ready, String name)
            throws Exception {
        b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        b.consoleErrors();
        b.open(path);
        b.await(ready, 20);
        Thread.sleep(300);
        b.screenshot(name);
        String lang = path.substring(path.indexOf("lang=") + 5);
        Object htmlLang = b.script("return document.documentElement.lang");
        if (!lang.equals(htmlLang)) failures.add(name + ": html lang " + htmlLang);
        // a text whose translation is missing shows its key ("ticket.state.DONE")
        Object key = b.script("const m = document.body.innerText.match(/\\b(kiosk|ticket|operator|display|manager|admin|counter|pair|status|wait|language|site|hardware)\\.[A-Za-z.]+/); return m && m[0]");
        if (key != null) failures.add(name + ": untranslated text " + key);
        // a value the page failed to fill in shows as "null" or "undefined"
        Object missing = b.script("const m = document.body.innerText.match(/\\b(null|undefined|NaN)\\b/); return m && m[0]");
        if (missing != null) failures.add(name + ": shows " + missing);
        for (String e : b.consoleErrors()) {
            if (name.startsWith("pairing") && e.contains("/api/v1/capabilities") && e.contains("401")) continue;
            // the login page's question "am I logged in?" is answered 401
            if (name.startsWith("operator-login") && e.contains("/api/v1/session") && e.contains("401")) continue;
            failures.add(name + ": console: " + e);
        }
        for (String v : Axe.seriousViolations(b)) failures.add(name + ": " + v);
    }
}
