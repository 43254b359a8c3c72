package org.talon.event.internal;

import javax.sql.DataSource;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.talon.event.api.SchemaMigrations;

/** Domain bundles' migrations, by Flyway, on the Talon datasource. */
@Component(service = SchemaMigrations.class)
public final class FlywaySchemaMigrations implements SchemaMigrations {
    private final DataSource dataSource;

    @Activate
    public FlywaySchemaMigrations(@Reference(target = "(osgi.jndi.service.name=talon)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public int migrate(Bundle bundle, String location, String historyTable) {
        if (bundle == null || location == null || location.isBlank() || historyTable == null || !historyTable.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("migrate needs a bundle, a location and a history table name (letters, digits, _)");
        }
        return Migrations.migrate(dataSource, bundle, location, historyTable).migrationsExecuted;
    }
}
