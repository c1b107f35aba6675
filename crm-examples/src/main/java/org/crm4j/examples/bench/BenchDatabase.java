package org.crm4j.examples.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.examples.Schema;
import org.crm4j.jpa.JpaStorage;
import org.flywaydb.core.api.FlywayException;

/**
 * The PostgreSQL the JPA benchmarks run on: {@code CRM_BENCH_PG_URL} (user {@code CRM_BENCH_PG_USER}, default
 * {@code postgres}), by default {@code jdbc:postgresql://127.0.0.1:5432/test}. Batched inserts are rewritten into
 * multi-row inserts ({@code reWriteBatchedInserts}), for crm-jpa and the hand-written JDBC alike.
 */
final class BenchDatabase {
    private BenchDatabase() {
    }

    static HikariDataSource open(int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(env("CRM_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        config.setUsername(env("CRM_BENCH_PG_USER", "postgres"));
        config.setPassword(env("CRM_BENCH_PG_PASSWORD", ""));
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }

    /**
     * Migrates the schema of {@code prefix} and returns a storage over it. The benchmarks own their prefixes:
     * when the migrations of an older build no longer validate, every table of the prefix is dropped and the
     * schema created again (the benchmark then writes its data anew).
     */
    static JpaStorage storage(HikariDataSource ds, String prefix) throws SQLException {
        try {
            Schema.migrate(ds, Schema.Database.POSTGRESQL, prefix);
        } catch (FlywayException stale) {
            List<String> tables = new ArrayList<>();
            try (Connection c = ds.getConnection(); PreparedStatement q = c.prepareStatement("select tablename "
                    + "from pg_tables where schemaname = current_schema() and left(tablename, length(?)) = ?")) {
                q.setString(1, prefix);
                q.setString(2, prefix);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                for (String table : tables) {
                    s.execute("drop table if exists " + table + " cascade");
                }
            }
            Schema.migrate(ds, Schema.Database.POSTGRESQL, prefix);
        }
        return JpaStorage.builder().dataSource(ds).tablePrefix(prefix)
                .property("hibernate.jdbc.batch_size", "500")
                .build();
    }

    /**
     * Empties the tables and writes PostgreSQL's dirty pages out (a checkpoint, which needs a superuser), so that
     * each measured import starts from the same state rather than paying for the previous one's writes.
     */
    static void truncate(HikariDataSource ds, String prefix) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate " + prefix + "client_part, " + prefix + "client_contact, " + prefix + "client");
            s.execute("checkpoint");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
