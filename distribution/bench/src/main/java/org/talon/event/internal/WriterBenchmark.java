package org.talon.event.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.RowTable;

/**
 * The writer's cost per command, without HTTP: a branch's {@link BranchWriter} over an embedded
 * H2 file database with the distribution's settings, each command appending one event and
 * writing one ticket row the way the queue does (a cycle: issue inserts the row, call and finish
 * update it), submitted by one caller ({@code lone}: a group holds the one to three commands
 * waiting) or sixteen tickets' cycles at once ({@code together}: groups of about 48, the rows of a
 * ticket issued and finished in one group written once). The JTA transaction manager and the connection pool of the distribution
 * are not in it (a plain JDBC transaction): what it shows is the writer and the database.
 * Run with {@code distribution/bench/run jmh WriterBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WriterBenchmark {
    static final RowTable TICKETS = RowTable.named("bench_ticket").key("id").columns("branch", "number", "business_day",
            "queue_id", "state", "issued_at", "called_at", "finished_at", "counter_id", "line_order");
    static final String PAYLOAD = "{\"ticket\":{\"id\":123456,\"number\":\"A123\",\"service\":\"A\",\"queue\":\"A\",\"priority\":\"NORMAL\","
            + "\"channel\":\"KIOSK\",\"state\":\"CALLED\",\"issuedAt\":\"2026-12-03T10:15:30.123456Z\",\"counter\":\"3\"},\"counter\":\"3\"}";

    Path dir;
    Connection connection;
    BranchWriter writer;
    EventStore store;
    long nextId;
    final List<CompletableFuture<?>> pending = new ArrayList<>();

    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = Files.createTempDirectory("talon-writer-bench");
        connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("talon") + ";WRITE_DELAY=0;PAGE_SIZE=16384", "talon", "talon");
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE talon_event (branch VARCHAR(64) NOT NULL, seq BIGINT NOT NULL, type VARCHAR(64) NOT NULL,"
                    + " at_time BIGINT NOT NULL, payload VARCHAR(65535) NOT NULL, CONSTRAINT talon_event_pk PRIMARY KEY (branch, seq))");
            s.execute("CREATE TABLE bench_ticket (id BIGINT PRIMARY KEY, branch VARCHAR(64) NOT NULL, number VARCHAR(16) NOT NULL,"
                    + " business_day DATE NOT NULL, queue_id VARCHAR(32) NOT NULL, state VARCHAR(16) NOT NULL, issued_at BIGINT NOT NULL,"
                    + " called_at BIGINT, finished_at BIGINT, counter_id VARCHAR(32), line_order BIGINT NOT NULL,"
                    + " CONSTRAINT bench_ticket_number UNIQUE (branch, business_day, number))");
            s.execute("CREATE INDEX bench_ticket_state ON bench_ticket (branch, state)");
        }
        connection.setAutoCommit(false);
        store = new JdbcStore(connection);
        writer = new BranchWriter("bench", store, Clock.systemUTC(), events -> { }, 0);
        writer.start();
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        writer.stop(5000);
        System.out.printf("%n%,d commands in %,d commits%n", nextId * 3, ((JdbcStore) store).commits); // read by docs/performance.md
        connection.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One ticket's cycle, issue, call and finish, as three commands from one caller; per command. */
    @Benchmark
    @OperationsPerInvocation(3)
    public void lone() throws Exception {
        cycles(1);
    }

    /** Sixteen tickets' cycles submitted together (as the 16 clients of the cycles run); per command. */
    @Benchmark
    @OperationsPerInvocation(48)
    public void together() throws Exception {
        cycles(16);
    }

    private void cycles(int group) throws Exception {
        pending.clear();
        long first = nextId;
        LocalDate day = LocalDate.of(2026, 12, 3);
        for (int i = 0; i < group; i++) {
            long id = nextId++;
            pending.add(writer.submit(tx -> {
                tx.append("TicketIssued", PAYLOAD);
                tx.rows(TICKETS).insert(id, "bench", "A" + id, day, "A", "WAITING", id, null, null, null, id);
                return null;
            }));
        }
        for (int i = 0; i < group; i++) {
            long id = first + i;
            pending.add(writer.submit(tx -> {
                tx.append("TicketCalled", PAYLOAD);
                tx.rows(TICKETS).update(id, "bench", "A" + id, day, "A", "CALLED", id, id + 1, null, "3", id);
                return null;
            }));
        }
        for (int i = 0; i < group; i++) {
            long id = first + i;
            pending.add(writer.submit(tx -> {
                tx.append("TicketFinished", PAYLOAD);
                tx.rows(TICKETS).update(id, "bench", "A" + id, day, "A", "FINISHED", id, id + 1, id + 2, "3", id);
                return null;
            }));
        }
        for (CompletableFuture<?> f : pending) f.get(30, TimeUnit.SECONDS);
    }

    /** A store on one JDBC connection: the same rows, batches and group commit as JpaEventStore, without JTA. */
    static final class JdbcStore implements EventStore {
        final Connection c;
        long commits;

        JdbcStore(Connection c) {
            this.c = c;
        }

        /** As JpaEventStore commits: through GroupCommit, the events' rows and then the commands' rows, one commit. */
        final GroupCommit<RowBuffer[]> groupCommit = new GroupCommit<>(this::commitTogether);

        private void commitTogether(List<RowBuffer[]> groups) throws Exception {
            try {
                for (RowBuffer[] g : groups) {
                    g[0].flush(c);
                    g[1].flush(c);
                }
                c.commit();
                commits++;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }

        @Override
        public void commit(List<DomainEvent> list, RowBuffer rows) throws Exception {
            RowBuffer events = new RowBuffer(() -> { });
            JpaEventStore.addEvents(events, list);
            groupCommit.commit(new RowBuffer[] {events, rows});
        }

        @Override
        public <T> T inTransaction(Callable<T> work) throws Exception {
            throw new UnsupportedOperationException("no subscribers here");
        }

        @Override
        public List<DomainEvent> read(String branch, long after, int max) {
            return List.of();
        }

        @Override
        public long lastSequence(String branch) {
            return 0;
        }

        @Override
        public List<String> branches() {
            return List.of();
        }

        @Override
        public long position(String subscriber, String branch) {
            return -1;
        }

        @Override
        public void savePosition(String subscriber, String branch, long position) {
            throw new UnsupportedOperationException();
        }
    }
}
