package org.crm4j.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.crm4j.client.ClientCard;
import org.crm4j.common.PhoneNumber;
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
 * Caller identification among 1,000,000 client cards in PostgreSQL: crm-jpa's {@code findByPhone}, which loads
 * the whole card (the card joined with its parts, then its contact persons: two indexed selects), against
 * hand-written JDBC sending the same two selects and reading every column, building no object. Half of the numbers looked up are the cards' own, half their contact
 * persons'. Sample time mode, so JMH prints percentiles (p0.99 is the p99). The warm-up is long (8 × 5 s):
 * Hibernate's paths take about 20 s of lookups to reach steady state on two cores.
 *
 * <p>The cards are written once, by JDBC, into tables of their own ({@code bench_callerid_*}) and kept for later
 * runs. Run (PostgreSQL at {@code CRM_BENCH_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/test}):
 * {@code java -cp crm-examples/target/benchmarks.jar org.crm4j.examples.bench.JpaCallerIdBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class JpaCallerIdBenchmark {
    private static final String PREFIX = "bench_callerid_";

    @Param("1000000")
    int cards;

    private HikariDataSource dataSource;
    private JpaStorage storage;
    private JdbcCards jdbc;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        dataSource = BenchDatabase.open(2);
        storage = BenchDatabase.storage(dataSource, PREFIX);
        jdbc = new JdbcCards(dataSource, PREFIX);
        if (count() != cards) {
            BenchDatabase.truncate(dataSource, PREFIX);
            int chunk = 50_000;
            for (int from = 0; from < cards; from += chunk) {
                List<ClientCard> batch = new ArrayList<>(chunk);
                for (int n = from; n < Math.min(cards, from + chunk); n++) {
                    batch.add(BenchCards.card(n));
                }
                jdbc.insertAll(batch, 1000);
            }
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("analyze " + PREFIX + "client");
                s.execute("analyze " + PREFIX + "client_part");
                s.execute("analyze " + PREFIX + "client_contact");
            }
        }
    }

    private long count() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + PREFIX + "client")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        storage.close();
        dataSource.close();
    }

    private PhoneNumber anyPhone() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long n = random.nextInt(cards);
        return random.nextBoolean() ? BenchCards.phone(n) : BenchCards.mobile(n);
    }

    @Benchmark
    public List<ClientCard> crmJpaFindByPhone() {
        List<ClientCard> found = storage.clients().findByPhone(anyPhone());
        if (found.size() != 1) {
            throw new IllegalStateException("expected one card, found " + found.size());
        }
        return found;
    }

    @Benchmark
    public int handWrittenJdbc() throws SQLException {
        int read = jdbc.findByPhone(anyPhone());
        if (read == 0) {
            throw new IllegalStateException("nothing found");
        }
        return read;
    }

    public static void main(String[] args) throws RunnerException {
        Ratios.runAndPrint(JpaCallerIdBenchmark.class, "handWrittenJdbc", args);
    }
}
