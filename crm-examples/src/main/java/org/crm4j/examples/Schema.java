package org.crm4j.examples;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates or upgrades crm4j's tables with the Flyway migrations shipped in crm-jpa, the way an ERP does at start.
 * Each table prefix keeps its own migration history ({@code <prefix>schema_history}), so crm4j's tables can live
 * in the ERP's schema beside the ERP's own.
 */
public final class Schema {
    /** The databases crm-jpa ships migrations for. */
    public enum Database {
        H2("h2"), POSTGRESQL("postgresql"), MARIADB("mariadb");

        private final String folder;

        Database(String folder) {
            this.folder = folder;
        }

        /** The database of a JDBC URL. */
        public static Database of(String jdbcUrl) {
            if (jdbcUrl.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            if (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:")) {
                return MARIADB;
            }
            if (jdbcUrl.startsWith("jdbc:h2:")) {
                return H2;
            }
            throw new IllegalArgumentException("crm4j ships migrations for H2, PostgreSQL and MariaDB, not " + jdbcUrl);
        }
    }

    private Schema() {
    }

    /** Applies the migrations not yet applied to the tables of {@code prefix}. */
    public static void migrate(DataSource dataSource, Database database, String prefix) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/crm4j/" + database.folder)
                .placeholders(Map.of("prefix", prefix))
                .table(prefix + "schema_history")
                // The schema may hold the ERP's tables already; crm4j's history starts before its first version.
                .baselineOnMigrate(true).baselineVersion("0")
                .load()
                .migrate();
    }
}
