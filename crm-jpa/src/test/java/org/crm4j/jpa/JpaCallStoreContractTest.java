package org.crm4j.jpa;

import org.crm4j.tck.CallStoreContract;
import org.crm4j.telephony.CallStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** The {@link CallStore} contract on H2, PostgreSQL and MariaDB. */
class JpaCallStoreContractTest {

    @Nested
    class OnH2 extends OnDatabase {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends OnDatabase {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    @Nested
    class OnMariaDb extends OnDatabase {
        OnMariaDb() {
            super(TestDatabase.MARIADB);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class OnDatabase extends CallStoreContract {
        private final StorageOnDatabase db;

        OnDatabase(TestDatabase database) {
            this.db = new StorageOnDatabase(database, "calls_");
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
        protected CallStore emptyStore() {
            return db.empty().calls();
        }
    }
}
