package org.talon.bench;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.talon.event.api.BranchTransaction;
import org.talon.queue.api.Branch;
import org.talon.queue.api.QueueService;
import org.talon.queue.api.calendar.BranchCalendar;
import org.talon.queue.api.calendar.WeeklyHours;
import org.talon.workflow.api.HistoryEntry;
import org.talon.workflow.api.Intake;
import org.talon.workflow.api.NewRequest;
import org.talon.workflow.api.Request;
import org.talon.workflow.api.RequestField;
import org.talon.workflow.api.RequestPage;
import org.talon.workflow.api.RequestQuery;
import org.talon.workflow.api.RequestState;
import org.talon.workflow.api.RequestType;
import org.talon.workflow.internal.engine.Requests;
import org.talon.workflow.internal.engine.Settings;
import org.talon.workflow.internal.engine.Setup;
import org.talon.workflow.internal.engine.Staff;
import org.talon.workflow.internal.engine.Store;

/**
 * {@code run requests}: the work list's query time with 100,000 open requests in one branch (the
 * engine alone: the first page, one staff member's, the unassigned of a type, the overdue, a page
 * deep down), the engine's own intake rate, and intake and the work list through the real HTTP
 * API of the distribution, with many clients on one branch's writer.
 */
final class RequestsBench {
    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    static int run(Path distribution, Path work, int open, int clients, int intake) throws Exception {
        engine(open);
        overHttp(distribution, work, clients, intake);
        return 0;
    }

    // ---- the engine alone ---------------------------------------------------------------------

    static void engine(int open) {
        Branch branch = Branch.builder().id("b1").name("B1").zone(WARSAW).locales(List.of(Locale.ENGLISH))
                .calendar(BranchCalendar.builder().zone(WARSAW).hours(WeeklyHours.parse(List.of("MON-FRI 08:00-20:00"))).build()).build();
        List<RequestType> types = new ArrayList<>();
        for (String code : List.of("passport", "residence", "complaint", "question")) {
            types.add(new RequestType("b1", code, Map.of("en", code), List.of(new RequestField("subject", RequestField.Kind.TEXT, true, Map.of(),
                    List.of(), 200, null, null, null)), Duration.ofHours(40), 0.8, Set.of(code), code.equals("complaint") ? 5 : 0, false, null, false));
        }
        Map<String, RequestType> byCode = new java.util.HashMap<>();
        for (RequestType t : types) byCode.put(t.code(), t);
        List<Staff> staff = new ArrayList<>();
        for (int i = 0; i < 50; i++) staff.add(new Staff("b1", "s" + i, "S" + i, Set.of(types.get(i % 4).code()), 100_000, WeeklyHours.NONE));
        Setup setup = new Setup(branch, new Settings("WAR", false, null), byCode, staff);
        // the open requests as the store gives them after a start: a fifth nobody's, the rest spread
        // over the staff; due times over the next weeks, a few hundred overdue
        Instant now = Instant.now();
        List<Request> stored = new ArrayList<>(open);
        RequestState[] held = {RequestState.ASSIGNED, RequestState.IN_PROGRESS, RequestState.WAITING_FOR_CUSTOMER};
        for (int i = 0; i < open; i++) {
            RequestType t = types.get(i % 4);
            boolean nobody = i % 5 == 0;
            RequestState s = nobody ? RequestState.REGISTERED : held[i % 3];
            Instant due = now.plus(Duration.ofMinutes((i * 37L) % (60 * 24 * 21) - 300));
            stored.add(Request.builder().id(String.format("WAR-2026-%06d", i + 1)).branch("b1").type(t.code()).state(s).priority(t.priority())
                    .fields(Map.of("subject", "Request " + i)).name("Customer " + i).phone("+48700" + (100000 + i)).language("en")
                    .intake(Intake.WEB).createdAt(now.minus(Duration.ofDays(3))).assignee(nobody ? null : "s" + ((i % 4) + 4 * ((i / 4) % 12)))
                    .dueAt(s == RequestState.WAITING_FOR_CUSTOMER ? null : due).slaLeft(s == RequestState.WAITING_FOR_CUSTOMER ? Duration.ofHours(3) : null)
                    .warnAt(s == RequestState.WAITING_FOR_CUSTOMER ? null : due.minus(Duration.ofHours(8))).overdue(due.isBefore(now))
                    .updatedAt(now).version(2).build());
        }
        Store store = new Store() {
            @Override
            public List<Request> loadOpen(String b) {
                return stored;
            }

            @Override
            public int lastNumber(String b, int year) {
                return open;
            }

            @Override
            public void write(BranchTransaction tx, Request r, HistoryEntry entry, int numberInYear) {
            }

            @Override
            public Optional<Request> read(String id) {
                return Optional.empty();
            }

            @Override
            public List<HistoryEntry> history(String id) {
                return List.of();
            }

            @Override
            public RequestPage closed(RequestQuery q) {
                return new RequestPage(0, List.of());
            }
        };
        QueueService queues = (QueueService) Proxy.newProxyInstance(QueueService.class.getClassLoader(), new Class<?>[] {QueueService.class},
                (p, m, a) -> switch (m.getName()) {
                    case "branches" -> List.of(branch);
                    case "toString" -> "bench queue";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        Requests requests = new Requests(new BookingBench.InstantLog(), queues, store, Clock.systemUTC(), id -> id.equals("b1") ? setup : null);
        long l0 = System.nanoTime();
        int total = requests.list(RequestQuery.open("b1")).total();
        System.out.printf("requests: the engine alone, %,d open requests read into memory in %.0f ms (50 staff, 4 types)%n", total,
                (System.nanoTime() - l0) / 1e6);
        query(requests, "the first page of all open (50, soonest due)", new RequestQuery("b1", Set.of(), null, null, null, 0, 50));
        query(requests, "one staff member's", new RequestQuery("b1", Set.of(), null, "s7", null, 0, 50));
        query(requests, "the unassigned of one type", new RequestQuery("b1", Set.of(), "complaint", RequestQuery.NOBODY, null, 0, 50));
        query(requests, "the overdue", new RequestQuery("b1", Set.of(), null, null, true, 0, 50));
        query(requests, "in progress, page 1,000", new RequestQuery("b1", Set.of(RequestState.IN_PROGRESS), null, null, null, 50_000 / 3, 50));
        // intake in the engine alone: checked, numbered, indexed (no database)
        int n = 100_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            requests.register(new NewRequest("b1", types.get(i % 4).code(), Map.of("subject", "New " + i), "New customer", "+48710" + (100000 + i), null,
                    "en", Intake.WEB, null, 0));
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("requests: the engine alone, %,d registered in %.1f s: %,.0f per second (with %,d open)%n", n, s, n / s, total);
    }

    private static void query(Requests requests, String what, RequestQuery q) {
        for (int i = 0; i < 50; i++) requests.list(q); // warm
        int runs = 200;
        long[] t = new long[runs];
        int total = 0;
        for (int i = 0; i < runs; i++) {
            long a = System.nanoTime();
            total = requests.list(q).total();
            t[i] = System.nanoTime() - a;
        }
        Arrays.sort(t);
        System.out.printf("requests: work list, %s: %,d match; p50 %.2f ms, p99 %.2f ms%n", what, total, t[runs / 2] / 1e6, t[runs * 99 / 100] / 1e6);
    }

    // ---- the distribution ---------------------------------------------------------------------

    static void overHttp(Path distribution, Path work, int clients, int intake) throws Exception {
        try (Bench b = new Bench(distribution, work.resolve("requests"), 4, false, t -> {
            t.setProperty("etc/org.talon.queue.branch-demo.cfg", "hours", "MON-SUN 00:00-24:00");
            t.setProperty("etc/org.talon.queue.branch-demo.cfg", "days", "");
            t.setProperty("etc/org.talon.workflow.branch-demo.cfg", "autoAssign", "false");
        })) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(clients)).build();
            String base = "http://127.0.0.1:" + b.port() + "/api/v1";
            long deadline = System.currentTimeMillis() + 60_000;
            while (status(http, HttpRequest.newBuilder(URI.create(base + "/branches/demo/request-types")).build()) != 200) {
                if (System.currentTimeMillis() > deadline) throw new IllegalStateException("no workflow routes");
                Thread.sleep(200);
            }
            AtomicInteger next = new AtomicInteger();
            AtomicInteger created = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            long[] lat = new long[intake];
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> fs = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                fs.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < intake;) {
                        String json = "{\"type\":\"complaint\",\"fields\":{\"subject\":\"Bench " + i + "\",\"amount\":\"" + i
                                + "\",\"details\":\"Measured\"},\"contact\":{\"name\":\"Bench\",\"phone\":\"+48720" + (100000 + i) + "\"}}";
                        long a = System.nanoTime();
                        int st = status(http, HttpRequest.newBuilder(URI.create(base + "/branches/demo/requests")).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
                        lat[i] = System.nanoTime() - a;
                        if (st == 201) created.incrementAndGet();
                        else other.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
            double secs = (System.nanoTime() - t0) / 1e9;
            Arrays.sort(lat);
            System.out.printf("requests: intake over HTTP (the public form, each with its event, row and history entry, durable), %d clients: %,d in"
                    + " %.1f s, %,.0f per second, %,d registered, %d other; latency p50 %.1f ms, p99 %.1f ms%n", clients, intake, secs, intake / secs,
                    created.get(), other.get(), lat[intake / 2] / 1e6, lat[intake * 99 / 100] / 1e6);
            for (String q : List.of("branch=demo&limit=50", "branch=demo&assignee=-&type=complaint&limit=50", "branch=demo&offset=" + intake / 2 + "&limit=50")) {
                HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/requests?" + q)).header("Authorization", Bench.ADMIN).build();
                for (int i = 0; i < 30; i++) status(http, get);
                long[] t = new long[200];
                for (int i = 0; i < t.length; i++) {
                    long a = System.nanoTime();
                    int st = status(http, get);
                    t[i] = System.nanoTime() - a;
                    if (st != 200) throw new IllegalStateException("GET /requests?" + q + " answered " + st);
                }
                Arrays.sort(t);
                System.out.printf("requests: work list over HTTP with %,d open, %s: p50 %.1f ms, p99 %.1f ms%n", created.get(), q, t[100] / 1e6, t[197] / 1e6);
            }
            System.out.printf("requests: server RSS with %,d open requests: %d MiB%n", created.get(), b.talon.rssMiB());
            pool.shutdown();
        }
    }

    private static int status(HttpClient http, HttpRequest r) throws Exception {
        return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
