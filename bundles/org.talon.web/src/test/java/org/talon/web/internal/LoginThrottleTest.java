package org.talon.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    @Test
    void fiveWrongPasswordsAreFreeThenThePairWaitsLongerEachTime() {
        LoginThrottle t = new LoginThrottle();
        String anna = LoginThrottle.key("Anna ", "10.0.0.5");
        long now = 1_000_000;
        for (int i = 0; i < 5; i++) assertEquals(0, t.attempt(anna, now), "try " + (i + 1));
        assertEquals(30, t.attempt(anna, now));
        assertEquals(30, t.waitSeconds(anna, now));
        assertEquals(0, t.attempt(anna, now + 30_000));
        assertEquals(60, t.waitSeconds(anna, now + 30_000));
        // the same user at another counter, and the same name written otherwise, are one and two pairs
        assertEquals(0, t.waitSeconds(LoginThrottle.key("anna", "10.0.0.6"), now + 30_000));
        assertEquals(60, t.waitSeconds(LoginThrottle.key("ANNA", "10.0.0.5"), now + 30_000));
    }

    @Test
    void triesStartedAtOnceAreCountedBeforeAnyEnds() {
        LoginThrottle t = new LoginThrottle();
        String k = LoginThrottle.key("mia", "::1");
        int let = 0;
        for (int i = 0; i < 20; i++) if (t.attempt(k, 0) == 0) let++; // none has succeeded or failed yet
        assertEquals(5, let);
    }

    @Test
    void theWaitStopsAtFifteenMinutesARightPasswordClearsItAndOldTyposAreForgotten() {
        LoginThrottle t = new LoginThrottle();
        String k = LoginThrottle.key("mia", "::1");
        long now = 0;
        for (int i = 0; i < 15; i++) {
            now += t.waitSeconds(k, now) * 1000; // each try as soon as it may
            assertEquals(0, t.attempt(k, now));
        }
        assertEquals(15 * 60, t.waitSeconds(k, now));
        t.succeeded(k);
        assertEquals(0, t.waitSeconds(k, now));
        // four typos a day apart never add up
        LoginThrottle d = new LoginThrottle();
        for (int day = 0; day < 10; day++) assertEquals(0, d.attempt(k, day * 86_400_000L));
    }
}
