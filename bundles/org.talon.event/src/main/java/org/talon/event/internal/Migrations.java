package org.talon.event.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings this bundle's tables to the current schema with Flyway, from {@code db/event/*.sql} in the bundle. */
final class Migrations {
    private Migrations() {
    }

    static void migrate(DataSource ds, ClassLoader bundleLoader, String location, String historyTable) {
        Flyway.configure(bundleLoader).dataSource(ds).locations("classpath:" + location).table(historyTable)
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }
}
