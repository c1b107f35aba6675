package org.crm4j.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crm4j.client.ClientCard;
import org.crm4j.jpa.JpaStorage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Bulk import of 100,000 client cards into PostgreSQL: crm-jpa's {@code insertAll} (Hibernate, batched, flushed
 * per 500 cards) against a hand-written JDBC batch insert of the same rows. Each import starts from empty tables
 * and runs in one transaction; both use {@code reWriteBatchedInserts}.
 *
 * <p>Run (PostgreSQL at {@code CRM_BENCH_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/test}):
 * {@code java -cp crm-examples/target/benchmarks.jar org.crm4j.examples.bench.JpaBulkImportBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class JpaBulkImportBenchmark {
    private static final String PREFIX = "bench_import_";

    @Param("100000")
    int cards;

    private HikariDataSource dataSource;
    private JpaStorage storage;
    private JdbcCards jdbc;
    private List<ClientCard> batch;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        dataSource = BenchDatabase.open(2);
        storage = BenchDatabase.storage(dataSource, PREFIX);
        jdbc = new JdbcCards(dataSource, PREFIX);
        batch = new ArrayList<>(cards);
        for (int n = 0; n < cards; n++) {
            batch.add(BenchCards.card(n));
        }
    }

    @Setup(Level.Invocation)
    public void empty() throws SQLException {
        BenchDatabase.truncate(dataSource, PREFIX);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        BenchDatabase.truncate(dataSource, PREFIX);
        storage.close();
        dataSource.close();
    }

    @Benchmark
    public int crmJpaInsertAll() {
        return storage.clients().insertAll(batch);
    }

    @Benchmark
    public int handWrittenJdbcBatch() throws SQLException {
        jdbc.insertAll(batch, 500);
        return batch.size();
    }

    public static void main(String[] args) throws RunnerException {
        Ratios.runAndPrint(JpaBulkImportBenchmark.class, "handWrittenJdbcBatch", args);
    }
}
