package org.crm4j.jpa;

import org.crm4j.classifier.ClassifierStore;
import org.crm4j.tck.ClassifierStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** The {@link ClassifierStore} contract on H2, PostgreSQL and MariaDB. */
class JpaClassifierStoreContractTest {

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
    abstract static class OnDatabase extends ClassifierStoreContract {
        private static final String PREFIX = "dict_";
        private final TestDatabase database;
        private JpaStorage storage;

        OnDatabase(TestDatabase database) {
            this.database = database;
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            storage = database.storage(database.cleanSchema(PREFIX), PREFIX);
        }

        @AfterAll
        void close() {
            if (storage != null) {
                storage.close();
            }
        }

        @Override
        protected ClassifierStore emptyStore() {
            database.cleanSchema(PREFIX);
            return storage.classifiers();
        }
    }
}
