package org.crm4j.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.crm4j.client.ClientId;
import org.crm4j.jpa.JpaStorage;
import org.crm4j.timeline.TimelineEntry;
import org.crm4j.timeline.TimelinePage;
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
 * The first page (50 entries) of the timeline of a client with {@code entries} entries in PostgreSQL — 80 %
 * interactions, 10 % sale lines, 10 % notable events — among 1,000 other clients with 200 interactions each:
 * <ul>
 *   <li>{@code handWrittenSql}: the best query written by hand for PostgreSQL — per source table the client's
 *       newest 51 rows from the {@code (client_id, time)} index, dates placed in the zone with
 *       {@code at time zone}, merged and cut in SQL — read column by column over JDBC, building no object;</li>
 *   <li>{@code crmJpaTimeline}: {@code TimelineQuery.page} through crm-jpa, one statement;</li>
 *   <li>{@code naiveSql}: for scale, the obvious query — a union of all the client's rows, sorted, limited —
 *       which reads the whole history on every page.</li>
 * </ul>
 * The setup counts the statements crm-jpa sends for one page and prints them. The rows are written once, by
 * JDBC, into tables of their own ({@code bench_timeline_*}) and kept for later runs. Run (PostgreSQL at
 * {@code CRM_BENCH_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/test}):
 * {@code java -cp crm-examples/target/benchmarks.jar org.crm4j.examples.bench.JpaTimelineBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JpaTimelineBenchmark {
    private static final String PREFIX = "bench_timeline_";
    private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int PAGE = 50;
    private static final int OTHER_CLIENTS = 1000;
    private static final int OTHER_INTERACTIONS = 200;

    /** The length of the client's history: every tenth entry a notable event, every tenth a sale line. */
    @Param("10000")
    int entries;

    private HikariDataSource dataSource;
    private JpaStorage storage;
    private ClientId client;
    private Connection connection;
    private PreparedStatement best;
    private PreparedStatement naive;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        dataSource = BenchDatabase.open(2);
        storage = BenchDatabase.storage(dataSource, PREFIX);
        client = ClientId.of(new UUID(0x0190_0000_0000_7000L, 1));
        if (!loaded()) {
            load();
        }
        connection = dataSource.getConnection();
        String interactions = "select 'INTERACTION' as kind, id, started_at as at, type as code, subject as title, "
                + "manager_id, document_ref from " + PREFIX + "interaction where client_id = ?";
        String facts = "select kind, id, occurred_at, coalesce(product_code, method), "
                + "coalesce(product_name, subject, document_id), manager_id, document_id from " + PREFIX
                + "work_fact where client_id = ?";
        String events = "select 'NOTABLE_EVENT', id, (event_date::timestamp at time zone ?), kind, title, null, null "
                + "from " + PREFIX + "notable_event where client_id = ?";
        best = connection.prepareStatement("(" + interactions + " order by started_at desc, id desc limit ?) "
                + "union all (" + facts + " order by occurred_at desc, kind desc, id desc limit ?) "
                + "union all (" + events + " order by event_date desc, id desc limit ?) "
                + "order by at desc, kind desc, id desc limit ?");
        naive = connection.prepareStatement("select * from (" + interactions + " union all " + facts
                + " union all " + events + ") t order by at desc, kind desc, id desc limit ?");
        printStatementsPerPage();
    }

    /** Whether the tables hold the data set of this run: the client's entries of each kind and the others'. */
    private boolean loaded() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select (select count(*) from " + PREFIX + "interaction), "
                     + "(select count(*) from " + PREFIX + "notable_event), "
                     + "(select count(*) from " + PREFIX + "work_fact)")) {
            rs.next();
            return rs.getLong(1) == entries * 8L / 10 + (long) OTHER_CLIENTS * OTHER_INTERACTIONS
                    && rs.getLong(2) == entries / 10 && rs.getLong(3) == entries / 10;
        }
    }

    private void load() throws SQLException {
        AtomicLong ids = new AtomicLong();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("truncate " + PREFIX + "interaction, " + PREFIX + "notable_event, " + PREFIX
                        + "work_fact");
            }
            try (PreparedStatement call = c.prepareStatement("insert into " + PREFIX + "interaction (id, type, "
                    + "direction, channel, started_at, duration_ms, manager_id, client_id, subject, recorded_at) "
                    + "values (?, 'call-in', 'INBOUND', 'PHONE', ?, 60000, 'anna', ?, ?, ?)");
                 PreparedStatement event = c.prepareStatement("insert into " + PREFIX + "notable_event (id, "
                         + "version, client_id, kind, title, event_date, yearly, month_day) "
                         + "values (?, 1, ?, 'STAFF_CHANGE', ?, ?, false, ?)");
                 PreparedStatement sale = c.prepareStatement("insert into " + PREFIX + "work_fact (id, kind, "
                         + "document_id, line, client_id, occurred_at, amount, currency, product_code, product_name, "
                         + "quantity, manager_id) values (?, 'SALE', ?, 1, ?, ?, 1500.00, 'RUB', ?, 'Кабель', 1, "
                         + "'anna')")) {
                for (int n = 0; n < entries; n++) {
                    Instant at = T0.minusSeconds(3600L * n);
                    if (n % 10 == 9) {
                        LocalDate day = LocalDate.ofInstant(at, ZONE);
                        event.setObject(1, new UUID(0x0190_0000_0000_7400L, ids.incrementAndGet()));
                        event.setObject(2, client.value());
                        event.setString(3, "Событие " + n);
                        event.setObject(4, day);
                        event.setInt(5, day.getMonthValue() * 100 + day.getDayOfMonth());
                        event.addBatch();
                    } else if (n % 10 == 4) {
                        sale.setObject(1, new UUID(0x0190_0000_0000_7500L, ids.incrementAndGet()));
                        sale.setString(2, "РН-" + n);
                        sale.setObject(3, client.value());
                        sale.setObject(4, at.atOffset(ZoneOffset.UTC));
                        sale.setString(5, "P-" + n % 100);
                        sale.addBatch();
                    } else {
                        addCall(call, ids.incrementAndGet(), client.value(), at, n);
                    }
                    if (n % 1000 == 999) {
                        call.executeBatch();
                        event.executeBatch();
                        sale.executeBatch();
                    }
                }
                for (int other = 2; other < OTHER_CLIENTS + 2; other++) {
                    UUID otherClient = new UUID(0x0190_0000_0000_7000L, other);
                    for (int n = 0; n < OTHER_INTERACTIONS; n++) {
                        addCall(call, ids.incrementAndGet(), otherClient, T0.minusSeconds(7200L * n + other), n);
                    }
                    call.executeBatch();
                }
                call.executeBatch();
                event.executeBatch();
                sale.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);   // statistics gathered inside a transaction that never commits are lost
            try (Statement s = c.createStatement()) {
                s.execute("analyze " + PREFIX + "interaction");
                s.execute("analyze " + PREFIX + "notable_event");
                s.execute("analyze " + PREFIX + "work_fact");
            }
        }
    }

    private static void addCall(PreparedStatement call, long id, UUID client, Instant at, int n) throws SQLException {
        call.setObject(1, new UUID(0x0190_0000_0000_7300L, id));
        call.setObject(2, at.atOffset(ZoneOffset.UTC));
        call.setObject(3, client);
        call.setString(4, "Звонок " + n);
        call.setObject(5, at.atOffset(ZoneOffset.UTC));
        call.addBatch();
    }

    /** Runs one page through a storage over a counting data source and prints what it sent. */
    private void printStatementsPerPage() {
        AtomicLong statements = new AtomicLong();
        QueryExecutionListener counter = new QueryExecutionListener() {
            @Override
            public void beforeQuery(net.ttddyy.dsproxy.ExecutionInfo info, List<net.ttddyy.dsproxy.QueryInfo> q) {
                statements.addAndGet(q.size());
            }

            @Override
            public void afterQuery(net.ttddyy.dsproxy.ExecutionInfo info, List<net.ttddyy.dsproxy.QueryInfo> q) {
                // counted before
            }
        };
        DataSource counted = ProxyDataSourceBuilder.create(dataSource).listener(counter).build();
        try (JpaStorage countedStorage = JpaStorage.builder().dataSource(counted).tablePrefix(PREFIX).build()) {
            TimelinePage page = countedStorage.timeline().page(client, ZONE, null, PAGE);
            statements.set(0);
            page = countedStorage.timeline().page(client, ZONE, null, PAGE);
            long first = statements.getAndSet(0);
            countedStorage.timeline().page(client, ZONE, page.next(), PAGE);
            System.out.printf("%nStatements per timeline page among %d entries: first page %d, next page %d%n",
                    entries, first, statements.get());
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        best.close();
        naive.close();
        connection.close();
        storage.close();
        dataSource.close();
    }

    @Benchmark
    public List<TimelineEntry> crmJpaTimeline() {
        List<TimelineEntry> page = storage.timeline().page(client, ZONE, null, PAGE).entries();
        if (page.size() != PAGE) {
            throw new IllegalStateException("expected a full page, read " + page.size());
        }
        return page;
    }

    @Benchmark
    public long handWrittenSql() throws SQLException {
        best.setObject(1, client.value());
        best.setInt(2, PAGE + 1);
        best.setObject(3, client.value());
        best.setInt(4, PAGE + 1);
        best.setString(5, ZONE.getId());
        best.setObject(6, client.value());
        best.setInt(7, PAGE + 1);
        best.setInt(8, PAGE + 1);
        return read(best);
    }

    @Benchmark
    public long naiveSql() throws SQLException {
        naive.setObject(1, client.value());
        naive.setObject(2, client.value());
        naive.setString(3, ZONE.getId());
        naive.setObject(4, client.value());
        naive.setInt(5, PAGE + 1);
        return read(naive);
    }

    private static long read(PreparedStatement query) throws SQLException {
        long read = 0;
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                read += rs.getString(1).length() + rs.getObject(2).hashCode() + rs.getObject(3).hashCode()
                        + rs.getString(4).length() + rs.getString(5).length();
                rs.getString(6);
                rs.getString(7);
            }
        }
        if (read == 0) {
            throw new IllegalStateException("nothing read");
        }
        return read;
    }

    public static void main(String[] args) throws RunnerException {
        Ratios.runAndPrint(JpaTimelineBenchmark.class, "handWrittenSql", args);
    }
}
