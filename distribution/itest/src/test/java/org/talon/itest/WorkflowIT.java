package org.talon.itest;

import org.junit.jupiter.api.BeforeAll;

/** {@link WorkflowTests} on the embedded database, as the distribution ships. */
class WorkflowIT extends WorkflowTests {
    @BeforeAll
    static void start() throws Exception {
        startOn(null);
    }
}
