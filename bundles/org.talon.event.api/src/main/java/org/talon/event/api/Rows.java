package org.talon.event.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The writes of one branch command to one {@link RowTable}, sent when the group's commands have
 * run (see {@link BranchTransaction#rows}). Each call takes the row's values in the table's order:
 * key columns first. A later write of the same row in the group replaces the earlier one (a
 * ticket issued and called in one group is inserted once, as called). A command that throws
 * after it wrote a row is treated like one that throws after it appended an event: the group's
 * transaction is rolled back and the others run again without it.
 *
 * @since 1.5.0
 */
@ProviderType
public interface Rows {

    /** A row that does not exist yet; the database refuses the group when it does. */
    void insert(Object... values);

    /** A row that exists; its columns other than the key are set to these values. */
    void update(Object... values);

    /** A row that may or may not exist: updated when it does, inserted when it does not. */
    void put(Object... values);
}
