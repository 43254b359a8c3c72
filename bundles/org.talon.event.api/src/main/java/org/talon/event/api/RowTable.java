package org.talon.event.api;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A table of a domain's current-state rows (a ticket as it stands, a counter, a booking), written
 * inside branch commands through {@link BranchTransaction#rows}. The writer keeps a group's
 * writes until its commands have run, keeps the last write of each row, and sends each table's
 * rows as one JDBC batch on the connection of the group's transaction, with the group's events:
 * rows and events commit together or not at all. The domain's own bundle owns the table (its
 * migration creates it) and keeps reading it the way it likes (JPA, JDBC).
 *
 * <p>Made once, as a constant:
 *
 * <pre>{@code
 * static final RowTable NOTICES = RowTable.named("example_notice").key("id").columns("branch", "text", "posted_at");
 * }</pre>
 *
 * Values are given in the order key columns, then the other columns; each is a {@code String},
 * {@code Integer}, {@code Long}, {@code Boolean}, {@code java.time.LocalDate} or {@code null}.
 *
 * @since 1.5.0
 */
public final class RowTable {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private final String name;
    private final List<String> key;
    private final List<String> columns;

    private RowTable(String name, List<String> key, List<String> columns) {
        check(name);
        key.forEach(RowTable::check);
        columns.forEach(RowTable::check);
        if (columns.stream().anyMatch(key::contains) || columns.stream().distinct().count() != columns.size()
                || key.stream().distinct().count() != key.size()) {
            throw new IllegalArgumentException("a column is named twice in table " + name);
        }
        this.name = name;
        this.key = List.copyOf(key);
        this.columns = List.copyOf(columns);
    }

    /** A table by its name in the database (lower case letters, digits and {@code _}). */
    public static RowTable named(String name) {
        return new RowTable(name, List.of(), List.of());
    }

    /** This table with its primary key's columns. */
    public RowTable key(String... key) {
        return new RowTable(name, List.of(key), columns);
    }

    /** This table with the columns that are not its key. */
    public RowTable columns(String... columns) {
        return new RowTable(name, key, List.of(columns));
    }

    public String name() {
        return name;
    }

    public List<String> key() {
        return key;
    }

    public List<String> columns() {
        return columns;
    }

    /** How many values a row has: its key columns, then its other columns. */
    public int width() {
        return key.size() + columns.size();
    }

    private static void check(String n) {
        if (n == null || !NAME.matcher(n).matches()) throw new IllegalArgumentException("not a table or column name: '" + n + "'");
    }

    @Override
    public String toString() {
        return name + key + columns;
    }
}
