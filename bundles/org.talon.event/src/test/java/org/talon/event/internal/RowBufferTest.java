package org.talon.event.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.talon.event.api.RowTable;
import org.talon.event.api.Rows;

/** The writer's rows against a real (in-memory) H2 database: batches, the last write wins, refusals. */
class RowBufferTest {
    static final RowTable T = RowTable.named("t_row").key("id").columns("name", "on_day", "n", "flag");
    static final RowTable PAIR = RowTable.named("t_pair").key("a", "b").columns("v");
    Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:h2:mem:rows" + System.nanoTime());
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t_row (id BIGINT PRIMARY KEY, name VARCHAR(10), on_day DATE, n INTEGER, flag BOOLEAN)");
            s.execute("CREATE TABLE t_pair (a VARCHAR(10), b VARCHAR(10), v BIGINT, PRIMARY KEY (a, b))");
        }
        c.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) b.append(i == 1 ? "" : " ").append(r.getString(i));
                out.add(b.toString());
            }
        }
        return out;
    }

    @Test
    void insertsUpdatesAndPutsAreWrittenWithTheLastValuesOfEachRow() throws SQLException {
        RowBuffer b = new RowBuffer(() -> { });
        Rows rows = b.rows(T);
        rows.insert(1L, "one", LocalDate.of(2026, 12, 3), 1, true);
        rows.insert(2L, "two", null, null, null);
        b.flush(c);
        RowBuffer next = new RowBuffer(() -> { });
        next.rows(T).insert(3L, "three", null, 3, false);
        next.rows(T).update(3L, "drei", null, 33, false); // inserted and changed in one group: one insert
        next.rows(T).update(1L, "uno", LocalDate.of(2026, 12, 4), 11, false);
        next.rows(T).put(2L, "due", null, 2, true); // exists: updated
        next.rows(T).put(4L, "quattro", null, 4, true); // does not: inserted
        next.rows(PAIR).put("x", "y", 7L);
        next.rows(PAIR).put("x", "y", 8L);
        assertEquals(7, next.writes());
        next.flush(c);
        assertEquals(List.of("1 uno 2026-12-04 11 FALSE", "2 due null 2 TRUE", "3 drei null 33 FALSE", "4 quattro null 4 TRUE"),
                rows("SELECT * FROM t_row ORDER BY id"));
        assertEquals(List.of("x y 8"), rows("SELECT * FROM t_pair"));
    }

    @Test
    void anUpdateOfARowThatIsNotThereIsRefusedNotTurnedIntoAnInsert() {
        RowBuffer b = new RowBuffer(() -> { });
        b.rows(T).update(9L, "nine", null, 9, true);
        SQLException e = assertThrows(SQLException.class, () -> b.flush(c));
        assertTrue(e.getMessage().contains("t_row") && e.getMessage().contains("9"), e.getMessage());
    }

    @Test
    void theDatabaseRefusesAnInsertOfARowThatExists() throws SQLException {
        RowBuffer b = new RowBuffer(() -> { });
        b.rows(T).insert(1L, "one", null, 1, true);
        b.flush(c);
        RowBuffer again = new RowBuffer(() -> { });
        again.rows(T).insert(1L, "one", null, 1, true);
        assertThrows(SQLException.class, () -> again.flush(c));
    }

    @Test
    void badWritesAreRefusedWhenTheyAreMadeNamingTheTableAndColumn() {
        RowBuffer b = new RowBuffer(() -> { });
        Rows rows = b.rows(T);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rows.insert(1L, "one")).getMessage().contains("takes 5 values"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rows.insert(null, "x", null, 1, true)).getMessage().contains("key id is null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rows.insert(1L, new Object(), null, 1, true)).getMessage().contains("name"));
        rows.insert(1L, "one", null, 1, true);
        assertThrows(IllegalStateException.class, () -> rows.insert(1L, "again", null, 1, true));
        assertEquals(1, b.writes());
    }

    @Test
    void aWriteOutsideItsTransactionIsRefusedByTheGuard() {
        RowBuffer b = new RowBuffer(() -> {
            throw new IllegalStateException("closed");
        });
        assertThrows(IllegalStateException.class, () -> b.rows(T).put(1L, "one", null, 1, true));
        assertTrue(b.isEmpty());
    }

    @Test
    void namesThatAreNotPlainIdentifiersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RowTable.named("t; DROP TABLE x"));
        assertThrows(IllegalArgumentException.class, () -> RowTable.named("t").key("id").columns("id"));
        assertThrows(IllegalArgumentException.class, () -> RowTable.named("t").key("Id"));
    }
}
