package org.crm4j.jpa;

import org.crm4j.storage.CrmStorage;
import org.crm4j.tck.AssignmentQueryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** The {@link org.crm4j.assignment.AssignmentQuery} contract on H2, PostgreSQL and MariaDB. */
class JpaAssignmentQueryContractTest {

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
    abstract static class OnDatabase extends AssignmentQueryContract {
        private final StorageOnDatabase db;

        OnDatabase(TestDatabase database) {
            this.db = new StorageOnDatabase(database, "assign_");
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
        protected CrmStorage emptyStorage() {
            return db.empty();
        }
    }
}
