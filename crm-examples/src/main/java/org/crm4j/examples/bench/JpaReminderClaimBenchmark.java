package org.crm4j.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crm4j.jpa.JpaStorage;
import org.crm4j.schedule.Reminder;
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
 * Claiming due reminders among 1,000,000 in PostgreSQL: 500,000 fired ones and 500,000 pending ones, a fifth of
 * those due before the moment of the claims.
 * <ul>
 *   <li>{@code crmJpaClaim}: {@code storage.reminders().claimDue(now, owner, until, batch)} on a
 *       {@link JpaStorage}: a select of the earliest claimable reminders that are first of their recipient, one
 *       {@code select … for update skip locked} of those and one update of the rows it locked, in one transaction
 *       (three statements);</li>
 *   <li>{@code crmJpaGuardedClaim}: the same on a storage built with {@code skipLockedClaims(false)}, for databases
 *       without {@code skip locked}: one select of the candidates and one update per candidate guarded by its
 *       version ({@code 1 + batch} statements);</li>
 *   <li>{@code handWrittenSkipLocked}: the best single statement PostgreSQL offers, written by hand, with the same
 *       rule of one reminder at a time per recipient (a {@code not exists} of an earlier pending one):
 *       {@code update … where id in (select id … order by due_at, id limit 100 for update skip locked) returning}
 *       every column, in auto-commit, read column by column without building objects. The limit is written into
 *       the statement: bound as a parameter, PostgreSQL's generic plan for the prepared statement (which the
 *       driver switches to after five executions) hashes the whole table, about 600 ms a claim.</li>
 * </ul>
 * Each operation claims at a moment one microsecond after the previous one's, for a lease of one microsecond, so
 * the earliest {@code batch} reminders are claimable again every time: the same rows are claimed over and over
 * (their attempts and versions grow), and the table does not change shape during the run. All three paths claim from
 * the same rows; the setup checks that all three claim the same reminders. The table is vacuumed before each
 * iteration, so that the dead row versions the claims leave behind do not slow the paths measured later. Average
 * time per claim, one thread.
 *
 * <p>The reminders are written once, by one {@code insert … select} over {@code generate_series}, into a table of
 * its own ({@code bench_claim_reminder}) and kept for later runs. Run (PostgreSQL at {@code CRM_BENCH_PG_URL},
 * default {@code jdbc:postgresql://127.0.0.1:5432/test}):
 * {@code java -cp crm-examples/target/benchmarks.jar org.crm4j.examples.bench.JpaReminderClaimBenchmark -p batch=100}
 * (and {@code -p batch=10}: the ratios are printed for one batch size per run).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JpaReminderClaimBenchmark {
    private static final String PREFIX = "bench_claim_";
    private static final int TOTAL = 1_000_000;
    private static final Instant START = Instant.parse("2026-03-10T06:00:00Z");
    private static final String COLUMNS = "id, version, notification_key, channel, recipient, subject, body, links, "
            + "due_at, task_id, rule_code, status, claimed_by, claimed_until, attempts, fired_at, created_at";

    /** How many reminders one claim takes. */
    @Param({"10", "100"})
    int batch;

    private HikariDataSource dataSource;
    private JpaStorage storage;
    private JpaStorage guarded;
    private Connection connection;
    private PreparedStatement best;
    private long tick;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        dataSource = BenchDatabase.open(2);
        storage = BenchDatabase.storage(dataSource, PREFIX);
        guarded = JpaStorage.builder().dataSource(dataSource).tablePrefix(PREFIX).skipLockedClaims(false).build();
        if (!loaded()) {
            load();
        } else {
            release();
        }
        connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        best = connection.prepareStatement("update " + PREFIX + "reminder set claimed_by = ?, claimed_until = ?, "
                + "attempts = attempts + 1, version = version + 1 where id in (select id from " + PREFIX
                + "reminder r where status = 'PENDING' and due_at <= ? and (claimed_until is null or claimed_until <= ?) "
                + "and not exists (select 1 from " + PREFIX + "reminder e where e.status = 'PENDING' "
                + "and e.channel = r.channel and e.recipient = r.recipient "
                + "and e.due_at <= r.due_at and (e.due_at < r.due_at or e.id < r.id)) "
                + "order by due_at, id limit " + batch + " for update skip locked) returning " + COLUMNS);
        checkSameReminders();
    }

    /** Whether the table holds the data set: its reminders, half of them pending. */
    private boolean loaded() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), count(*) filter (where status = 'PENDING') from "
                     + PREFIX + "reminder")) {
            rs.next();
            return rs.getLong(1) == TOTAL && rs.getLong(2) == TOTAL / 2;
        }
    }

    /**
     * Writes the reminders: reminder {@code n} is due {@code n - 600,000} minutes after the start, so the fired ones
     * (below 500,000) lie in the past and a fifth of the pending ones are due at the start; each has a link to a
     * client and one to a task.
     */
    private void load() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate " + PREFIX + "reminder");
            s.execute("insert into " + PREFIX + "reminder (" + COLUMNS + ") "
                    + "select ('01900000-0000-7800-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 1, 'bench:' || n, "
                    + "'email', 'emp-' || lpad((n % 2000)::text, 4, '0'), 'Напоминание ' || n, "
                    + "'Позвонить клиенту по счёту ' || n, "
                    + "'client 01900000-0000-7000-8000-' || lpad(to_hex(n % 50000), 12, '0') || chr(10) || 'task ' || n, "
                    + "timestamp with time zone '2026-03-10 06:00:00+00' + (n - 600000) * interval '1 minute', "
                    + "null, 'invoice-1d', case when n < 500000 then 'FIRED' else 'PENDING' end, null, null, "
                    + "case when n < 500000 then 1 else 0 end, "
                    + "case when n < 500000 then timestamp with time zone '2026-03-01 12:00:00+00' end, "
                    + "timestamp with time zone '2025-09-01 09:00:00+00' "
                    + "from generate_series(0, " + (TOTAL - 1) + ") n");
            // in auto-commit: statistics gathered inside a transaction that never commits are lost
            s.execute("vacuum analyze " + PREFIX + "reminder");
        }
    }

    /**
     * Releases the claims an earlier run left: its moments went further than this run's will, so its leases would
     * still hold the earliest reminders.
     */
    private void release() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("update " + PREFIX + "reminder set claimed_by = null, claimed_until = null, attempts = 0 "
                    + "where status = 'PENDING' and claimed_by is not null");
            s.execute("vacuum analyze " + PREFIX + "reminder");
        }
    }

    /**
     * Vacuums the table before each iteration, outside the measurement: claiming the same rows again and again
     * leaves dead row versions and index entries behind, which would slow whichever path runs later in the run.
     */
    @Setup(Level.Iteration)
    public void vacuum() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("vacuum " + PREFIX + "reminder");
        }
    }

    /** The next moment of a claim: one microsecond after the previous one's, whose lease has thus ended. */
    private Instant nextNow() {
        return START.plus(Duration.ofNanos(1000 * ++tick));
    }

    /** The three paths claim the same reminders, the earliest due, or the run stops. */
    private void checkSameReminders() throws SQLException {
        List<UUID> fromCrm = crmJpaClaim().stream().map(r -> r.id().value()).toList();
        List<UUID> fromGuarded = crmJpaGuardedClaim().stream().map(r -> r.id().value()).toList();
        List<UUID> fromSql = new ArrayList<>();
        claimBySql(rs -> fromSql.add(rs.getObject(1, UUID.class)));
        List<UUID> expected = fromCrm.stream().sorted().toList();
        if (fromCrm.size() != batch || !fromSql.stream().sorted().toList().equals(expected)
                || !fromGuarded.stream().sorted().toList().equals(expected)) {
            throw new IllegalStateException("the claims differ: crm4j " + fromCrm + ", guarded " + fromGuarded
                    + ", SQL " + fromSql);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        best.close();
        connection.close();
        storage.close();
        guarded.close();
        dataSource.close();
    }

    @Benchmark
    public List<Reminder> crmJpaClaim() {
        Instant now = nextNow();
        List<Reminder> claimed = storage.reminders().claimDue(now, "node-1", now.plusNanos(1000), batch);
        if (claimed.size() != batch) {
            throw new IllegalStateException("claimed " + claimed.size() + " of " + batch);
        }
        return claimed;
    }

    @Benchmark
    public List<Reminder> crmJpaGuardedClaim() {
        Instant now = nextNow();
        List<Reminder> claimed = guarded.reminders().claimDue(now, "node-1", now.plusNanos(1000), batch);
        if (claimed.size() != batch) {
            throw new IllegalStateException("claimed " + claimed.size() + " of " + batch);
        }
        return claimed;
    }

    @Benchmark
    public long handWrittenSkipLocked() throws SQLException {
        long[] read = new long[1];
        int rows = claimBySql(rs -> {
            read[0] += rs.getObject(1, UUID.class).hashCode() + rs.getLong(2) + rs.getString(3).length()
                    + rs.getString(4).length() + rs.getString(5).length() + rs.getString(6).length()
                    + rs.getString(7).length() + rs.getString(8).length()
                    + rs.getObject(9, OffsetDateTime.class).hashCode();
            rs.getObject(10, UUID.class);
            rs.getString(11);
            read[0] += rs.getString(12).length() + rs.getString(13).length()
                    + rs.getObject(14, OffsetDateTime.class).hashCode() + rs.getInt(15);
            rs.getObject(16, OffsetDateTime.class);
            read[0] += rs.getObject(17, OffsetDateTime.class).hashCode();
        });
        if (rows != batch) {
            throw new IllegalStateException("claimed " + rows + " of " + batch);
        }
        return read[0];
    }

    /** A row of the hand-written claim's answer. */
    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private int claimBySql(Row row) throws SQLException {
        OffsetDateTime now = nextNow().atOffset(ZoneOffset.UTC);
        best.setString(1, "node-1");
        best.setObject(2, now.plusNanos(1000));
        best.setObject(3, now);
        best.setObject(4, now);
        int rows = 0;
        try (ResultSet rs = best.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
                rows++;
            }
        }
        return rows;
    }

    public static void main(String[] args) throws RunnerException {
        Ratios.runAndPrint(JpaReminderClaimBenchmark.class, "handWrittenSkipLocked", args);
    }
}
