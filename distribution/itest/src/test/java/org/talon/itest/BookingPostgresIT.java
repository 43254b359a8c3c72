package org.talon.itest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link BookingIT} on a PostgreSQL server of its own: with JTA on PostgreSQL a failing statement
 * aborts the whole transaction, which the embedded database would hide.
 */
class BookingPostgresIT extends BookingIT {
    private static org.talon.bench.Postgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = org.talon.bench.Postgres.start();
        startOn(pg.url("talon"));
    }

    @AfterAll
    static void stop() {
        try {
            BookingIT.stop();
        } finally {
            if (pg != null) pg.close();
        }
    }
}
