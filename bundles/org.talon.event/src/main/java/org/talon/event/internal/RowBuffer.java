package org.talon.event.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.talon.event.api.RowTable;
import org.talon.event.api.Rows;

/**
 * The rows a transaction writes, kept until its work has run and then sent as one JDBC batch per
 * table and kind of write on the transaction's connection. The last write of a row wins: a row
 * inserted and then updated in the same transaction is inserted once, with its last values.
 */
final class RowBuffer {
    enum Op { INSERT, UPDATE, PUT }

    private record Write(Op op, Object[] values) {
    }

    /** Per table, in the order tables were first written; per row, by key, in the order rows were first written. */
    private final Map<RowTable, LinkedHashMap<List<Object>, Write>> tables = new LinkedHashMap<>();
    private final Map<RowTable, Rows> views = new HashMap<>();
    /** Every write ever added, also those a later write replaced: a command's writes are told by it. */
    private int writes;
    /** Checked on every write; throws when a write comes from outside the transaction's work. */
    private final Runnable guard;

    RowBuffer(Runnable guard) {
        this.guard = guard;
    }

    int writes() {
        return writes;
    }

    boolean isEmpty() {
        return tables.isEmpty();
    }

    Rows rows(RowTable table) {
        if (table == null) throw new IllegalArgumentException("no table");
        return views.computeIfAbsent(table, t -> new Rows() {
            @Override
            public void insert(Object... values) {
                add(t, Op.INSERT, values);
            }

            @Override
            public void update(Object... values) {
                add(t, Op.UPDATE, values);
            }

            @Override
            public void put(Object... values) {
                add(t, Op.PUT, values);
            }
        });
    }

    void add(RowTable table, Op op, Object[] values) {
        guard.run();
        if (values == null || values.length != table.width()) {
            throw new IllegalArgumentException("table " + table.name() + " takes " + table.width() + " values ("
                    + table.key() + " then " + table.columns() + "), not " + (values == null ? 0 : values.length));
        }
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                if (i < table.key().size()) throw new IllegalArgumentException("table " + table.name() + ": key " + table.key().get(i) + " is null");
            } else if (!(v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Boolean
                    || v instanceof java.time.LocalDate)) {
                throw new IllegalArgumentException("table " + table.name() + ": a " + v.getClass().getName() + " cannot be stored in "
                        + (i < table.key().size() ? table.key().get(i) : table.columns().get(i - table.key().size())));
            }
        }
        List<Object> key = List.of(Arrays.copyOf(values, table.key().size()));
        LinkedHashMap<List<Object>, Write> rows = tables.computeIfAbsent(table, t -> new LinkedHashMap<>());
        Write before = rows.get(key);
        Op now = op;
        if (before != null) {
            if (op == Op.INSERT) throw new IllegalStateException("table " + table.name() + ": row " + key + " is inserted after it was written in the same transaction");
            // inserted earlier in this transaction: still an insert, with the values as they are now
            now = before.op == Op.INSERT ? Op.INSERT : before.op == Op.PUT || op == Op.PUT ? Op.PUT : Op.UPDATE;
        }
        rows.put(key, new Write(now, values.clone()));
        writes++;
    }

    /** What would be sent, one "insert|update|put table [values]" per row: for tests and logs. */
    List<String> pending() {
        List<String> out = new ArrayList<>();
        tables.forEach((t, rows) -> rows.values().forEach(w -> out.add(w.op.name().toLowerCase(java.util.Locale.ROOT) + " " + t.name() + " " + Arrays.toString(w.values))));
        return out;
    }

    /** Sends every row on {@code c}, inside the caller's transaction; throws when the database refuses one. */
    void flush(Connection c) throws SQLException {
        for (Map.Entry<RowTable, LinkedHashMap<List<Object>, Write>> e : tables.entrySet()) {
            RowTable t = e.getKey();
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            List<Object[]> puts = new ArrayList<>();
            for (Write w : e.getValue().values()) {
                (w.op == Op.INSERT ? inserts : w.op == Op.UPDATE ? updates : puts).add(w.values);
            }
            if (!updates.isEmpty()) {
                int[] counts = update(c, t, updates);
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        throw new SQLException("table " + t.name() + ": the row " + Arrays.asList(updates.get(i)).subList(0, t.key().size())
                                + " to update does not exist");
                    }
                }
            }
            if (!puts.isEmpty()) {
                int[] counts = update(c, t, puts);
                for (int i = 0; i < counts.length; i++) {
                    // SUCCESS_NO_INFO: the driver does not say, and the row was not refused
                    if (counts[i] == 0) inserts.add(puts.get(i));
                }
            }
            if (!inserts.isEmpty()) insert(c, t, inserts);
        }
    }

    private static int[] update(Connection c, RowTable t, List<Object[]> rows) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE ").append(t.name()).append(" SET ");
        for (int i = 0; i < t.columns().size(); i++) sql.append(i == 0 ? "" : ", ").append(t.columns().get(i)).append(" = ?");
        sql.append(" WHERE ");
        for (int i = 0; i < t.key().size(); i++) sql.append(i == 0 ? "" : " AND ").append(t.key().get(i)).append(" = ?");
        int k = t.key().size();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (Object[] r : rows) {
                int p = 1;
                for (int i = k; i < r.length; i++) set(s, p++, r[i]);
                for (int i = 0; i < k; i++) set(s, p++, r[i]);
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            for (int i = 0; i < counts.length; i++) if (counts[i] == Statement.SUCCESS_NO_INFO) counts[i] = 1;
            return counts;
        }
    }

    private static void insert(Connection c, RowTable t, List<Object[]> rows) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(t.name()).append(" (");
        List<String> all = new ArrayList<>(t.key());
        all.addAll(t.columns());
        sql.append(String.join(", ", all)).append(") VALUES (");
        for (int i = 0; i < all.size(); i++) sql.append(i == 0 ? "?" : ", ?");
        sql.append(')');
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (Object[] r : rows) {
                for (int i = 0; i < r.length; i++) set(s, i + 1, r[i]);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void set(PreparedStatement s, int i, Object v) throws SQLException {
        if (v == null) s.setNull(i, Types.NULL);
        else if (v instanceof String x) s.setString(i, x);
        else if (v instanceof Long x) s.setLong(i, x);
        else if (v instanceof Integer x) s.setInt(i, x);
        else if (v instanceof Boolean x) s.setBoolean(i, x);
        else s.setObject(i, v);
    }
}
