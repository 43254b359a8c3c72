package org.talon.notify.internal.store;

import java.sql.Connection;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.TransactionManager;

/**
 * The Talon datasource (XA, enlisted in JTA transactions): a connection lent inside a transaction
 * is the one it commits. A caller already in a transaction (a durable subscriber's handling) is
 * joined, so its writes commit with the subscriber's position; otherwise a transaction of its own
 * is begun and committed, as the event log's store does outside its writer.
 */
final class JtaDb implements Db {
    private static final Logger LOG = Logger.getLogger(JtaDb.class.getName());
    private final DataSource dataSource;
    private final TransactionManager tm;

    JtaDb(DataSource dataSource, TransactionManager tm) {
        this.dataSource = dataSource;
        this.tm = tm;
    }

    @Override
    public <T> T inTransaction(Work<T> work) throws Exception {
        if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            }
        }
        tm.begin();
        try {
            T result;
            try (Connection c = dataSource.getConnection()) {
                result = work.run(c);
            }
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

    @Override
    public void afterCommit(Runnable action) {
        try {
            if (tm.getStatus() == Status.STATUS_ACTIVE) {
                tm.getTransaction().registerSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        if (status == Status.STATUS_COMMITTED) action.run();
                    }
                });
                return;
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "cannot wait for the commit; running at once", e);
        }
        action.run();
    }
}
