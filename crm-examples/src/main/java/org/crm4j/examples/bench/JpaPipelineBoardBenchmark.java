package org.crm4j.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.crm4j.common.Money;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.deal.PipelineBoard;
import org.crm4j.deal.BoardCell;
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
 * The Shiffman board over 1,000,000 deals in PostgreSQL ({@link BenchDeals}): per stage and currency the count,
 * the sum, the weighted sum and the idle deals, judged on 20 January 2026 by the Monday-Friday calendar.
 * <ul>
 *   <li>{@code crmJpaBoard}: {@code crm.deals().board("shiffman")} on a {@link JpaStorage}: the pipeline's select,
 *       the board's grouped select, in a transaction;</li>
 *   <li>{@code crmJpaStore}: the store's grouped select alone ({@code storage.deals().board(...)}), in
 *       auto-commit like the hand-written one;</li>
 *   <li>{@code handWrittenSql}: the same grouped select written by hand over JDBC, the idle moments bound per
 *       stage, the weighted sums rounded as crm4j rounds them.</li>
 * </ul>
 * The setup checks that both give the same cells. Run (PostgreSQL at {@code CRM_BENCH_PG_URL}):
 * {@code java -cp crm-examples/target/benchmarks.jar org.crm4j.examples.bench.JpaPipelineBoardBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JpaPipelineBoardBenchmark {
    private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    private static final Instant NOW = Instant.parse("2026-01-20T09:00:00Z");

    /** How many deals the table holds. */
    @Param("1000000")
    int deals;

    private HikariDataSource dataSource;
    private JpaStorage storage;
    private Crm crm;
    private Map<String, Instant> idleBefore;
    private Connection connection;
    private PreparedStatement best;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        dataSource = BenchDatabase.open(2);
        storage = BenchDatabase.storage(dataSource, BenchDeals.PREFIX);
        crm = Crm.builder().storage(storage).clock(SettableClock.at(NOW, ZONE)).zone(ZONE).build();
        if (!BenchDeals.loaded(dataSource, deals)) {
            BenchDeals.load(dataSource, deals);
        }
        idleBefore = new TreeMap<>(crm.deals().idleBefore(crm.pipeline().get(BenchDeals.PIPELINE), NOW));
        StringBuilder idle = new StringBuilder();
        for (int i = 0; i < idleBefore.size(); i++) {
            idle.append(i == 0 ? "" : " or ").append("(stage = ? and last_activity_at < ?)");
        }
        connection = dataSource.getConnection();
        best = connection.prepareStatement("select stage, currency, count(*), sum(amount), sum(amount * probability), "
                + "sum(case when " + idle + " then 1 else 0 end) from " + BenchDeals.PREFIX + "deal "
                + "where pipeline = ? group by stage, currency");
        List<BoardCell> byHand = sorted(handWrittenSql());
        List<BoardCell> byCrm = sorted(storage.deals().board(BenchDeals.PIPELINE, idleBefore));
        if (!byHand.equals(byCrm) || byHand.isEmpty()) {
            throw new IllegalStateException("the boards differ:\n" + byHand + "\n" + byCrm);
        }
        System.out.println("\n" + crm.deals().board(BenchDeals.PIPELINE).render());
    }

    private static List<BoardCell> sorted(List<BoardCell> cells) {
        return cells.stream().sorted(Comparator.comparing(BoardCell::stage)
                .thenComparing(c -> c.amount().currency().getCurrencyCode())).toList();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        best.close();
        connection.close();
        storage.close();
        dataSource.close();
    }

    @Benchmark
    public PipelineBoard crmJpaBoard() {
        return crm.deals().board(BenchDeals.PIPELINE);
    }

    @Benchmark
    public List<BoardCell> crmJpaStore() {
        return storage.deals().board(BenchDeals.PIPELINE, idleBefore);
    }

    @Benchmark
    public List<BoardCell> handWrittenSql() throws SQLException {
        int p = 1;
        for (Map.Entry<String, Instant> e : idleBefore.entrySet()) {
            best.setString(p++, e.getKey());
            best.setObject(p++, e.getValue().atOffset(ZoneOffset.UTC));
        }
        best.setString(p, BenchDeals.PIPELINE);
        List<BoardCell> cells = new ArrayList<>();
        try (ResultSet rs = best.executeQuery()) {
            while (rs.next()) {
                java.util.Currency currency = java.util.Currency.getInstance(rs.getString(2));
                cells.add(new BoardCell(rs.getString(1), rs.getLong(3), Money.of(rs.getBigDecimal(4), currency),
                        Money.of(rs.getBigDecimal(5).setScale(currency.getDefaultFractionDigits(),
                                RoundingMode.HALF_EVEN), currency), rs.getLong(6)));
            }
        }
        return cells;
    }

    public static void main(String[] args) throws RunnerException {
        Ratios.runAndPrint(JpaPipelineBoardBenchmark.class, "handWrittenSql", args);
    }
}
