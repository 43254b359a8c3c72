package org.talon.notify.internal.support;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.talon.notify.internal.store.Db;

/**
 * A real database with the bundle's migration applied, and transactions the way the Talon
 * datasource gives them: joined when the thread is in one, committed when it is not. An in-memory
 * H2 database; or, when the system property {@code notify.test.jdbc} names a PostgreSQL database
 * ({@code jdbc:postgresql://127.0.0.1:5432/postgres?user=talon}), a fresh schema in it.
 */
public final class TestDb implements Db {
    private final String url;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> after = new ThreadLocal<>();
    private final Connection keepAlive;

    public TestDb() throws Exception {
        String pg = System.getProperty("notify.test.jdbc");
        if (pg == null || pg.isBlank()) {
            url = "jdbc:h2:mem:notify" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        } else {
            String schema = "notify" + System.nanoTime();
            try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            url = pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
        keepAlive = DriverManager.getConnection(url);
        String sql;
        try (InputStream in = TestDb.class.getResourceAsStream("/db/notify/V1__outbox.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement s = keepAlive.createStatement()) {
            for (String st : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!st.isBlank()) s.execute(st);
            }
        }
    }

    @Override
    public <T> T inTransaction(Work<T> work) throws Exception {
        Connection c = current.get();
        if (c != null) return work.run(c);
        List<Runnable> actions = new ArrayList<>();
        try (Connection n = DriverManager.getConnection(url)) {
            n.setAutoCommit(false);
            current.set(n);
            after.set(actions);
            T result;
            try {
                result = work.run(n);
                n.commit();
            } catch (Throwable t) {
                n.rollback();
                throw t;
            } finally {
                current.remove();
                after.remove();
            }
            actions.forEach(Runnable::run);
            return result;
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        List<Runnable> a = after.get();
        if (a != null) a.add(action);
        else action.run();
    }

    /** One query's rows as "v1 v2 …" lines. */
    public List<String> rows(String sql) throws Exception {
        return inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery(sql)) {
                while (r.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) b.append(i == 1 ? "" : " ").append(r.getString(i));
                    out.add(b.toString());
                }
            }
            return out;
        });
    }
}
