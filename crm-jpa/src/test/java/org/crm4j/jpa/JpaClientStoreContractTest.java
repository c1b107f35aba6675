package org.crm4j.jpa;

import org.crm4j.client.ClientStore;
import org.crm4j.tck.ClientStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@link ClientStore} contract on every database: H2, PostgreSQL and MariaDB, and once more on H2 under a
 * table prefix of the embedding system's choosing.
 */
class JpaClientStoreContractTest {

    @Nested
    class OnH2 extends OnDatabase {
        OnH2() {
            super(TestDatabase.H2, "crm_");
        }
    }

    @Nested
    class OnH2WithAnotherPrefix extends OnDatabase {
        OnH2WithAnotherPrefix() {
            super(TestDatabase.H2, "erp_crm_");
        }
    }

    @Nested
    class OnPostgreSql extends OnDatabase {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL, "crm_");
        }
    }

    @Nested
    class OnMariaDb extends OnDatabase {
        OnMariaDb() {
            super(TestDatabase.MARIADB, "crm_");
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class OnDatabase extends ClientStoreContract {
        private final StorageOnDatabase db;

        OnDatabase(TestDatabase database, String prefix) {
            this.db = new StorageOnDatabase(database, prefix);
        }

        @BeforeAll
        void open() {
            db.open();
        }

        @AfterAll
        void close() {
            db.close();
        }

        @Override
        protected ClientStore emptyStore() {
            return db.empty().clients();
        }
    }
}
