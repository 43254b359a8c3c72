package org.talon.queue.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.transaction.TransactionManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
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

    @Override
    public void write(String branch, List<LiveTicket> tickets, List<LiveCounter> counters) {
        jpa.tx(TransactionType.Mandatory, em -> {
            for (LiveTicket t : tickets) {
                // a new ticket's row cannot exist yet: no need to ask the database
                TicketRow r = t.stored ? em.find(TicketRow.class, t.id) : null;
                boolean isNew = r == null;
                if (isNew) r = new TicketRow();
                fill(r, branch, t);
                if (isNew) em.persist(r);
                t.stored = true;
            }
            for (LiveCounter c : counters) {
                String id = branch + "/" + c.id;
                CounterRow r = em.find(CounterRow.class, id);
                boolean isNew = r == null;
                if (isNew) {
                    r = new CounterRow();
                    r.id = id;
                    r.branch = branch;
                    r.counter = c.id;
                }
                r.state = c.state.name();
                r.operator = c.operator;
                if (isNew) em.persist(r);
            }
        });
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

    private static void fill(TicketRow r, String branch, LiveTicket t) {
        r.id = t.id;
        r.branch = branch;
        r.number = t.number;
        r.day = t.day;
        r.dailyNumber = t.dailyNumber;
        r.prefix = t.number.substring(0, t.number.length() - digits(t.number));
        r.service = t.service;
        r.queue = t.queue;
        r.priority = t.priority.name();
        r.channel = t.channel.name();
        r.language = t.language;
        r.contact = t.contact;
        r.state = t.state.name();
        r.issuedAt = micros(t.issuedAt);
        r.calledAt = t.calledAt == null ? null : micros(t.calledAt);
        r.servedAt = t.servedAt == null ? null : micros(t.servedAt);
        r.finishedAt = t.finishedAt == null ? null : micros(t.finishedAt);
        r.counter = t.counter;
        r.operatorPool = t.operatorPool;
        r.recalls = t.recalls;
        r.lineKey = t.lineKey() == null ? r.issuedAt : micros(t.lineKey());
        r.lineOrder = t.lineOrder();
        r.publicId = t.publicId;
        r.idempotencyKey = t.idempotencyKey;
        r.issuedBy = t.issuedBy;
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
}
