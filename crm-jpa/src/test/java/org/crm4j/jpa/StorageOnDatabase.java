package org.crm4j.jpa;

import javax.sql.DataSource;

/**
 * A {@link JpaStorage} over one test database and table prefix, for tests that run once per database: open it
 * before all tests (skipping, or failing in CI, when the database is not available), empty it before each,
 * close it after all.
 */
final class StorageOnDatabase {
    private final TestDatabase database;
    private final String prefix;
    private final boolean skipLockedClaims;
    private JpaStorage storage;
    private DataSource dataSource;

    StorageOnDatabase(TestDatabase database, String prefix) {
        this(database, prefix, true);
    }

    /** A storage claiming reminders with {@code skip locked}, or by version-guarded updates. */
    StorageOnDatabase(TestDatabase database, String prefix, boolean skipLockedClaims) {
        this.database = database;
        this.prefix = prefix;
        this.skipLockedClaims = skipLockedClaims;
    }

    void open() {
        DatabaseAssumptions.assumeAvailable(database);
        dataSource = database.cleanSchema(prefix);
        storage = database.storage(dataSource, prefix, skipLockedClaims);
    }

    /** The storage, with every row of its tables removed. */
    JpaStorage empty() {
        database.cleanSchema(prefix);
        return storage;
    }

    DataSource dataSource() {
        return dataSource;
    }

    void close() {
        if (storage != null) {
            storage.close();
        }
    }
}
