package org.talon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.talon.booking.api.BookableService;
import org.talon.booking.api.BookingRequest;
import org.talon.booking.api.Resource;
import org.talon.booking.api.Slot;
import org.talon.booking.internal.engine.Bookings;
import org.talon.booking.internal.engine.Settings;
import org.talon.booking.internal.engine.Setup;
import org.talon.booking.internal.engine.Store;
import org.talon.event.api.BranchCommand;
import org.talon.event.api.BranchTransaction;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.EventLog;
import org.talon.event.api.RowTable;
import org.talon.event.api.Rows;
import org.talon.queue.api.Branch;
import org.talon.queue.api.QueueService;
import org.talon.queue.api.calendar.BranchCalendar;
import org.talon.queue.api.calendar.WeeklyHours;

/**
 * {@code run booking}: the slot search of a branch with 20 staff members over a 60-day window
 * (the engine alone, half of the window booked, then all but its last day); booking throughput
 * through the real HTTP API with many customers at once on one branch's writer; and the outbox's
 * delivery rate: confirmations of bookings with an e-mail address, through the SMTP channel, to a
 * real SMTP server (GreenMail) in this JVM.
 */
final class BookingBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    static int run(Path distribution, Path work, int clients, int requests, int messages) throws Exception {
        slotSearch(20, 60);
        overHttp(distribution, work, clients, requests, messages);
        return 0;
    }

    // ---- the engine alone ---------------------------------------------------------------------

    /** An event log that runs each command at once on the caller's thread, one at a time, committing nothing: the engine's own cost. */
    static final class InstantLog implements EventLog {
        private long seq;

        @Override
        public synchronized <T> CompletionStage<T> submit(String branch, BranchCommand<T> command) {
            List<Runnable> commits = new ArrayList<>();
            BranchTransaction tx = new BranchTransaction() {
                final Instant now = Instant.now();

                @Override
                public String branch() {
                    return branch;
                }

                @Override
                public Instant now() {
                    return now;
                }

                @Override
                public DomainEvent append(String type, String payload) {
                    return new DomainEvent(++seq, branch, type, now, payload);
                }

                @Override
                public void onRollback(Runnable action) {
                }

                @Override
                public void onCommit(Runnable action) {
                    commits.add(action);
                }

                @Override
                public Rows rows(RowTable table) {
                    return new Rows() {
                        @Override
                        public void insert(Object... values) {
                        }

                        @Override
                        public void update(Object... values) {
                        }

                        @Override
                        public void put(Object... values) {
                        }
                    };
                }
            };
            try {
                T r = command.execute(tx);
                commits.forEach(Runnable::run);
                return CompletableFuture.completedFuture(r);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public List<DomainEvent> read(String branch, long afterSequence, int max) {
            return List.of();
        }

        @Override
        public long lastSequence(String branch) {
            return seq;
        }

        @Override
        public List<org.talon.event.api.SubscriberStatus> subscribers() {
            return List.of();
        }
    }

    static void slotSearch(int staff, int days) {
        Branch branch = Branch.builder().id("bench").name("Bench").zone(WARSAW).locales(List.of(Locale.ENGLISH))
                .calendar(BranchCalendar.builder().zone(WARSAW).hours(WeeklyHours.parse(List.of("MON-SAT 08:00-20:00"))).build()).build();
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < staff; i++) {
            resources.add(new Resource("bench", "s" + i, "Staff " + i, Resource.Kind.STAFF, null, List.of("A"), WeeklyHours.NONE));
        }
        Setup setup = new Setup(branch, new Settings(Duration.ZERO, days, 1_000_000, Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ZERO),
                Map.of("A", new BookableService("bench", "A", "General", Map.of(), Duration.ofMinutes(15), 0)), resources);
        QueueService queues = (QueueService) Proxy.newProxyInstance(QueueService.class.getClassLoader(), new Class<?>[] {QueueService.class},
                (p, m, a) -> m.getName().equals("branches") ? List.of(branch) : null);
        Store none = new Store() {
            @Override
            public List<org.talon.booking.api.Booking> load(String b, Instant since) {
                return List.of();
            }

            @Override
            public void write(BranchTransaction tx, org.talon.booking.api.Booking b) {
            }
        };
        Bookings bookings = new Bookings(new InstantLog(), queues, none, Clock.systemUTC(), b -> setup);
        LocalDate today = LocalDate.now(WARSAW);
        System.out.printf("booking: slot search, %d staff members, %d days, 08:00-20:00 Monday to Saturday, 15-minute slots%n", staff, days);
        search(bookings, today, days, "empty");
        // half of every slot booked: each slot's first half of the staff
        int phone = 0;
        long t0 = System.nanoTime();
        int made = 0;
        for (int d = 0; d <= days; d++) {
            for (Slot s : bookings.slots("bench", "A", today.plusDays(d))) {
                for (int i = 0; i < staff / 2 && i < s.available(); i++) {
                    bookings.book(BookingRequest.builder().branch("bench").service("A").start(s.start().toInstant()).name("N")
                            .phone("+4860" + (1_000_000 + phone++)).build());
                    made++;
                }
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("booking:   %,d bookings made in the engine alone in %.1f s: %,.0f bookings/s on one branch's writer (no database)%n", made, secs, made / secs);
        search(bookings, today, days, "half booked");
        // all but the last day full: the first free slot is at the end of the window
        for (int d = 0; d < days; d++) {
            for (Slot s : bookings.slots("bench", "A", today.plusDays(d))) {
                for (int i = 0; i < s.available(); i++) {
                    bookings.book(BookingRequest.builder().branch("bench").service("A").start(s.start().toInstant()).name("N")
                            .phone("+4860" + (1_000_000 + phone++)).build());
                }
            }
        }
        search(bookings, today, days, "full but the last day (" + phone + " bookings)");
    }

    private static void search(Bookings bookings, LocalDate today, int days, String what) {
        long[] daysView = new long[30];
        long[] first = new long[30];
        long[] oneDay = new long[30];
        for (int i = 0; i < 35; i++) {
            long a = System.nanoTime();
            bookings.days("bench", "A", today, days + 1);
            long b = System.nanoTime();
            bookings.firstAvailable("bench", "A", null);
            long c = System.nanoTime();
            bookings.slots("bench", "A", today.plusDays(7 + i % 7));
            long d = System.nanoTime();
            if (i >= 5) {
                daysView[i - 5] = b - a;
                first[i - 5] = c - b;
                oneDay[i - 5] = d - c;
            }
        }
        System.out.printf("booking:   %s: every day's availability over the window %s, first free slot %s, one day's slots %s%n", what,
                ms(daysView), ms(first), ms(oneDay));
    }

    private static String ms(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("median %.2f ms (max %.2f)", s[s.length / 2] / 1e6, s[s.length - 1] / 1e6);
    }

    // ---- the distribution ---------------------------------------------------------------------

    static void overHttp(Path distribution, Path work, int clients, int requests, int messages) throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(TalonProcess.freePort(), "127.0.0.1", "smtp"));
        mail.start();
        try (Bench b = new Bench(distribution, work.resolve("booking"), 4, false, t -> {
            t.setProperty("etc/org.talon.queue.branch-demo.cfg", "hours", "MON-SUN 00:00-24:00");
            t.setProperty("etc/org.talon.queue.branch-demo.cfg", "days", "");
            t.setProperty("etc/org.talon.booking.branch-demo.cfg", "minAheadMinutes", "0");
            t.setProperty("etc/org.talon.booking.branch-demo.cfg", "maxActivePerContact", "1000000");
            t.setProperty("etc/org.talon.booking.branch-demo.cfg", "reminderHours", "0");
            t.setProperty("etc/org.talon.booking.resource-demo-anna.cfg", "hours", "");
            t.setProperty("etc/org.talon.booking.resource-demo-piotr.cfg", "hours", "");
            t.setProperty("etc/org.talon.notify.smtp.cfg", "host", "127.0.0.1");
            t.setProperty("etc/org.talon.notify.smtp.cfg", "port", String.valueOf(mail.getSmtp().getPort()));
            t.setProperty("etc/org.talon.notify.smtp.cfg", "from", "talon@example.org");
            t.setProperty("etc/org.talon.notify.smtp.cfg", "security", "none");
            t.setProperty("etc/org.talon.notify.cfg", "pollIntervalSeconds", "1");
        })) {
            b.talon.client("feature:install talon-notify-smtp");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(clients)).build();
            String base = "http://127.0.0.1:" + b.port() + "/api/v1";
            await(http, base + "/branches/demo/booking/services");
            // the slots of the next days, General: two staff members each
            List<String> starts = new ArrayList<>();
            for (int d = 1; d <= 30 && starts.size() < requests; d++) {
                JsonNode day = JSON.readTree(get(http, base + "/branches/demo/slots?service=A&date=" + LocalDate.now(WARSAW).plusDays(d)));
                for (JsonNode s : day.path("slots")) starts.add(s.path("start").asText());
            }
            // contention: every client books, with a phone of its own each time, one of the next slots in turn
            AtomicInteger next = new AtomicInteger();
            AtomicInteger created = new AtomicInteger();
            AtomicInteger full = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            long[] lat = new long[requests];
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> fs = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                fs.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < requests;) {
                        // three customers try for each place: two get it, the third is told it is full
                        String start = starts.get((i / 3) % starts.size());
                        long a = System.nanoTime();
                        int status = post(http, base + "/branches/demo/bookings", "{\"service\":\"A\",\"start\":\"" + start
                                + "\",\"contact\":{\"name\":\"Bench\",\"phone\":\"+48700" + (100000 + i) + "\"}}");
                        lat[i] = System.nanoTime() - a;
                        if (status == 201) created.incrementAndGet();
                        else if (status == 409) full.incrementAndGet();
                        else other.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
            double secs = (System.nanoTime() - t0) / 1e9;
            Arrays.sort(lat);
            System.out.printf("booking: over HTTP, %d clients, %,d requests for %d slots of 2 places (3 asking per place pair): %,.0f requests/s,"
                    + " %,d booked, %,d told full, %d other; latency p50 %.1f ms, p99 %.1f ms%n", clients, requests, (requests + 2) / 3, requests / secs,
                    created.get(), full.get(), other.get(), lat[requests / 2] / 1e6, lat[requests * 99 / 100] / 1e6);

            // the outbox: bookings with an e-mail address, each one confirmation through SMTP
            int before = mail.getReceivedMessages().length;
            long m0 = System.nanoTime();
            AtomicInteger n = new AtomicInteger();
            List<Future<?>> mf = new ArrayList<>();
            int firstSlot = (requests + 2) / 3 + 1;
            for (int c = 0; c < clients; c++) {
                mf.add(pool.submit(() -> {
                    for (int i; (i = n.getAndIncrement()) < messages;) {
                        String start = starts.get((firstSlot + i / 2) % starts.size());
                        post(http, base + "/branches/demo/bookings", "{\"service\":\"A\",\"start\":\"" + start
                                + "\",\"contact\":{\"name\":\"Bench\",\"email\":\"c" + i + "@example.org\"},\"language\":\"pl\"}");
                    }
                    return null;
                }));
            }
            for (Future<?> f : mf) f.get();
            double booked = (System.nanoTime() - m0) / 1e9;
            long deadline = System.currentTimeMillis() + 300_000;
            while (mail.getReceivedMessages().length - before < messages && System.currentTimeMillis() < deadline) Thread.sleep(50);
            double all = (System.nanoTime() - m0) / 1e9;
            int got = mail.getReceivedMessages().length - before;
            System.out.printf("booking: outbox, %d bookings with an e-mail address booked in %.1f s; %d confirmations (with invite.ics) received"
                    + " by the SMTP server %.1f s after the first booking: %.0f messages/s delivered%n", messages, booked, got, all, got / all);
            pool.shutdown();
        } finally {
            mail.stop();
        }
    }

    private static void await(HttpClient http, String url) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
            if (System.currentTimeMillis() > deadline) throw new IllegalStateException("no booking routes at " + url);
            Thread.sleep(200);
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int post(HttpClient http, String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
