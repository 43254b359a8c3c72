package org.talon.itest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.talon.bench.Reliability;

/**
 * The reliability runs of distribution/bench in their short form, each against a fresh
 * distribution of its own: a kill -9 under load, a 30 s PostgreSQL outage under load,
 * bundle:update of each implementation bundle under load, generated bad requests, the generated
 * adversarial requests over every route and field, and event streams churned with resets. Each
 * fails on any lost or duplicated acknowledged ticket, any 500, and any failed kiosk request.
 */
class ReliabilityIT {
    static final Path DISTRIBUTION = Path.of(System.getProperty("talon.distribution"));
    static final Reliability RUNS = new Reliability(DISTRIBUTION, Path.of("target", "reliability"), Reliability.bundlesOf(DISTRIBUTION),
            System.out::println);

    static void passes(String run) {
        Reliability.Outcome o = RUNS.run(run, Reliability.Settings.shortForm());
        System.out.println(o.describe());
        assertTrue(o.passed(), o.describe());
    }

    @Test
    void killNineUnderLoadLosesNoAcknowledgedTicketAndRepeatsNoNumber() {
        passes("kill9");
    }

    @Test
    void aThirtySecondPostgresOutageGetsClear503sRecoversByItselfAndLosesNothing() {
        passes("postgres");
    }

    @Test
    void updatingEachImplementationBundleUnderLoadFailsNoRetryingKioskAndLosesNoTicket() {
        passes("update");
    }

    @Test
    void generatedBadRequestsOverEveryRouteNeverGetAServerErrorAndLeaveTheServerHealthy() {
        passes("malformed");
    }

    @Test
    void everyFieldRouteRoleAndFramingOfTheOpenApiDocumentGetsItsClearRefusalAndChangesNothing() {
        passes("adversary");
    }

    @Test
    void resetEventStreamsReplayingTheLogKeepMemoryBoundedAndTheKiosksServed() {
        passes("churn");
    }
}
