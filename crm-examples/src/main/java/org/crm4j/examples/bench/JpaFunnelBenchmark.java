package org.crm4j.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.Crm;
import org.crm4j.core.deal.Funnel;
import org.crm4j.deal.FunnelRow;
import org.crm4j.deal.OutcomeRow;
import org.crm4j.deal.StageKind;
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
 * The funnel of the deals created in one quarter (about 250,000) among 1,000,000 deals in PostgreSQL
 * ({@link BenchDeals}): how many entered each stage per lead source, manager and campaign, and how many closed with
 * each result with their total cycle time, the two grouped selects the win rate and the average cycle come from.
 * <ul>
 *   <li>{@code crmJpaFunnel}: {@code crm.deals().funnel("shiffman", from, to)} on a {@link JpaStorage}: the
 *       pipeline's select and the two grouped selects, in a transaction;</li>
 *   <li>{@code crmJpaStore}: the store's two selects alone, in auto-commit like the hand-written ones, with the
 *       pipeline read once in the setup;</li>
 *   <li>{@code handWrittenSql}: the same two selects written by hand over JDBC.</li>
 * </ul>
 * The setup checks that both give the same rows. Run (PostgreSQL at {@code CRM_BENCH_PG_URL}):
 * {@code java -cp crm-examples/target/benchmarks.jar org.crm4j.examples.bench.JpaFunnelBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JpaFunnelBenchmark {
    private static final Instant FROM = Instant.parse("2025-04-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-07-01T00:00:00Z");

    /** How many deals the table holds. */
    @Param("1000000")
    int deals;

    private HikariDataSource dataSource;
    private JpaStorage storage;
    private Crm crm;
    private org.crm4j.deal.Pipeline pipeline;
    private Connection connection;
    private PreparedStatement entered;
    private PreparedStatement closed;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        dataSource = BenchDatabase.open(2);
        storage = BenchDatabase.storage(dataSource, BenchDeals.PREFIX);
        crm = Crm.builder().storage(storage).build();
        if (!BenchDeals.loaded(dataSource, deals)) {
            BenchDeals.load(dataSource, deals);
        }
        pipeline = crm.pipeline().get(BenchDeals.PIPELINE);
        connection = dataSource.getConnection();
        String table = BenchDeals.PREFIX + "deal";
        entered = connection.prepareStatement("select c.to_stage, d.lead_source, d.manager_id, d.campaign, "
                + "count(distinct d.id) from " + table + " d join " + table + "_stage c on c.deal_id = d.id "
                + "where d.pipeline = ? and d.created_at >= ? and d.created_at < ? "
                + "group by c.to_stage, d.lead_source, d.manager_id, d.campaign");
        closed = connection.prepareStatement("select kind, lead_source, manager_id, campaign, count(*), "
                + "sum(extract(epoch from closed_at - created_at))::bigint from " + table + " "
                + "where pipeline = ? and created_at >= ? and created_at < ? and kind <> 'OPEN' "
                + "group by kind, lead_source, manager_id, campaign");
        Funnel byHand = handWrittenSql();
        Funnel byCrm = crmJpaStore();
        if (byHand.rows().isEmpty() || !new HashSet<>(byHand.rows()).equals(new HashSet<>(byCrm.rows()))
                || !new HashSet<>(byHand.outcomes()).equals(new HashSet<>(byCrm.outcomes()))) {
            throw new IllegalStateException("the funnels differ");
        }
        Funnel funnel = crmJpaFunnel();
        System.out.printf("%nFunnel of %d deals created in [%s, %s): %s; win rate %s, average cycle %s%n",
                funnel.entered("prospects"), FROM, TO, funnel.steps().stream().map(s -> s.stage().code() + " "
                        + s.entered()).toList(), funnel.winRate().orElseThrow(), funnel.averageCycle().orElseThrow());
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        entered.close();
        closed.close();
        connection.close();
        storage.close();
        dataSource.close();
    }

    @Benchmark
    public Funnel crmJpaFunnel() {
        return crm.deals().funnel(BenchDeals.PIPELINE, FROM, TO);
    }

    @Benchmark
    public Funnel crmJpaStore() {
        return new Funnel(pipeline, FROM, TO,
                storage.deals().funnel(BenchDeals.PIPELINE, FROM, TO),
                storage.deals().outcomes(BenchDeals.PIPELINE, FROM, TO));
    }

    @Benchmark
    public Funnel handWrittenSql() throws SQLException {
        List<FunnelRow> rows = new ArrayList<>();
        bind(entered);
        try (ResultSet rs = entered.executeQuery()) {
            while (rs.next()) {
                rows.add(new FunnelRow(rs.getString(1), rs.getString(2), EmployeeId.of(rs.getString(3)),
                        rs.getString(4), rs.getLong(5)));
            }
        }
        List<OutcomeRow> outcomes = new ArrayList<>();
        bind(closed);
        try (ResultSet rs = closed.executeQuery()) {
            while (rs.next()) {
                outcomes.add(new OutcomeRow(StageKind.valueOf(rs.getString(1)), rs.getString(2),
                        EmployeeId.of(rs.getString(3)), rs.getString(4), rs.getLong(5),
                        Duration.ofSeconds(rs.getLong(6))));
            }
        }
        return new Funnel(pipeline, FROM, TO, rows, outcomes);
    }

    private static void bind(PreparedStatement s) throws SQLException {
        s.setString(1, BenchDeals.PIPELINE);
        s.setObject(2, FROM.atOffset(ZoneOffset.UTC));
        s.setObject(3, TO.atOffset(ZoneOffset.UTC));
    }

    public static void main(String[] args) throws RunnerException {
        Ratios.runAndPrint(JpaFunnelBenchmark.class, "handWrittenSql", args);
    }
}
