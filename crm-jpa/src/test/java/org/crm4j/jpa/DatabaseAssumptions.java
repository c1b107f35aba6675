package org.crm4j.jpa;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips the tests of a database that is not available, saying so where a reader of the build output sees it.
 * With {@code CRM_TEST_REQUIRE_DATABASES=true} (as {@code .ci/run} sets) a missing database fails the tests
 * instead: in CI no database test may be skipped.
 */
final class DatabaseAssumptions {
    private DatabaseAssumptions() {
    }

    static void assumeAvailable(TestDatabase database) {
        String reason = database.unavailableBecause();
        if (reason == null) {
            return;
        }
        if (Boolean.parseBoolean(System.getenv("CRM_TEST_REQUIRE_DATABASES"))) {
            Assertions.fail(reason + " (CRM_TEST_REQUIRE_DATABASES=true)");
        }
        System.err.println("*** " + reason + " ***");
        Assumptions.assumeTrue(false, reason);
    }
}
