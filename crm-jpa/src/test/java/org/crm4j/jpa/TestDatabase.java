package org.crm4j.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * The databases the JPA tests run on, one shared pool each per test JVM:
 * <ul>
 *   <li>H2 in memory, always;</li>
 *   <li>PostgreSQL at {@code CRM_TEST_PG_URL} (user {@code CRM_TEST_PG_USER}, default {@code postgres}), or else
 *       an embedded PostgreSQL started from Maven artifacts, so a machine with only a JDK tests on a real one;</li>
 *   <li>MariaDB at {@code CRM_TEST_MARIADB_URL} (user {@code CRM_TEST_MARIADB_USER}, default {@code root}), or
 *       else none: its tests are skipped with a message saying so.</li>
 * </ul>
 * Passwords come from {@code CRM_TEST_PG_PASSWORD} and {@code CRM_TEST_MARIADB_PASSWORD} (default empty).
 */
enum TestDatabase {
    H2("h2"),
    POSTGRESQL("postgresql"),
    MARIADB("mariadb");

    /** crm4j's tables without their prefix, those referring to others first. */
    private static final List<String> TABLES = List.of("client_part", "client_contact", "client", "classifier",
            "notable_event", "interaction", "work_fact",
            "dossier_fact_tag", "dossier_fact", "dossier_word", "dossier_part", "dossier", "task", "reminder",
            "pipeline_stage", "pipeline", "deal_stage", "deal", "message_template", "consent",
            "phone_call");
    private static final Map<TestDatabase, HikariDataSource> POOLS = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> MIGRATED = new ConcurrentHashMap<>();
    private static volatile @Nullable EmbeddedPostgres embedded;

    private final String folder;

    TestDatabase(String folder) {
        this.folder = folder;
    }

    /** Why this database is not available, or {@code null} when it is. */
    @Nullable String unavailableBecause() {
        if (this == MARIADB && System.getenv("CRM_TEST_MARIADB_URL") == null) {
            return "MariaDB tests skipped: set CRM_TEST_MARIADB_URL (e.g. jdbc:mariadb://127.0.0.1:3306/test) "
                    + "to run them";
        }
        return null;
    }

    /** The Flyway location of this database's migrations. */
    String migrations() {
        return "classpath:db/crm4j/" + folder;
    }

    /** The shared pool of this database. */
    DataSource dataSource() {
        return POOLS.computeIfAbsent(this, TestDatabase::open);
    }

    /** Creates crm4j's schema under {@code prefix} afresh once per test JVM, and removes every row of it. */
    DataSource cleanSchema(String prefix) {
        DataSource ds = dataSource();
        MIGRATED.computeIfAbsent(this + "/" + prefix, key -> {
            // The tests own their prefixes: start from nothing, so the migrations of this build always run.
            dropTables(ds, prefix);
            Flyway.configure().dataSource(ds).locations(migrations())
                    .placeholders(Map.of("prefix", prefix))
                    .table(prefix + "schema_history")
                    .baselineOnMigrate(true).baselineVersion("0")
                    .load().migrate();
            return true;
        });
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.executeUpdate("delete from " + prefix + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clean " + prefix + " tables on " + this, e);
        }
        return ds;
    }

    private static void dropTables(DataSource ds, String prefix) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.executeUpdate("drop table if exists " + prefix + table);
            }
            s.executeUpdate("drop table if exists " + prefix + "schema_history");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the " + prefix + " tables", e);
        }
    }

    /** A storage over the schema of {@code prefix}, Hibernate validating the mapping against it. */
    JpaStorage storage(DataSource ds, String prefix) {
        return storage(ds, prefix, true);
    }

    /** Like {@link #storage(DataSource, String)}, claiming reminders with or without {@code skip locked}. */
    JpaStorage storage(DataSource ds, String prefix, boolean skipLockedClaims) {
        return JpaStorage.builder().dataSource(ds).tablePrefix(prefix)
                .property("hibernate.hbm2ddl.auto", "validate")
                .property("hibernate.jdbc.batch_size", "100")
                .skipLockedClaims(skipLockedClaims)
                .build();
    }

    private static HikariDataSource open(TestDatabase db) {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(12);
        config.setPoolName("crm4j-test-" + db.folder);
        switch (db) {
            case H2 -> config.setJdbcUrl("jdbc:h2:mem:crm4j;DB_CLOSE_DELAY=-1");
            case POSTGRESQL -> {
                String url = System.getenv("CRM_TEST_PG_URL");
                if (url == null) {
                    url = startEmbedded().getJdbcUrl("postgres", "postgres");
                    System.err.println("PostgreSQL tests run on an embedded PostgreSQL (CRM_TEST_PG_URL is not set)");
                }
                config.setJdbcUrl(url);
                config.setUsername(env("CRM_TEST_PG_USER", "postgres"));
                config.setPassword(env("CRM_TEST_PG_PASSWORD", ""));
                config.addDataSourceProperty("reWriteBatchedInserts", "true");
            }
            case MARIADB -> {
                String url = System.getenv("CRM_TEST_MARIADB_URL");
                if (url == null) {
                    throw new IllegalStateException(db.unavailableBecause());
                }
                config.setJdbcUrl(url);
                config.setUsername(env("CRM_TEST_MARIADB_USER", "root"));
                config.setPassword(env("CRM_TEST_MARIADB_PASSWORD", ""));
            }
        }
        HikariDataSource ds = new HikariDataSource(config);
        Runtime.getRuntime().addShutdownHook(new Thread(ds::close));
        return ds;
    }

    private static synchronized EmbeddedPostgres startEmbedded() {
        if (embedded == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
                embedded = started;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
        return embedded;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
