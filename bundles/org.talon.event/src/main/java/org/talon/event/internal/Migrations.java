package org.talon.event.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;
import org.osgi.framework.Bundle;

/**
 * Runs a bundle's Flyway migrations from its own entries ({@code <location>/*.sql}). Flyway's own
 * OSGi scanner finds nothing when Flyway starts after the client bundle (boot order), so the
 * resources are handed to it here, and a bundle without migrations is an error, never a silent no-op.
 */
final class Migrations {
    private Migrations() {}

    static MigrateResult migrate(DataSource ds, Bundle bundle, String location, String table) {
        BundleResourceProvider provider = new BundleResourceProvider(bundle, location);
        if (provider.resources.isEmpty()) {
            throw new IllegalStateException("no migrations under " + location + " in " + bundle);
        }
        // Flyway's own classes through this bundle (a domain bundle need not import Flyway); the
        // migrations themselves through the provider, from the domain bundle's entries
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(ds)
                .locations("classpath:" + location)   // still required by Flyway; resources come from the provider
                .resourceProvider(provider)
                .table(table)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    static final class BundleResourceProvider implements ResourceProvider {
        final List<LoadableResource> resources = new ArrayList<>();

        BundleResourceProvider(Bundle bundle, String location) {
            Enumeration<URL> e = bundle.findEntries(location, "*.sql", false);
            while (e != null && e.hasMoreElements()) {
                resources.add(new UrlResource(e.nextElement()));
            }
        }

        @Override
        public LoadableResource getResource(String name) {
            for (LoadableResource r : resources) {
                if (r.getRelativePath().equals(name) || r.getAbsolutePath().equals(name)) return r;
            }
            return null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            List<LoadableResource> out = new ArrayList<>();
            for (LoadableResource r : resources) {
                String f = r.getFilename();
                if (!f.startsWith(prefix)) continue;
                for (String s : suffixes) {
                    if (f.endsWith(s)) { out.add(r); break; }
                }
            }
            return out;
        }
    }

    static final class UrlResource extends LoadableResource {
        private final URL url;
        private final String absolutePath;
        private final String filename;

        UrlResource(URL url) {
            this.url = url;
            String p = url.getPath();
            this.absolutePath = p.startsWith("/") ? p.substring(1) : p;
            this.filename = absolutePath.substring(absolutePath.lastIndexOf('/') + 1);
        }

        @Override public Reader read() {
            try {
                return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        @Override public String getAbsolutePath() { return absolutePath; }
        @Override public String getAbsolutePathOnDisk() { return url.toString(); }
        @Override public String getFilename() { return filename; }
        @Override public String getRelativePath() { return filename; }
    }
}
