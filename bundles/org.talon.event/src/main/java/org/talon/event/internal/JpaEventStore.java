package org.talon.event.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.sql.Connection;
import javax.sql.DataSource;
import javax.transaction.Status;
import javax.transaction.TransactionManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.RowTable;

/**
 * The event log in the Talon database. A writer's group is committed in one JTA transaction
 * (shared with other branches' groups ready at the same moment: {@link GroupCommit}); its events
 * and the rows its commands wrote ({@link RowBuffer}) are sent as JDBC batches on the
 * transaction's connection before it commits: one database commit. A durable subscriber's
 * handling runs in a transaction of its own, which its writes join. Reads go through JPA.
 */
@Component(service = EventStore.class)
public final class JpaEventStore implements EventStore {
    static final RowTable EVENTS = RowTable.named("talon_event").key("branch", "seq").columns("type", "at_time", "payload");
    static final RowTable POSITIONS = RowTable.named("talon_subscription").key("name", "branch").columns("position", "updated_at");

    private final JpaTemplate jpa;
    private final DataSource dataSource;
    private final TransactionManager tm;

    /** What a subscriber's transaction writes through this store: its positions. */
    private static final class Work {
        final RowBuffer own = new RowBuffer(() -> { });
    }

    private final ThreadLocal<Work> current = new ThreadLocal<>();

    /** A writer's group: its events and its commands' rows. */
    private record Group(List<DomainEvent> events, RowBuffer rows) {
    }

    /** One commit for the groups of all branches that are ready at the same moment. */
    private final GroupCommit<Group> groupCommit = new GroupCommit<>(this::commitTogether);

    @Activate
    public JpaEventStore(@Reference(target = "(osgi.unit.name=talon-event)") JpaTemplate jpa,
            @Reference(target = "(osgi.jndi.service.name=talon)") DataSource dataSource,
            @Reference TransactionManager transactionManager) {
        // EclipseLink finds the transaction manager in the service registry when a transaction
        // starts, and fails if the first one starts before it exists: it is referenced here.
        Migrations.migrate(dataSource, org.osgi.framework.FrameworkUtil.getBundle(JpaEventStore.class), "db/event", "talon_event_schema");
        this.jpa = jpa;
        this.dataSource = dataSource;
        this.tm = transactionManager;
    }

    /** The groups' events, then each group's rows, in one JTA transaction. */
    private void commitTogether(List<Group> all) throws Exception {
        RowBuffer events = new RowBuffer(() -> { });
        for (Group g : all) addEvents(events, g.events);
        inJta(() -> {
            // the connection the data source lends inside the transaction is the one it commits: enlisted in it
            try (Connection c = dataSource.getConnection()) {
                events.flush(c);
                for (Group g : all) g.rows.flush(c);
            }
            return null;
        });
    }

    /** The rows of the event log's table for these events. */
    static void addEvents(RowBuffer into, List<DomainEvent> events) {
        for (DomainEvent e : events) {
            into.add(EVENTS, RowBuffer.Op.INSERT, new Object[] {e.branch(), e.sequence(), e.type(), micros(e.time()), e.payload()});
        }
    }

    /** See {@link GroupCommit}: groups of several branches may share one transaction, each with its own outcome. */
    @Override
    public void commit(List<DomainEvent> events, RowBuffer rows) throws Exception {
        groupCommit.commit(new Group(events, rows));
    }

    @Override
    public <T> T inTransaction(Callable<T> work) throws Exception {
        if (current.get() != null) throw new IllegalStateException("a writer transaction inside another");
        Work w = new Work();
        current.set(w);
        try {
            return inJta(() -> {
                T result = work.call();
                if (!w.own.isEmpty()) {
                    try (Connection c = dataSource.getConnection()) {
                        w.own.flush(c);
                    }
                }
                return result;
            });
        } finally {
            current.remove();
        }
    }

    /** Runs {@code work} in a new JTA transaction and commits it; rolls it back when anything throws. */
    private <T> T inJta(Callable<T> work) throws Exception {
        tm.begin();
        try {
            T result = work.call();
            tm.commit();
            return result;
        } catch (Throwable t) {
            try {
                if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) tm.rollback();
            } catch (Exception | Error e) {
                t.addSuppressed(e);
            }
            throw t;
        }
    }

    private Work work() {
        Work w = current.get();
        if (w == null) throw new IllegalStateException("written outside a writer transaction");
        return w;
    }

    @Override
    public List<DomainEvent> read(String branch, long after, int max) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<EventRow> rows = em.createQuery(
                    "select e from EventRow e where e.branch = :b and e.sequence > :s order by e.sequence", EventRow.class)
                    .setParameter("b", branch).setParameter("s", after).setMaxResults(Math.max(0, max)).getResultList();
            List<DomainEvent> out = new ArrayList<>(rows.size());
            for (EventRow r : rows) out.add(new DomainEvent(r.sequence, r.branch, r.type, instant(r.time), r.payload));
            return out;
        });
    }

    @Override
    public long lastSequence(String branch) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Long max = em.createQuery("select max(e.sequence) from EventRow e where e.branch = :b", Long.class)
                    .setParameter("b", branch).getSingleResult();
            return max == null ? 0L : max;
        });
    }

    @Override
    public List<String> branches() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select distinct e.branch from EventRow e order by e.branch", String.class).getResultList());
    }

    @Override
    public long position(String subscriber, String branch) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            SubscriptionRow r = em.find(SubscriptionRow.class, new SubscriptionRow.Key(subscriber, branch));
            return r == null ? -1L : r.position;
        });
    }

    @Override
    public void savePosition(String subscriber, String branch, long position) {
        work().own.add(POSITIONS, RowBuffer.Op.PUT, new Object[] {subscriber, branch, position, micros(Instant.now())});
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
