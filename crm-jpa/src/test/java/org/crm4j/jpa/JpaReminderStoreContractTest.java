package org.crm4j.jpa;

import org.crm4j.schedule.ReminderStore;
import org.crm4j.tck.ReminderStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@link ReminderStore} contract on H2, PostgreSQL and MariaDB, with claims by {@code skip locked} (the
 * default) and by version-guarded updates.
 */
class JpaReminderStoreContractTest {

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

    @Nested
    class GuardedOnH2 extends OnDatabase {
        GuardedOnH2() {
            super(TestDatabase.H2, false);
        }
    }

    @Nested
    class GuardedOnPostgreSql extends OnDatabase {
        GuardedOnPostgreSql() {
            super(TestDatabase.POSTGRESQL, false);
        }
    }

    @Nested
    class GuardedOnMariaDb extends OnDatabase {
        GuardedOnMariaDb() {
            super(TestDatabase.MARIADB, false);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class OnDatabase extends ReminderStoreContract {
        private final StorageOnDatabase db;

        OnDatabase(TestDatabase database) {
            this(database, true);
        }

        OnDatabase(TestDatabase database, boolean skipLockedClaims) {
            this.db = new StorageOnDatabase(database, skipLockedClaims ? "reminders_" : "guarded_", skipLockedClaims);
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
        protected ReminderStore emptyStore() {
            return db.empty().reminders();
        }
    }
}
