package org.talon.queue.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.transaction.TransactionManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.talon.event.api.BranchTransaction;
import org.talon.event.api.RowTable;
import org.talon.event.api.Rows;
import org.talon.event.api.SchemaMigrations;
import org.talon.queue.api.Channel;
import org.talon.queue.api.CounterState;
import org.talon.queue.api.PriorityClass;
import org.talon.queue.api.TicketState;
import org.talon.queue.internal.engine.LiveCounter;
import org.talon.queue.internal.engine.LiveTicket;

/**
 * Tickets and counters in the Talon database through JPA. Writes join the transaction the event
 * log's writer runs (JTA), so rows and events commit together.
 */
@Component(service = TicketStore.class)
public final class JpaTicketStore implements TicketStore {
    private static final List<String> ACTIVE = List.of(TicketState.WAITING.name(), TicketState.CALLED.name(),
            TicketState.SERVING.name(), TicketState.PARKED.name());

    private final JpaTemplate jpa;

    @Activate
    public JpaTicketStore(@Reference(target = "(osgi.unit.name=talon-queue)") JpaTemplate jpa,
            @Reference SchemaMigrations migrations,
            @Reference TransactionManager transactionManager) {
        // The transaction manager is not used here directly: EclipseLink finds it in the service
        // registry when a transaction starts, and fails if the first one starts before it exists.
        migrations.migrate(org.osgi.framework.FrameworkUtil.getBundle(JpaTicketStore.class), "db/queue", "talon_queue_schema");
        this.jpa = jpa;
    }

    /**
     * Rows read only to rebuild the branch's state in memory: not registered in the writer's
     * transaction, which would otherwise compare every one of them at commit (tens of thousands
     * for a day of kiosk tickets with idempotency keys: seconds on the writer).
     */
    private static final String READ_ONLY = "eclipselink.read-only";

    @Override
    public Loaded load(String branch, LocalDate day) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<TicketRow> rows = em.createQuery("select t from TicketRow t where t.branch = :b and t.state in :s"
                    + " order by t.lineKey, t.lineOrder, t.id", TicketRow.class).setHint(READ_ONLY, "true")
                    .setParameter("b", branch).setParameter("s", ACTIVE).getResultList();
            List<LiveTicket> active = new ArrayList<>(rows.size());
            for (TicketRow r : rows) active.add(toLive(r));
            List<StoredCounter> counters = new ArrayList<>();
            for (CounterRow c : em.createQuery("select c from CounterRow c where c.branch = :b", CounterRow.class)
                    .setHint(READ_ONLY, "true").setParameter("b", branch).getResultList()) {
                counters.add(new StoredCounter(c.counter, CounterState.valueOf(c.state), c.operator));
            }
            Map<String, Integer> last = new HashMap<>();
            for (Object[] r : em.createQuery("select t.prefix, max(t.dailyNumber) from TicketRow t"
                    + " where t.branch = :b and t.day = :d group by t.prefix", Object[].class)
                    .setParameter("b", branch).setParameter("d", day).getResultList()) {
                last.put((String) r[0], ((Number) r[1]).intValue());
            }
            List<LiveTicket> keyed = new ArrayList<>();
            for (TicketRow r : em.createQuery("select t from TicketRow t where t.branch = :b and t.day = :d"
                    + " and t.idempotencyKey is not null order by t.id", TicketRow.class).setHint(READ_ONLY, "true")
                    .setParameter("b", branch).setParameter("d", day).getResultList()) {
                keyed.add(toLive(r));
            }
            List<DayCount> finals = new ArrayList<>();
            for (Object[] r : em.createQuery("select t.queue, t.state, count(t) from TicketRow t"
                    + " where t.branch = :b and t.day = :d and t.state not in :s group by t.queue, t.state", Object[].class)
                    .setParameter("b", branch).setParameter("d", day).setParameter("s", ACTIVE).getResultList()) {
                finals.add(new DayCount((String) r[0], TicketState.valueOf((String) r[1]), ((Number) r[2]).intValue()));
            }
            return new Loaded(active, counters, last, keyed, finals);
        });
    }

    /** The columns in the order {@link #ticketValues} gives them. */
    static final RowTable TICKETS = RowTable.named("talon_ticket").key("id").columns("branch", "number", "business_day",
            "daily_number", "prefix", "service", "queue_id", "priority", "channel", "language", "contact", "state", "issued_at",
            "called_at", "served_at", "finished_at", "counter_id", "operator_pool", "recalls", "line_key", "line_order",
            "public_id", "idempotency_key", "issued_by");
    static final RowTable COUNTERS = RowTable.named("talon_counter").key("id").columns("branch", "counter_id", "state", "operator");

    @Override
    public void write(BranchTransaction tx, String branch, List<LiveTicket> tickets, List<LiveCounter> counters) {
        if (!tickets.isEmpty()) {
            Rows rows = tx.rows(TICKETS);
            for (LiveTicket t : tickets) {
                // a ticket's row is inserted once, by the group that issued it; after that it is updated
                if (t.stored) rows.update(ticketValues(branch, t));
                else rows.insert(ticketValues(branch, t));
                t.stored = true;
            }
        }
        if (!counters.isEmpty()) {
            Rows rows = tx.rows(COUNTERS);
            for (LiveCounter c : counters) rows.put(branch + "/" + c.id, branch, c.id, c.state.name(), c.operator);
        }
    }

    static Object[] ticketValues(String branch, LiveTicket t) {
        long issued = micros(t.issuedAt);
        return new Object[] {t.id, branch, t.number, t.day, t.dailyNumber, t.number.substring(0, t.number.length() - digits(t.number)),
            t.service, t.queue, t.priority.name(), t.channel.name(), t.language, t.contact, t.state.name(), issued,
            t.calledAt == null ? null : micros(t.calledAt), t.servedAt == null ? null : micros(t.servedAt),
            t.finishedAt == null ? null : micros(t.finishedAt), t.counter, t.operatorPool, t.recalls,
            t.lineKey() == null ? issued : micros(t.lineKey()), t.lineOrder(), t.publicId, t.idempotencyKey, t.issuedBy};
    }

    @Override
    public java.util.Optional<LiveTicket> findByPublicId(String publicId) {
        return rowByPublicId(publicId).map(JpaTicketStore::toLive);
    }

    @Override
    public java.util.Optional<String> branchOfPublicId(String publicId) {
        return rowByPublicId(publicId).map(r -> r.branch);
    }

    /**
     * A public id starts with the ticket id in 12 hex digits (see BranchState), so the row is
     * found by its primary key and the whole id compared: no index of its own is needed.
     */
    private java.util.Optional<TicketRow> rowByPublicId(String publicId) {
        if (publicId == null || publicId.length() < 13) return java.util.Optional.empty();
        long id;
        try {
            id = Long.parseLong(publicId.substring(0, 12), 16);
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            TicketRow r = em.find(TicketRow.class, id);
            return r != null && publicId.equals(r.publicId) ? java.util.Optional.of(r) : java.util.Optional.<TicketRow>empty();
        });
    }

    @Override
    public long maxTicketId() {
        return jpa.txExpr(TransactionType.Required, em -> {
            Long max = em.createQuery("select max(t.id) from TicketRow t", Long.class).getSingleResult();
            return max == null ? 0L : max;
        });
    }

    private static LiveTicket toLive(TicketRow r) {
        LiveTicket t = new LiveTicket(r.id, r.number, r.day, r.dailyNumber, r.service, r.queue,
                PriorityClass.valueOf(r.priority), Channel.valueOf(r.channel), r.language, r.contact, instant(r.issuedAt));
        t.state = TicketState.valueOf(r.state);
        t.calledAt = r.calledAt == null ? null : instant(r.calledAt);
        t.servedAt = r.servedAt == null ? null : instant(r.servedAt);
        t.finishedAt = r.finishedAt == null ? null : instant(r.finishedAt);
        t.counter = r.counter;
        t.operatorPool = r.operatorPool;
        t.recalls = r.recalls;
        t.placeInLine(instant(r.lineKey), r.lineOrder);
        t.publicId = r.publicId;
        t.idempotencyKey = r.idempotencyKey;
        t.issuedBy = r.issuedBy;
        t.stored = true;
        return t;
    }

    private static int digits(String number) {
        int n = 0;
        for (int i = number.length() - 1; i >= 0 && Character.isDigit(number.charAt(i)); i--) n++;
        return n;
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    @Override
    public int eraseContacts(String where, Object... values) {
        return jpa.txExpr(TransactionType.Required, em -> {
            javax.persistence.Query q = em.createNativeQuery("UPDATE talon_ticket SET contact = NULL WHERE (" + where + ") AND contact IS NOT NULL");
            for (int i = 0; i < values.length; i++) q.setParameter(i + 1, values[i]);
            return q.executeUpdate();
        });
    }
}
