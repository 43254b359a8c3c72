package org.talon.event.api;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * Brings a domain bundle's tables in the Talon database up to date (since 1.3): the one way a
 * domain creates and changes its tables, so that no domain carries its own copy of the set-up.
 *
 * <p>A bundle keeps its migrations as entries {@code <location>/V<n>__<what>.sql} (Flyway's
 * naming), run once each, in order, and recorded in the bundle's own history table. A domain's
 * store calls {@link #migrate} in its activation, before its persistence unit is first used, and
 * does not start when it throws.
 */
@ProviderType
public interface SchemaMigrations {
    /**
     * Runs the bundle's migrations that have not run yet.
     *
     * @param bundle       the bundle whose entries hold the migrations
     * @param location     the folder of the entries, e.g. {@code db/queue}
     * @param historyTable the table that records what ran, e.g. {@code talon_queue_schema}
     * @return how many migrations ran now (0 when the tables were up to date)
     * @throws IllegalStateException when the bundle has no migrations there, or one fails
     */
    int migrate(Bundle bundle, String location, String historyTable);
}
