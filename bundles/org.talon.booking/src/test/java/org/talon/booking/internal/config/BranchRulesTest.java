package org.talon.booking.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.talon.booking.internal.engine.Settings;

class BranchRulesTest {
    @Test
    void aBranchWithoutAFileOfItsOwnHasTheDefaultsItsMetatypeNames() {
        assertEquals(new Settings(Duration.ofMinutes(60), 60, 3, Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofHours(24)),
                BranchRules.DEFAULT);
    }
}
