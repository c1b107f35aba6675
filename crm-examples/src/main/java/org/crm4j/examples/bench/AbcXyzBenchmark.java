package org.crm4j.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crm4j.history.AbcXyz;
import org.crm4j.history.AbcXyzThresholds;
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
import org.postgresql.PGConnection;

/**
 * ABC/XYZ classification of 100,000 clients over 2,000,000 sale lines of twelve months in PostgreSQL: crm-jpa's
 * {@code abcXyz} (one portable native statement: a {@code case} ladder gives each line its month, two
 * {@code group by}s give each client's total and sum of squared monthly sums, window functions the share of the
 * clients that sold more) against the best statement written by hand for PostgreSQL alone
 * ({@code width_bucket} over an array of month boundaries, one level of grouping less). Setup checks
 * that both give every client the same classes. Single-shot time: each call is one full report.
 *
 * <p>The lines are written once, with {@code COPY}, into a table of their own ({@code bench_abcxyz_work_fact}) and
 * kept for later runs; clients are skewed (client n buys with a weight falling with n) and some are seasonal, so
 * that every class is populated. Client cards are not written: the report reads the facts only. Run
 * (PostgreSQL at {@code CRM_BENCH_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/test}):
 * {@code java -cp crm-examples/target/benchmarks.jar org.crm4j.examples.bench.AbcXyzBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AbcXyzBenchmark {
    private static final String PREFIX = "bench_abcxyz_";
    private static final Currency RUB = Currency.getInstance("RUB");
    private static final YearMonth FIRST = YearMonth.of(2025, 1);
    private static final int MONTHS = 12;

    @Param("100000")
    int clients;

    @Param("2000000")
    int lines;

    private HikariDataSource dataSource;
    private JpaStorage storage;
    private List<Instant> boundaries;
    private String handWritten;
    private String[] monthArray;

    @Setup(Level.Trial)
    public void open() throws SQLException, IOException {
        dataSource = BenchDatabase.open(2);
        storage = BenchDatabase.storage(dataSource, PREFIX);
        boundaries = new ArrayList<>();
        for (int m = 0; m <= MONTHS; m++) {
            boundaries.add(FIRST.plusMonths(m).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        handWritten = handWrittenSql(PREFIX + "work_fact");
        monthArray = boundaries.stream().map(Instant::toString).toArray(String[]::new);
        if (count() != lines) {
            load();
        }
        Map<UUID, String> crm = new HashMap<>();
        crmJpaAbcXyz().forEach(c -> crm.put(c.client().value(), c.code()));
        Map<UUID, String> hand = handWritten();
        if (!crm.equals(hand)) {
            throw new IllegalStateException("crm-jpa and the hand-written SQL disagree: " + crm.size() + " vs "
                    + hand.size() + " clients classified");
        }
        Map<String, Integer> classes = new TreeMap<>();
        crm.values().forEach(code -> classes.merge(code, 1, Integer::sum));
        System.out.println("both give the same classes to " + crm.size() + " clients: " + classes);
    }

    private long count() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + PREFIX + "work_fact")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Writes the sale lines with {@code COPY}, deterministic for a given size. */
    private void load() throws SQLException, IOException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate " + PREFIX + "work_fact");
        }
        SplittableRandom random = new SplittableRandom(20_260_101L);
        long[] monthStart = boundaries.stream().mapToLong(Instant::getEpochSecond).toArray();
        int chunk = 200_000;
        for (int from = 0; from < lines; from += chunk) {
            StringBuilder csv = new StringBuilder(chunk * 160);
            for (int n = from; n < Math.min(lines, from + chunk); n++) {
                // Client weights fall with the client's number (u squared), so the top clients make most sales.
                double u = random.nextDouble();
                int client = (int) (clients * u * u);
                // One client in four buys only in the months of its season; the others all year round.
                int month = client % 4 == 0 ? (client / 4 + random.nextInt(3)) % MONTHS : random.nextInt(MONTHS);
                long at = monthStart[month] + random.nextLong(monthStart[month + 1] - monthStart[month]);
                String amount = BigDecimal.valueOf(100 + random.nextInt(990_000), 2).toPlainString();
                csv.append(new UUID(random.nextLong() & 0xFFFF_FFFF_FFFF_0FFFL | 0x7000L,
                                random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L))
                        .append(",SALE,B-").append(n / 4).append(',').append(n % 4 + 1).append(',')
                        .append(new UUID(0x0190_0000_0000_7000L, client)).append(',')
                        .append(Instant.ofEpochSecond(at)).append(',').append(amount).append(",RUB,P-")
                        .append(n % 500).append(",Product ").append(n % 500).append(",1\n");
            }
            try (Connection c = dataSource.getConnection()) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + PREFIX + "work_fact (id, kind, "
                        + "document_id, line, client_id, occurred_at, amount, currency, product_code, product_name, "
                        + "quantity) from stdin with (format csv)", new StringReader(csv.toString()));
            }
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("vacuum analyze " + PREFIX + "work_fact");
        }
        System.out.println("loaded " + lines + " sale lines of " + clients + " clients");
    }

    /**
     * The best statement for PostgreSQL alone: the month by binary search in an array of boundaries
     * ({@code width_bucket}, the array bound as a {@code timestamptz[]} so that no cast runs per row), grouped on
     * directly. The share of the bigger clients is a running sum less the sum of the equal amounts, as in
     * crm-jpa: the single window {@code range ... exclude group}, which says the same, cannot drop rows from a
     * moving sum in PostgreSQL and recomputes the frame for every row, quadratic in the number of clients (over
     * 150 s for 100,000 clients).
     */
    static String handWrittenSql(String table) {
        return "select client_id, "
                + "case when greater < ? * grand then 'A' when greater < ? * grand then 'B' else 'C' end "
                + "|| case when ? * squares - total * total <= ? * total * total then 'X' "
                + "when ? * squares - total * total <= ? * total * total then 'Y' else 'Z' end "
                + "from (select client_id, total, squares, "
                + "sum(total) over (order by total desc) - sum(total) over (partition by total) as greater, "
                + "sum(total) over () as grand "
                + "from (select client_id, sum(s) as total, sum(s * s) as squares "
                + "from (select client_id, sum(amount) as s from " + table + " "
                + "where kind = 'SALE' and currency = ? and occurred_at >= ? and occurred_at < ? "
                + "group by client_id, width_bucket(occurred_at, ?)) m "
                + "group by client_id having sum(s) > 0) t) c";
    }

    @TearDown(Level.Trial)
    public void close() {
        storage.close();
        dataSource.close();
    }

    @Benchmark
    public List<AbcXyz> crmJpaAbcXyz() {
        return storage.workHistory().abcXyz(RUB, boundaries, AbcXyzThresholds.DEFAULT);
    }

    @Benchmark
    public Map<UUID, String> handWritten() throws SQLException {
        AbcXyzThresholds t = AbcXyzThresholds.DEFAULT;
        Map<UUID, String> classes = new HashMap<>(clients * 2);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(handWritten)) {
            ps.setBigDecimal(1, t.a());
            ps.setBigDecimal(2, t.b());
            ps.setInt(3, MONTHS);
            ps.setBigDecimal(4, t.x().multiply(t.x()));
            ps.setInt(5, MONTHS);
            ps.setBigDecimal(6, t.y().multiply(t.y()));
            ps.setString(7, RUB.getCurrencyCode());
            ps.setObject(8, boundaries.get(0).atOffset(ZoneOffset.UTC));
            ps.setObject(9, boundaries.get(MONTHS).atOffset(ZoneOffset.UTC));
            ps.setArray(10, c.createArrayOf("timestamptz", monthArray));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    classes.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        }
        return classes;
    }

    public static void main(String[] args) throws RunnerException {
        Ratios.runAndPrint(AbcXyzBenchmark.class, "handWritten", args);
    }
}
