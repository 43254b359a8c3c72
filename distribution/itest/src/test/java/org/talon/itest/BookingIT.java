package org.talon.itest;

import org.junit.jupiter.api.BeforeAll;

/** {@link BookingTests} on the embedded database, as the distribution ships. */
class BookingIT extends BookingTests {
    @BeforeAll
    static void start() throws Exception {
        startOn(null);
    }
}
