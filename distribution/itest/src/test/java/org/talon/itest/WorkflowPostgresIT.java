package org.talon.itest;

import org.junit.jupiter.api.BeforeAll;

/**
 * {@link WorkflowTests} on a PostgreSQL server of its own: with JTA on PostgreSQL a failing statement
 * aborts the whole transaction, which the embedded database would hide.
 */
class WorkflowPostgresIT extends WorkflowTests {
    @BeforeAll
    static void start() throws Exception {
        org.talon.bench.Postgres pg = org.talon.bench.Postgres.start();
        database = pg; // closed after the distribution stops
        startOn(pg.url("talon"));
    }
}
