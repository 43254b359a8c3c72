package org.talon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.talon.bench.Http.basic;
import static org.talon.itest.Api.field;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.talon.bench.Browser;
import org.talon.bench.TalonProcess;

/**
 * Booking as its people meet it, in Debian's headless Chromium against the distribution: a
 * customer books on the phone page {@code /book} (service, day, time, contact, code), is told at
 * the kiosk that they are early, moves the booking into the arrival window, checks in at the kiosk
 * by the code (as a scanner types it) and is called at the counter; a manager sees the booking on
 * {@code /manager/schedule} and moves it to another staff member. Every booking page in every
 * language is checked by axe-core; screenshots go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BookingUiIT {
    static final String ADMIN_PW = "Book-Secret-1";
    static final String ADMIN = basic("admin", ADMIN_PW);
    static final String ANNA = basic("anna", "Anna-Secret-1");
    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    static final Pattern CODE = Pattern.compile("[ACDEFHJKMNPRTUVWXY34679]{6}");
    static final String PHONE = "+48600100200";
    static TalonProcess karaf;
    static Api api;
    static Browser kiosk;
    static Browser phone;
    static String code;

    @BeforeAll
    static void start() throws Exception {
        karaf = new TalonProcess("bookingui", ADMIN_PW);
        Files.writeString(karaf.home.resolve("etc/users.properties"), "anna = Anna-Secret-1,operator\nmia = Mia-Secret-1,manager\n",
                java.nio.file.StandardOpenOption.APPEND);
        // a site of the test's own, whatever the demo ships: open every day, service A bookable at a
        // counter and with a staff member all day, and a staff member who works only early
        karaf.setProperty("etc/org.talon.queue.branch-demo.cfg", "hours", "MON-SUN 08:00-20:00");
        karaf.setProperty("etc/org.talon.queue.branch-demo.cfg", "breaks", "");
        karaf.setProperty("etc/org.talon.queue.branch-demo.cfg", "days", "");
        site("org.talon.booking.service-demo-A.cfg", "branch = demo\nservice = A\ndurationMinutes = 15\n");
        site("org.talon.booking.resource-demo-window1.cfg", "branch = demo\nid = window1\nname = Window 1\nkind = COUNTER\ncounter = 1\nservices = A\n");
        site("org.talon.booking.resource-demo-anna.cfg", "branch = demo\nid = anna\nname = Anna Nowak\nkind = STAFF\nservices = A\n");
        site("org.talon.booking.resource-demo-early.cfg",
                "branch = demo\nid = early\nname = Early Ewa\nkind = STAFF\nservices = A\nhours = MON-SUN 08:00-08:30\n");
        // the demo's rules: check-in from 15 minutes before the booked time
        site("org.talon.booking.branch-demo.cfg", "branch = demo\nminAheadMinutes = 60\narrivalBeforeMinutes = 15\narrivalAfterMinutes = 10\n");
        karaf.startAndAwait();
        api = new Api(karaf.httpPort).awaitUp(ADMIN);
        if (!api.call("GET", "/capabilities", ADMIN, null).body().contains("\"booking\"")) karaf.client("feature:install talon-booking");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!api.call("GET", "/branches/demo/booking/services", null, null).body().contains("\"code\":\"A\"")) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("no bookable service A: " + api.call("GET", "/branches/demo/booking/services", null, null).body());
            }
            Thread.sleep(300);
        }
        kiosk = new Browser(karaf.httpPort, 1080, 1920);
        phone = new Browser(karaf.httpPort, 390, 844);
        kiosk.open("/kiosk");
        String pairing = kiosk.awaitText(".pairing .code", 30).replace(" ", "");
        karaf.client("talon:device-pair " + pairing + " kiosk kiosk-1");
        kiosk.await(".services button", 20);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {phone, kiosk, karaf}) {
            try {
                if (c != null) c.close();
            } catch (Exception e) {
                // closing what is left
            }
        }
    }

    /** A site file written beside its place and moved in, as FileInstall must never read half a file. */
    static void site(String name, String text) throws Exception {
        Path file = karaf.home.resolve("etc").resolve(name);
        Path tmp = file.resolveSibling("." + name + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void aCustomerBooksOnThePhoneAndTheKioskSaysTheyAreEarly() throws Exception {
        phone.open("/book?lang=en");
        phone.await(".services button[data-service=A]", 20);
        phone.screenshot("flow-book-services-en");
        phone.click(".services button[data-service=A]");
        phone.await(".days button[data-date]:not([disabled])", 10);
        phone.screenshot("flow-book-days-en");
        phone.click(".days button[data-date]:not([disabled])");
        String start = phone.await(".slots button[data-start]:not([disabled])", 10).getAttribute("data-start");
        phone.screenshot("flow-book-slots-en");
        phone.click(".slots button[data-start]:not([disabled])");
        phone.await("#book-name", 5).sendKeys("Ewa Kowalska");
        // no contact yet: the page asks for one before it asks the server
        phone.click("#book-submit");
        assertEquals("Please enter a phone number or an e-mail address.", phone.awaitText("#book-problem", 5));
        phone.await("#book-phone", 5).sendKeys(PHONE);
        phone.screenshot("flow-book-contact-en");
        phone.await("#book-submit", 5).sendKeys(Keys.ENTER);
        code = phone.awaitText("#booking-code", 20);
        assertTrue(CODE.matcher(code).matches(), code);
        assertEquals(Boolean.TRUE, phone.awaitScript("return document.querySelector('.card.booking img')?.naturalWidth > 0", 10000),
                "the QR code of the booking is shown");
        phone.screenshot("flow-book-code-en");
        HttpResponse<String> mine = api.call("GET", "/bookings/" + code + "?contact=" + q(PHONE), null, null);
        assertEquals(200, mine.statusCode(), mine.body());
        assertEquals(Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(start)),
                Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(field(mine.body(), "start"))));
        assertEquals("BOOKED", field(mine.body(), "state"));
        // the page tells when to come, in the branch's time
        String arrival = phone.text("#arrival");
        assertTrue(arrival.contains(localTime(field(mine.body(), "checkinFrom"))), arrival + " / " + mine.body());

        // the code alone reads nothing
        assertEquals(404, api.call("GET", "/bookings/" + code + "?contact=" + q("+48600999999"), null, null).statusCode());

        // at the kiosk, long before the time: the API's own words say what to do
        kiosk.open("/kiosk?lang=en");
        kiosk.click("button[data-action=checkin]");
        kiosk.await("#checkin-code", 5);
        for (char c : code.toCharArray()) kiosk.click(".keypad button[data-key='" + c + "']");
        assertEquals(code, kiosk.script("return document.getElementById('checkin-code').value"));
        kiosk.screenshot("flow-kiosk-checkin-en");
        kiosk.click("#checkin-go");
        String early = kiosk.awaitText("#kiosk-problem .message", 20);
        HttpResponse<String> refusal = api.call("POST", "/branches/demo/bookings/" + code + "/checkin", ADMIN, null, "Accept-Language", "en");
        Api.problem(refusal, 409, "early");
        assertEquals(detail(refusal), early);
        kiosk.screenshot("flow-kiosk-early-en");
        assertEquals("BOOKED", field(api.call("GET", "/bookings/" + code + "?contact=" + q(PHONE), null, null).body(), "state"));

        // an unknown code is said to be one, and the field keeps it to be corrected
        kiosk.click("[data-action=checkin]");
        kiosk.await("#checkin-code", 5).sendKeys("AAAAAA" + Keys.ENTER);
        assertEquals("This code is not known. Please check it, or ask the staff.", kiosk.awaitText("#checkin-problem", 20));
        assertEquals("AAAAAA", kiosk.script("return document.getElementById('checkin-code').value"));
        kiosk.screenshot("flow-kiosk-unknown-code-en");
        kiosk.click("#checkin-cancel");
        kiosk.await(".services button", 10);
    }

    @Test
    @Order(2)
    void movedIntoTheArrivalWindowTheBookingIsCheckedInByScannerAndCalledAtTheCounter() throws Exception {
        // the branch now lets customers check in up to 61 days before their time
        site("org.talon.booking.branch-demo.cfg", "branch = demo\nminAheadMinutes = 0\narrivalBeforeMinutes = 87840\narrivalAfterMinutes = 10\n");
        awaitRules();

        // the customer finds the booking with the code and the phone number, and moves it
        phone.open("/book?lang=en&code=" + code);
        phone.await("#manage-contact", 10).sendKeys(PHONE + Keys.ENTER);
        phone.await("[data-action=reschedule]", 10);
        assertEquals(code, phone.text("#booking-code"));
        phone.screenshot("flow-book-manage-en");
        String before = field(api.call("GET", "/bookings/" + code + "?contact=" + q(PHONE), null, null).body(), "start");
        phone.click("[data-action=reschedule]");
        phone.click(".days button[data-date]:not([disabled])");
        phone.await(".slots button[data-start]:not([disabled])", 10);
        phone.click(".slots button[data-start]:not([disabled]):not([data-start='" + before + "'])");
        phone.await("[data-action=move-yes]", 5);
        phone.screenshot("flow-book-move-en");
        phone.click("[data-action=move-yes]");
        assertEquals("Your booking is moved. Your code stays the same.", phone.awaitText("main .notice", 20));
        String moved = api.call("GET", "/bookings/" + code + "?contact=" + q(PHONE), null, null).body();
        assertNotEquals(before, field(moved, "start"));
        assertTrue(Instant.parse(field(moved, "checkinFrom")).isBefore(Instant.now()), moved);

        // a scanner at the kiosk types the code and Enter on the services screen
        kiosk.open("/kiosk?lang=en");
        kiosk.await("button[data-action=checkin]", 20);
        kiosk.driver.findElement(By.tagName("body")).sendKeys(code + Keys.ENTER);
        String number = kiosk.awaitText("#ticket-number", 20);
        assertTrue(number.matches("A\\d{3}"), number);
        assertEquals(code, kiosk.script("return document.querySelector('.ticket').dataset.booking"));
        // printed as an issued ticket is, on the kiosk's own printer
        kiosk.await(".ticket .printed[data-outcome=PRINTED]", 20);
        assertEquals("kiosk1", kiosk.script("return document.querySelector('.ticket .printed').dataset.printer"));
        assertTrue(api.call("GET", "/branches/demo/hardware/kiosk1", ADMIN, null).body().contains("\"number\":\"" + number + "\""),
                "the printer's paper has the ticket");
        assertTrue(kiosk.text(".ticket .appointment").contains(localTime(field(moved, "start"))), kiosk.text(".ticket"));
        kiosk.screenshot("flow-kiosk-checked-in-en");
        String qr = kiosk.await(".ticket img", 5).getAttribute("src");
        String publicId = qr.substring(qr.indexOf("t=") + 2);
        String booked = api.call("GET", "/bookings/" + code + "?contact=" + q(PHONE), null, null).body();
        assertEquals("CHECKED_IN", field(booked, "state"));
        assertEquals(number, field(booked, "ticketNumber"));

        // the counter calls: the booked customer's ticket
        assertEquals(200, api.call("POST", "/branches/demo/counters/1/open", ANNA, "{}").statusCode());
        HttpResponse<String> called = api.call("POST", "/branches/demo/counters/1/next", ANNA, null);
        assertEquals(200, called.statusCode(), called.body());
        assertEquals(number, field(called.body(), "number"));
        assertEquals("APPOINTMENT", field(called.body(), "priority"));
        phone.open("/t/" + publicId + "?lang=en");
        phone.await(".card.called", 20);
        assertTrue(phone.text(".card").contains("Please go to Window 1"), phone.text(".card"));
        phone.screenshot("flow-book-ticket-called-en");
        // the customer's own booking page says it is checked in, with the ticket
        phone.open("/book?lang=en&code=" + code);
        phone.await("#manage-contact", 10).sendKeys(PHONE + Keys.ENTER);
        phone.await(".card.booking[data-state=CHECKED_IN]", 10);
        assertTrue(phone.text(".card.booking").contains(number), phone.text(".card.booking"));
        assertEquals(200, api.call("POST", "/branches/demo/counters/1/finish", ANNA, null).statusCode());
        // the demo's rules again, so that the pages after this one show an arrival window as customers see it
        site("org.talon.booking.branch-demo.cfg", "branch = demo\nminAheadMinutes = 60\narrivalBeforeMinutes = 15\narrivalAfterMinutes = 10\n");
        awaitRules(false);
    }

    @Test
    @Order(3)
    void theManagerSeesTheBookingOnTheScheduleAndMovesItToAnotherStaffMember() throws Exception {
        // a booking the day after tomorrow in the afternoon, when the early staff member does not work
        String from = ZonedDateTime.now(WARSAW).plusDays(2).withHour(15).truncatedTo(ChronoUnit.HOURS).toOffsetDateTime().toString();
        String slot = api.call("GET", "/branches/demo/slots/first?service=A&from=" + q(from), null, null).body();
        String start = field(slot, "start");
        HttpResponse<String> made = api.call("POST", "/branches/demo/bookings", null,
                "{\"service\":\"A\",\"start\":\"" + start + "\",\"contact\":{\"name\":\"Olga Wiśniewska\",\"email\":\"olga@example.com\"},\"language\":\"ru\"}");
        assertEquals(201, made.statusCode(), made.body());
        String id = field(made.body(), "id");
        String resource = field(made.body(), "resource");
        String other = resource.equals("anna") ? "window1" : "anna";
        String day = start.substring(0, 10);
        try (Browser manager = new Browser(karaf.httpPort, 1366, 900)) {
            manager.open("/manager?lang=en");
            manager.await("form.login input[name=user]", 20).sendKeys("mia");
            manager.await("form.login input[name=password]", 5).sendKeys("Mia-Secret-1\n");
            manager.click("a[data-link=schedule]");
            manager.await(".tl-row", 20);
            // to the booking's day with the day picker's Next button
            for (String shown; !day.equals(shown = (String) manager.script("return document.getElementById('schedule-date').value"));) {
                manager.click("[data-action=next]");
                manager.awaitScript("return document.getElementById('schedule-date')?.value !== '" + shown + "'", 5000);
            }
            WebElement block = manager.await(".tl-row[data-resource='" + resource + "'] .tl-booking[data-booking='" + id + "']", 20);
            assertTrue(block.getAttribute("aria-label").contains("Olga Wiśniewska"), block.getAttribute("aria-label"));
            assertTrue(manager.text("#open-hours").contains("8:00"), manager.text("#open-hours"));
            manager.screenshot("flow-schedule-en");
            // another customer takes the other staff member at the same time, while the manager looks
            HttpResponse<String> rival = api.call("POST", "/branches/demo/bookings", null,
                    "{\"service\":\"A\",\"start\":\"" + start + "\",\"contact\":{\"name\":\"Rival\",\"email\":\"rival@example.com\"}}");
            assertEquals(201, rival.statusCode(), rival.body());
            if (!other.equals(field(rival.body(), "resource"))) {
                assertEquals(200, api.call("POST", "/branches/demo/bookings/" + field(rival.body(), "id") + "/move", ADMIN,
                        "{\"resource\":\"" + other + "\"}").statusCode());
            }
            // by keyboard: the booking opens its dialog; the early staff member, who does not work then, is not offered
            block.sendKeys(Keys.ENTER);
            manager.await("dialog#move[open] #move-target", 5);
            manager.screenshot("flow-schedule-move-en");
            assertEquals(0L, manager.script("return document.querySelectorAll('#move-target option[value=early]').length"));
            new Select(manager.await("#move-target", 5)).selectByValue(other);
            manager.driver.findElement(By.id("move-target")).sendKeys(Keys.ENTER);
            String refused = (String) manager.awaitScript("return document.getElementById('move-problem').textContent || null", 10000);
            HttpResponse<String> api409 = api.call("POST", "/branches/demo/bookings/" + id + "/move", ADMIN, "{\"resource\":\"" + other + "\"}",
                    "Accept-Language", "en");
            assertEquals(409, api409.statusCode(), api409.body());
            assertEquals(detail(api409), refused);
            manager.screenshot("flow-schedule-move-refused-en");
            // the rival cancels: now the move goes through
            assertEquals(200, api.call("DELETE", "/branches/demo/bookings/" + field(rival.body(), "id"), ADMIN, null).statusCode());
            new Select(manager.await("#move-target", 5)).selectByValue(other);
            manager.click("#move-go");
            manager.await("main .notice", 10);
            manager.await(".tl-row[data-resource='" + other + "'] .tl-booking[data-booking='" + id + "']", 10);
            String schedule = api.call("GET", "/branches/demo/schedule?date=" + day, ADMIN, null).body();
            assertTrue(resourceOf(schedule, id).equals(other), schedule);
            // the manager's page never shows a customer's phone or e-mail
            assertTrue(!manager.driver.getPageSource().contains("olga@example.com") && !manager.driver.getPageSource().contains("•••@example.com"),
                    "no contact on the schedule");
            manager.screenshot("flow-schedule-moved-en");
            // the whole day fits the page; closer, every booking's time can be read whole
            assertEquals(Boolean.TRUE, manager.script("const t = document.querySelector('.timeline'); return t.scrollWidth <= t.clientWidth"));
            manager.click("[data-zoom=detail]");
            manager.awaitScript("return document.querySelector('[data-zoom=detail]').getAttribute('aria-pressed') === 'true'", 5000);
            assertEquals(Boolean.TRUE, manager.script("const e = document.querySelector(\"[data-booking='" + id + "'] .tl-time\");"
                    + " return e.scrollWidth <= e.clientWidth"), "the booking's time is not cut");
            manager.screenshot("flow-schedule-closer-en");
            manager.click("[data-zoom=day]");
        }
    }

    @Test
    @Order(4)
    void everyBookingPageInEveryLanguageRendersWithoutConsoleErrorsOrSeriousAccessibilityViolations() throws Exception {
        List<String> failures = new ArrayList<>();
        String day = ZonedDateTime.now(WARSAW).plusDays(2).toLocalDate().toString();
        int wrong = 0;
        try (Browser manager = new Browser(karaf.httpPort, 1366, 900)) {
            manager.open("/manager/schedule?lang=en");
            manager.await("form.login input[name=user]", 20).sendKeys("mia");
            manager.await("form.login input[name=password]", 5).sendKeys("Mia-Secret-1\n");
            manager.await(".tl-row", 20);
            for (String lang : List.of("en", "ru", "pl")) {
                for (int[] size : new int[][] {{390, 844}, {1366, 900}}) {
                    String s = size[0] < 500 ? "" : "-desktop";
                    phone.driver.manage().window().setSize(new Dimension(size[0], size[1]));
                    phone.consoleErrors();
                    phone.open("/book?lang=" + lang);
                    phone.await(".services button[data-service=A]", 20);
                    check(failures, phone, lang, "book-services-" + lang + s);
                    phone.click(".services button[data-service=A]");
                    phone.await(".days button[data-date]", 10);
                    check(failures, phone, lang, "book-days-" + lang + s);
                    phone.click(".days button[data-date]:not([disabled])");
                    phone.await(".slots button[data-start]", 10);
                    check(failures, phone, lang, "book-slots-" + lang + s);
                    phone.click(".slots button[data-start]:not([disabled])");
                    phone.await("#book-name", 10);
                    check(failures, phone, lang, "book-contact-" + lang + s);
                    phone.await("#book-name", 5).sendKeys("Jan " + lang);
                    phone.await("#book-email", 5).sendKeys("jan-" + lang + s + "@example.com");
                    phone.click("#book-submit");
                    phone.await("#booking-code", 20);
                    phone.awaitScript("return document.querySelector('.card.booking img')?.naturalWidth > 0", 10000);
                    check(failures, phone, lang, "book-code-" + lang + s);
                    phone.click("[data-action=manage-this]");
                    phone.click("[data-action=cancel]");
                    phone.await("[data-action=cancel-yes]", 5);
                    check(failures, phone, lang, "book-cancel-" + lang + s);
                    phone.click("[data-action=cancel-yes]");
                    phone.await(".card.booking[data-state=CANCELLED]", 10);
                    check(failures, phone, lang, "book-cancelled-" + lang + s);
                    // a code nobody has (another each time: wrong contacts for one code are limited)
                    String unknown = "AAAAA" + "CDEFHJK".charAt(wrong++);
                    phone.open("/book?lang=" + lang + "&code=" + unknown);
                    phone.await("#manage-contact", 10).sendKeys("nobody@example.com" + Keys.ENTER);
                    phone.awaitScript("return document.getElementById('manage-problem')?.textContent || null", 10000);
                    check(failures, phone, lang, "book-find-" + lang + s, "/api/v1/bookings/" + unknown);
                }
                // the kiosk's check-in on a portrait kiosk and a landscape one
                for (int[] size : new int[][] {{1080, 1920}, {1920, 1080}}) {
                    String s = size[0] < size[1] ? "" : "-landscape";
                    kiosk.driver.manage().window().setSize(new Dimension(size[0], size[1]));
                    kiosk.consoleErrors();
                    kiosk.open("/kiosk?lang=" + lang);
                    kiosk.await("button[data-action=checkin]", 20);
                    check(failures, kiosk, lang, "kiosk-services-" + lang + s);
                    kiosk.click("button[data-action=checkin]");
                    kiosk.await("#checkin-code", 5).sendKeys("AAAAAA" + Keys.ENTER);
                    kiosk.awaitScript("return document.getElementById('checkin-problem')?.textContent || null", 20000);
                    check(failures, kiosk, lang, "kiosk-checkin-" + lang + s, "/checkin");
                }
                // the schedule on a desk and on a wall
                for (int[] size : new int[][] {{1366, 900}, {1920, 1080}}) {
                    String s = size[0] < 1900 ? "" : "-wall";
                    manager.driver.manage().window().setSize(new Dimension(size[0], size[1]));
                    manager.consoleErrors();
                    manager.open("/manager/schedule?lang=" + lang + "&date=" + day);
                    manager.await(".tl-booking", 20);
                    check(failures, manager, lang, "schedule-" + lang + s);
                    manager.await(".tl-booking[data-state=BOOKED]", 5).sendKeys(Keys.ENTER);
                    manager.await("dialog#move[open]", 5);
                    check(failures, manager, lang, "schedule-move-" + lang + s);
                }
                manager.open("/manager?lang=" + lang);
                manager.await("a[data-link=schedule]", 20);
                check(failures, manager, lang, "manager-" + lang);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** What WebUiIT checks of every page, on the screen a browser shows now; {@code expected}: a request whose 4xx is the point. */
    private static void check(List<String> failures, Browser b, String lang, String name, String... expected) throws Exception {
        Thread.sleep(300);
        b.screenshot(name);
        Object htmlLang = b.script("return document.documentElement.lang");
        if (!lang.equals(htmlLang)) failures.add(name + ": html lang " + htmlLang);
        // a text whose translation is missing shows its key ("book.state.BOOKED")
        Object key = b.script("const m = document.body.innerText.match(/\\b(kiosk|ticket|operator|display|manager|admin|counter|pair|status|wait"
                + "|language|site|hardware|book|schedule)\\.[A-Za-z.]+/); return m && m[0]");
        if (key != null) failures.add(name + ": untranslated text " + key);
        Object missing = b.script("const m = document.body.innerText.match(/\\b(null|undefined|NaN|Invalid Date)\\b/); return m && m[0]");
        if (missing != null) failures.add(name + ": shows " + missing);
        for (String e : b.consoleErrors()) {
            if (java.util.Arrays.stream(expected).anyMatch(e::contains)) continue;
            failures.add(name + ": console: " + e);
        }
        for (String v : Axe.seriousViolations(b)) failures.add(name + ": " + v);
    }

    /** Waits until new bookings get the rules just written: a probe booking whose arrival window is open now, cancelled again. */
    private static void awaitRules() throws Exception {
        awaitRules(true);
    }

    /** Waits until a probe booking's arrival window is open now ({@code open}) or not yet (the demo's rules again). */
    private static void awaitRules(boolean open) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        for (int i = 0;; i++) {
            String from = ZonedDateTime.now(WARSAW).plusDays(3).withHour(9).truncatedTo(ChronoUnit.HOURS).toOffsetDateTime().toString();
            String start = field(api.call("GET", "/branches/demo/slots/first?service=A&from=" + q(from), null, null).body(), "start");
            String contact = "probe" + i + "@example.com";
            HttpResponse<String> probe = api.call("POST", "/branches/demo/bookings", null,
                    "{\"service\":\"A\",\"start\":\"" + start + "\",\"contact\":{\"name\":\"Probe\",\"email\":\"" + contact + "\"}}");
            assertEquals(201, probe.statusCode(), probe.body());
            assertEquals(200, api.call("DELETE", "/bookings/" + field(probe.body(), "code") + "?contact=" + q(contact), null, null).statusCode());
            if (Instant.parse(field(probe.body(), "checkinFrom")).isBefore(Instant.now()) == open) return;
            if (System.currentTimeMillis() > deadline) throw new AssertionError("the new booking rules were not taken: " + probe.body());
            Thread.sleep(500);
        }
    }

    /** "09:15": the local time in Warsaw of an instant as the English pages write its digits (12-hour, "09:15 AM"). */
    private static String localTime(String iso) {
        ZonedDateTime t = Instant.from(java.time.format.DateTimeFormatter.ISO_DATE_TIME.parse(iso)).atZone(WARSAW);
        return java.time.format.DateTimeFormatter.ofPattern("hh:mm").format(t);
    }

    /** A problem's detail (Api.field stops at a comma). */
    private static String detail(HttpResponse<String> problem) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(problem.body()).path("detail").asText();
    }

    /** The resource whose bookings hold the booking, in a schedule's JSON. */
    private static String resourceOf(String schedule, String id) throws Exception {
        for (var r : new com.fasterxml.jackson.databind.ObjectMapper().readTree(schedule).path("resources")) {
            for (var b : r.path("bookings")) {
                if (b.path("id").asText().equals(id)) return r.path("id").asText();
            }
        }
        return "";
    }
}
