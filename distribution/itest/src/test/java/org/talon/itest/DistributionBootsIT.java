package org.talon.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Smoke test of the built distribution: it boots with talon-core installed and every Talon bundle
 * active. When this class fails, look here before reading the other Karaf tests.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionBootsIT {
    static final List<String> TALON_BUNDLES = List.of(
            "org.talon.event.api", "org.talon.queue.api", "org.talon.web.api",
            "org.talon.event", "org.talon.queue", "org.talon.web");

    @Inject
    BundleContext context;

    @Inject
    FeaturesService features;

    @Configuration
    public Option[] config() {
        return TalonKaraf.config();
    }

    /**
     * The probe can run while Karaf is still starting the last boot bundles (seen here: the
     * PostgreSQL driver still RESOLVED); Karaf registers BootFinished once every boot feature is
     * installed and started.
     */
    @Before
    public void bootFeaturesAreDone() throws Exception {
        ServiceTracker<BootFinished, BootFinished> boot = new ServiceTracker<>(context, BootFinished.class, null);
        boot.open();
        try {
            assertNotNull("Karaf did not finish installing its boot features", boot.waitForService(120_000));
        } finally {
            boot.close();
        }
    }

    @Test
    public void everyTalonBundleIsActiveIncludingTheApiBundlesWithoutActivator() throws Exception {
        // API bundles have no activator and no lazy policy: start() takes them to ACTIVE too.
        Map<String, String> states = awaitStates(TALON_BUNDLES, 60_000);
        for (String bsn : TALON_BUNDLES) {
            assertEquals(bsn + " in " + states, "ACTIVE", states.get(bsn));
        }
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.talon.")) {
                assertEquals(b.getSymbolicName(), "ACTIVE", state(b));
            }
        }
    }

    @Test
    public void talonCoreAndItsThirdPartyFeaturesAreInstalled() throws Exception {
        for (String name : List.of("talon-core", "talon-persistence", "talon-json")) {
            Feature f = features.getFeature(name);
            assertNotNull(name + " is in a registered features repository", f);
            assertTrue(name + " is installed", features.isInstalled(f));
        }
    }

    @Test
    public void noBundleIsLeftUnstarted() throws Exception {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getBundleId() + " " + b.getSymbolicName() + " " + b.getVersion() + " " + state(b));
            }
        }
        assertEquals("bundles not ACTIVE: " + notActive, List.of(), notActive);
    }

    @Test
    public void exactlyOneDriverBundlePerDatabase() {
        // pax-jdbc-h2 and pax-jdbc-postgresql bring their own driver versions; a different pinned
        // version in talon-persistence would install a second driver for the same class.
        for (String bsn : List.of("com.h2database", "org.postgresql.jdbc")) {
            List<String> found = Arrays.stream(context.getBundles())
                    .filter(b -> bsn.equals(b.getSymbolicName()))
                    .map(b -> b.getVersion().toString()).toList();
            assertEquals(bsn + " bundles: " + found, 1, found.size());
        }
    }

    @Test
    public void shippedSettingsAreTheWrittenDownOnes() throws Exception {
        Path etc = Path.of(System.getProperty("karaf.etc"));
        String featuresCfg = Files.readString(etc.resolve("org.apache.karaf.features.cfg"));
        assertTrue(featuresCfg, Pattern.compile("(?m)^autoRefresh\\s*=\\s*true\\s*$").matcher(featuresCfg).find());
        String shell = Files.readString(etc.resolve("org.apache.karaf.shell.cfg"));
        assertTrue(shell, Pattern.compile("(?m)^sshHost\\s*=\\s*127\\.0\\.0\\.1\\s*$").matcher(shell).find());
        String users = Files.readString(etc.resolve("users.properties"));
        assertFalse("Karaf's karaf user stays disabled:\n" + users,
                Pattern.compile("(?m)^\\s*karaf\\s*=").matcher(users).find());
    }

    /** Waits until each named bundle is ACTIVE or the time is up; returns the states it saw. */
    Map<String, String> awaitStates(List<String> bsns, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            Map<String, String> states = new TreeMap<>();
            for (Bundle b : context.getBundles()) {
                if (bsns.contains(b.getSymbolicName())) {
                    String previous = states.put(b.getSymbolicName(), state(b));
                    if (previous != null) fail("two bundles named " + b.getSymbolicName());
                }
            }
            boolean allActive = bsns.stream().allMatch(n -> "ACTIVE".equals(states.get(n)));
            if (allActive || System.currentTimeMillis() > deadline) return states;
            Thread.sleep(200);
        }
    }

    static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> String.valueOf(b.getState());
        };
    }
}
