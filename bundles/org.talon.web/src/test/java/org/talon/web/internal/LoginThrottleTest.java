package org.talon.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    @Test
    void fiveWrongPasswordsAreFreeThenThePairWaitsLongerEachTime() {
        LoginThrottle t = new LoginThrottle();
        String anna = LoginThrottle.key("Anna ", "10.0.0.5");
        long now = 1_000_000;
        for (int i = 0; i < 4; i++) t.failed(anna, now);
        assertEquals(0, t.waitSeconds(anna, now));
        t.failed(anna, now);
        assertEquals(30, t.waitSeconds(anna, now));
        assertEquals(0, t.waitSeconds(anna, now + 30_000));
        t.failed(anna, now + 30_000);
        assertEquals(60, t.waitSeconds(anna, now + 30_000));
        // the same user at another counter, and the same name written otherwise, are one and two pairs
        assertEquals(0, t.waitSeconds(LoginThrottle.key("anna", "10.0.0.6"), now + 30_000));
        assertEquals(60, t.waitSeconds(LoginThrottle.key("ANNA", "10.0.0.5"), now + 30_000));
    }

    @Test
    void theWaitStopsAtFifteenMinutesAndARightPasswordClearsIt() {
        LoginThrottle t = new LoginThrottle();
        String k = LoginThrottle.key("mia", "::1");
        for (int i = 0; i < 40; i++) t.failed(k, 0);
        assertEquals(15 * 60, t.waitSeconds(k, 0));
        t.succeeded(k);
        assertEquals(0, t.waitSeconds(k, 0));
    }
}
