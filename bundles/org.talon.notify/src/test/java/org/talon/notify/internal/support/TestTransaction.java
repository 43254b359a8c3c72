package org.talon.notify.internal.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.talon.event.api.BranchTransaction;
import org.talon.event.api.DomainEvent;
import org.talon.event.api.RowTable;
import org.talon.event.api.Rows;

/**
 * A branch command's transaction as the writer gives it, for tests: rows written through
 * {@link #rows} are kept and only reach the database when {@link #commit} is called (the writer's
 * commit), then the commit actions run; {@link #rollBack} forgets them.
 */
public final class TestTransaction implements BranchTransaction {
    private record Write(RowTable table, String op, Object[] values) {
    }

    private final String branch;
    private final Instant now;
    private final List<Write> writes = new ArrayList<>();
    private final List<Runnable> onCommit = new ArrayList<>();

    public TestTransaction(String branch, Instant now) {
        this.branch = branch;
        this.now = now;
    }

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
        throw new UnsupportedOperationException("no events in these tests");
    }

    @Override
    public void onRollback(Runnable action) {
    }

    @Override
    public void onCommit(Runnable action) {
        onCommit.add(action);
    }

    @Override
    public Rows rows(RowTable table) {
        return new Rows() {
            @Override
            public void insert(Object... values) {
                add("insert", values);
            }

            @Override
            public void update(Object... values) {
                add("update", values);
            }

            @Override
            public void put(Object... values) {
                add("put", values);
            }

            private void add(String op, Object[] values) {
                if (values.length != table.width()) throw new IllegalArgumentException(table.name() + " takes " + table.width() + " values");
                for (Object v : values) {
                    if (v != null && !(v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Boolean
                            || v instanceof java.time.LocalDate)) {
                        throw new IllegalArgumentException("a " + v.getClass().getName() + " cannot be stored in " + table.name());
                    }
                }
                writes.add(new Write(table, op, values.clone()));
            }
        };
    }

    /** What the command wrote, one "op table" per write. */
    public List<String> writes() {
        List<String> out = new ArrayList<>();
        for (Write w : writes) out.add(w.op + " " + w.table.name());
        return out;
    }

    /** Writes the rows in one transaction, as the writer's batches do (put: update, else insert), then runs the commit actions. */
    public void commit(TestDb db) throws Exception {
        db.inTransaction(c -> {
            for (Write w : writes) {
                if (w.op.equals("insert")) insert(c, w);
                else if (update(c, w) == 0) {
                    if (w.op.equals("update")) throw new IllegalStateException("no row to update in " + w.table.name());
                    insert(c, w);
                }
            }
            return null;
        });
        onCommit.forEach(Runnable::run);
    }

    public void rollBack() {
        writes.clear();
        onCommit.clear();
    }

    private static void insert(Connection c, Write w) throws Exception {
        List<String> all = new ArrayList<>(w.table.key());
        all.addAll(w.table.columns());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + w.table.name() + " (" + String.join(", ", all) + ") VALUES ("
                + "?, ".repeat(all.size() - 1) + "?)")) {
            for (int i = 0; i < w.values.length; i++) set(s, i + 1, w.values[i]);
            s.executeUpdate();
        }
    }

    private static int update(Connection c, Write w) throws Exception {
        StringBuilder sql = new StringBuilder("UPDATE " + w.table.name() + " SET ");
        for (int i = 0; i < w.table.columns().size(); i++) sql.append(i == 0 ? "" : ", ").append(w.table.columns().get(i)).append(" = ?");
        sql.append(" WHERE ");
        for (int i = 0; i < w.table.key().size(); i++) sql.append(i == 0 ? "" : " AND ").append(w.table.key().get(i)).append(" = ?");
        int k = w.table.key().size();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (int i = k; i < w.values.length; i++) set(s, p++, w.values[i]);
            for (int i = 0; i < k; i++) set(s, p++, w.values[i]);
            return s.executeUpdate();
        }
    }

    private static void set(PreparedStatement s, int i, Object v) throws Exception {
        if (v == null) s.setNull(i, Types.NULL);
        else s.setObject(i, v);
    }
}
