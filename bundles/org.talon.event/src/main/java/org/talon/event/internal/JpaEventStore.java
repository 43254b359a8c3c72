package org.talon.event.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.persistence.EntityManager;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.talon.event.api.DomainEvent;

/**
 * The event log in the Talon database through JPA. Each writer group runs in one JTA
 * transaction; the commands' own persistence units join it, so their rows and the events commit
 * in one database commit.
 */
@Component(service = EventStore.class)
public final class JpaEventStore implements EventStore {
    private final JpaTemplate jpa;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    @Activate
    public JpaEventStore(@Reference(target = "(osgi.unit.name=talon-event)") JpaTemplate jpa,
            @Reference(target = "(osgi.jndi.service.name=talon)") DataSource dataSource,
            @Reference TransactionManager transactionManager) {
        // The transaction manager is not used here directly: EclipseLink finds it in the service
        // registry when a transaction starts, and fails if the first one starts before it exists.
        Migrations.migrate(dataSource, org.osgi.framework.FrameworkUtil.getBundle(JpaEventStore.class), "db/event", "talon_event_schema");
        this.jpa = jpa;
    }

    @Override
    public <T> T inTransaction(Callable<T> work) throws Exception {
        Object[] result = new Object[1];
        jpa.tx(TransactionType.Required, em -> {
            current.set(em);
            try {
                result[0] = work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                current.remove();
            }
        });
        @SuppressWarnings("unchecked")
        T r = (T) result[0];
        return r;
    }

    @Override
    public void insert(List<DomainEvent> events) {
        EntityManager em = current.get();
        if (em == null) throw new IllegalStateException("insert outside a writer transaction");
        for (DomainEvent e : events) {
            EventRow r = new EventRow();
            r.branch = e.branch();
            r.sequence = e.sequence();
            r.type = e.type();
            r.time = micros(e.time());
            r.payload = e.payload();
            em.persist(r);
        }
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
        EntityManager em = current.get();
        if (em == null) throw new IllegalStateException("position saved outside a transaction");
        SubscriptionRow r = em.find(SubscriptionRow.class, new SubscriptionRow.Key(subscriber, branch));
        if (r == null) {
            r = new SubscriptionRow();
            r.name = subscriber;
            r.branch = branch;
            r.position = position;
            r.updatedAt = micros(Instant.now());
            em.persist(r);
        } else {
            r.position = position;
            r.updatedAt = micros(Instant.now());
        }
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
