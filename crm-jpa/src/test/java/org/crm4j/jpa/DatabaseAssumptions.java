package org.crm4j.jpa;

import org.junit.jupiter.api.Assumptions;

/** Skips the tests of a database that is not available, saying so where a reader of the build output sees it. */
final class DatabaseAssumptions {
    private DatabaseAssumptions() {
    }

    static void assumeAvailable(TestDatabase database) {
        String reason = database.unavailableBecause();
        if (reason != null) {
            System.err.println("*** " + reason + " ***");
        }
        Assumptions.assumeTrue(reason == null, reason);
    }
}
