package org.crm4j.jpa;

import org.crm4j.template.TemplateStore;
import org.crm4j.tck.TemplateStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** The {@link TemplateStore} contract on H2, PostgreSQL and MariaDB. */
class JpaTemplateStoreContractTest {

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
    abstract static class OnDatabase extends TemplateStoreContract {
        private final StorageOnDatabase db;

        OnDatabase(TestDatabase database) {
            this.db = new StorageOnDatabase(database, "templates_");
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
        protected TemplateStore emptyStore() {
            return db.empty().templates();
        }
    }
}
