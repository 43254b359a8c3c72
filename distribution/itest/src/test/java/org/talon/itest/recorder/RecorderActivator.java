package org.talon.itest.recorder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Hashtable;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.DurableSubscriber;

/**
 * A durable subscriber as a domain bundle would be one, packed by {@code DurableSubscriberIT} into
 * a bundle of its own and dropped into a running distribution's deploy folder: a row per event in
 * the Talon database, in the transaction of its position. The row's key (branch, sequence) makes
 * an event handled twice after commit a failure that stops it for good, which the test would see.
 * It handles slowly (2 ms an event), so that a catch-up lasts long enough to be killed midway.
 */
public final class RecorderActivator implements BundleActivator {
    static final Logger LOG = Logger.getLogger("org.talon.itest.recorder");
    private ServiceTracker<DataSource, DataSource> dataSources;
    private ServiceRegistration<DurableSubscriber> registration;

    @Override
    public void start(BundleContext context) throws Exception {
        dataSources = new ServiceTracker<>(context, context.createFilter(
                "(&(objectClass=javax.sql.DataSource)(osgi.jndi.service.name=talon))"), null);
        dataSources.open();
        DataSource ds = dataSources.waitForService(60_000);
        if (ds == null) throw new IllegalStateException("no Talon datasource");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS itest_seen (branch VARCHAR(64) NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (branch, seq))");
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(DurableSubscriber.NAME, "itest.recorder");
        registration = context.registerService(DurableSubscriber.class, e -> record(ds, e), props);
        LOG.info("recorder registered");
    }

    private static void record(DataSource ds, DomainEvent e) throws SQLException, InterruptedException {
        Thread.sleep(2);
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement("INSERT INTO itest_seen (branch, seq) VALUES (?, ?)")) {
            st.setString(1, e.branch());
            st.setLong(2, e.sequence());
            st.executeUpdate();
        }
        if (e.sequence() % 250 == 0) LOG.info("recorder handled " + e.branch() + " " + e.sequence());
        if (e.payload().contains("\"service\":\"C\"")) LOG.info("recorder handled the marker " + e.branch() + " " + e.sequence());
    }

    @Override
    public void stop(BundleContext context) {
        if (registration != null) registration.unregister();
        dataSources.close();
    }
}
