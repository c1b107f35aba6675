package org.crm4j.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.crm4j.assignment.AssignmentTally;
import org.crm4j.assignment.ManagerLoad;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.Crm;
import org.crm4j.core.assignment.AssignmentDecision;
import org.crm4j.core.assignment.AssignmentPolicy;
import org.crm4j.core.assignment.AssignmentStep;
import org.crm4j.core.assignment.TieBreak;
import org.crm4j.jpa.JpaStorage;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Choosing a manager for a client among 100,000 clients (each with two entries in its assignment history),
 * 400,000 deals (60 % open) and 1,000,000 tasks (75 % open) in PostgreSQL, spread evenly over 200 managers; the
 * policy sends each of 10 regions to its 20 managers and picks the least loaded of them.
 * <ul>
 *   <li>{@code crmJpaPropose}: {@code crm.assignment().propose(client)} on a {@link JpaStorage}: the card (three
 *       selects), the 20 candidates' assignment tallies and their open work (one select each), then the rules;</li>
 *   <li>{@code crmJpaQueries}: for scale, the two questions alone ({@code tallies}, {@code loads}) for the 20
 *       managers of a region;</li>
 *   <li>{@code handWrittenSql}: the same two grouped selects written by hand over JDBC in auto-commit, the
 *       managers bound as one array, reading numbers only.</li>
 * </ul>
 * The setup checks for every region that both give the same loads and tallies. Sample time mode, so JMH prints
 * percentiles.
 *
 * <p>The rows are written once by {@code insert … select} over {@code generate_series} (the same rows on every
 * machine) into tables of their own ({@code bench_assign_*}) and kept for later runs. Run (PostgreSQL at
 * {@code CRM_BENCH_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/test}):
 * {@code java -cp crm-examples/target/benchmarks.jar org.crm4j.examples.bench.JpaAssignmentBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class JpaAssignmentBenchmark {
    private static final String PREFIX = "bench_assign_";
    private static final int CLIENTS = 100_000;
    private static final int DEALS = 400_000;
    private static final int TASKS = 1_000_000;
    private static final int MANAGERS = 200;
    private static final int REGIONS = 10;

    private HikariDataSource dataSource;
    private JpaStorage storage;
    private Crm crm;
    private Connection connection;
    private PreparedStatement loads;
    private PreparedStatement tallies;
    private final List<List<EmployeeId>> regionManagers = new ArrayList<>();

    private static String manager(int n) {
        return String.format(Locale.ROOT, "mgr-%03d", n);
    }

    private static ClientId client(int n) {
        return ClientId.of(UUID.fromString(String.format(Locale.ROOT, "01900000-0000-7000-8000-%012x", n)));
    }

    @Setup(Level.Trial)
    public void open() throws SQLException {
        dataSource = BenchDatabase.open(2);
        storage = BenchDatabase.storage(dataSource, PREFIX);
        List<EmployeeId> team = new ArrayList<>();
        Map<String, List<EmployeeId>> byRegion = new LinkedHashMap<>();
        for (int r = 0; r < REGIONS; r++) {
            regionManagers.add(new ArrayList<>());
        }
        for (int m = 0; m < MANAGERS; m++) {
            team.add(EmployeeId.of(manager(m)));
            regionManagers.get(m % REGIONS).add(EmployeeId.of(manager(m)));
        }
        for (int r = 0; r < REGIONS; r++) {
            byRegion.put("r" + r, List.copyOf(regionManagers.get(r)));
        }
        crm = Crm.builder().storage(storage).defaultClassifiers(false)
                .assignment(AssignmentPolicy.of(team, TieBreak.LEAST_LOADED, AssignmentStep.ByRegion.of(byRegion)))
                .build();
        if (!loaded()) {
            load();
        }
        connection = dataSource.getConnection();
        loads = connection.prepareStatement("select manager_id, count(*), 0 from " + PREFIX + "deal "
                + "where manager_id = any(?) and closed_at is null group by manager_id union all "
                + "select responsible_id, 0, count(*) from " + PREFIX + "task "
                + "where responsible_id = any(?) and status in ('OPEN', 'IN_PROGRESS') group by responsible_id");
        tallies = connection.prepareStatement("select manager_id, max(assigned_at), count(*) from " + PREFIX
                + "client_part where kind = 'ASSIGNMENT' and manager_id = any(?) group by manager_id");
        checkSameAnswers();
    }

    private boolean loaded() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select (select count(*) from " + PREFIX + "client), (select count(*) from "
                     + PREFIX + "client_part), (select count(*) from " + PREFIX + "deal), (select count(*) from "
                     + PREFIX + "task)")) {
            rs.next();
            return rs.getLong(1) == CLIENTS && rs.getLong(2) == 2L * CLIENTS && rs.getLong(3) == DEALS
                    && rs.getLong(4) == TASKS;
        }
    }

    /**
     * Client {@code n} is in region {@code n mod 10} with manager {@code n mod 200} (who serves that region), after
     * manager {@code (n + 10) mod 200}; deal {@code n} is manager {@code n mod 200}'s, closed when {@code n mod 5}
     * is 0 or 1; task {@code n} is manager {@code n mod 200}'s, done when {@code n mod 4} is 0.
     */
    private void load() throws SQLException {
        String t0 = "timestamp with time zone '2026-01-15 10:00:00+00'";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate " + PREFIX + "client_part, " + PREFIX + "client_contact, " + PREFIX + "client, "
                    + PREFIX + "deal, " + PREFIX + "task");
            s.execute("insert into " + PREFIX + "client (id, version, kind, relation, name, name_key, region, "
                    + "manager_id, created_at, updated_at) select ('01900000-0000-7000-8000-' || lpad(to_hex(n), 12, "
                    + "'0'))::uuid, 1, 'ORGANISATION', 'CUSTOMER', 'Клиент ' || n, 'клиент ' || n, 'r' || (n % "
                    + REGIONS + "), 'mgr-' || lpad((n % " + MANAGERS + ")::text, 3, '0'), " + t0 + ", " + t0
                    + " from generate_series(0, " + (CLIENTS - 1) + ") n");
            s.execute("insert into " + PREFIX + "client_part (client_id, card_version, ord, kind, manager_id, "
                    + "assigned_at, reason) select ('01900000-0000-7000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 1, "
                    + "o, 'ASSIGNMENT', 'mgr-' || lpad(((n + 10 * (1 - o)) % " + MANAGERS + ")::text, 3, '0'), " + t0
                    + " + ((n * 2654435761) % 8640000 + o * 8640000) * interval '1 second', 'import' "
                    + "from generate_series(0, " + (CLIENTS - 1) + ") n, generate_series(0, 1) o");
            s.execute("insert into " + PREFIX + "deal (id, version, client_id, pipeline, stage, kind, amount, currency, "
                    + "probability, probability_source, manager_id, created_at, last_activity_at, closed_at) "
                    + "select ('01900000-0000-7d00-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 1, "
                    + "('01900000-0000-7000-8000-' || lpad(to_hex(n % " + CLIENTS + "), 12, '0'))::uuid, 'shiffman', "
                    + "case when n % 5 < 2 then 'contract-signed' else 'interested' end, "
                    + "case when n % 5 < 2 then 'WON' else 'OPEN' end, 1000, 'RUB', "
                    + "case when n % 5 < 2 then 1 else 0.2 end, 'STAGE', 'mgr-' || lpad((n % " + MANAGERS
                    + ")::text, 3, '0'), " + t0 + ", " + t0 + ", case when n % 5 < 2 then " + t0 + " end "
                    + "from generate_series(0, " + (DEALS - 1) + ") n");
            s.execute("insert into " + PREFIX + "task (id, version, kind, title, responsible_id, due_at, priority, "
                    + "client_id, status, board_column, completed_at, created_at) "
                    + "select ('01900000-0000-7600-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 1, 'CALL', 'Звонок ' || n, "
                    + "'mgr-' || lpad((n % " + MANAGERS + ")::text, 3, '0'), " + t0 + " + (n % 1000) * interval '1 hour', "
                    + "'NORMAL', ('01900000-0000-7000-8000-' || lpad(to_hex(n % " + CLIENTS + "), 12, '0'))::uuid, "
                    + "case when n % 4 = 0 then 'DONE' else 'OPEN' end, case when n % 4 = 0 then 'done' else 'to-do' end, "
                    + "case when n % 4 = 0 then " + t0 + " end, " + t0 + " from generate_series(0, " + (TASKS - 1) + ") n");
            // in auto-commit: statistics gathered inside a transaction that never commits are lost
            s.execute("vacuum analyze " + PREFIX + "client");
            s.execute("vacuum analyze " + PREFIX + "client_part");
            s.execute("vacuum analyze " + PREFIX + "deal");
            s.execute("vacuum analyze " + PREFIX + "task");
        }
    }

    private void checkSameAnswers() throws SQLException {
        for (List<EmployeeId> managers : regionManagers) {
            Map<EmployeeId, ManagerLoad> crmLoads = storage.assignments().loads(managers);
            Map<EmployeeId, AssignmentTally> crmTallies = storage.assignments().tallies(managers);
            Map<EmployeeId, ManagerLoad> sqlLoads = new HashMap<>();
            Map<EmployeeId, AssignmentTally> sqlTallies = new HashMap<>();
            handWritten(managers, sqlLoads, sqlTallies);
            if (!crmLoads.equals(sqlLoads) || !crmTallies.equals(sqlTallies)) {
                throw new IllegalStateException("the answers differ for " + managers);
            }
        }
        AssignmentDecision d = crm.assignment().propose(client(7));
        System.out.printf("%nClient 7 goes to %s by %s among %d candidates%n", d.manager(), d.decidedBy(),
                d.considered().size());
    }

    private long handWritten(List<EmployeeId> managers, @Nullable Map<EmployeeId, ManagerLoad> loadsOut,
                             @Nullable Map<EmployeeId, AssignmentTally> talliesOut) throws SQLException {
        String[] ids = managers.stream().map(EmployeeId::value).toArray(String[]::new);
        Array array = connection.createArrayOf("varchar", ids);
        long read = 0;
        loads.setArray(1, array);
        loads.setArray(2, array);
        Map<String, long[]> counts = new HashMap<>();
        try (ResultSet rs = loads.executeQuery()) {
            while (rs.next()) {
                long[] c = counts.computeIfAbsent(rs.getString(1), k -> new long[2]);
                c[0] += rs.getLong(2);
                c[1] += rs.getLong(3);
            }
        }
        for (String m : ids) {
            long[] c = counts.getOrDefault(m, new long[2]);
            read += c[0] + c[1];
            if (loadsOut != null) {
                loadsOut.put(EmployeeId.of(m), new ManagerLoad(EmployeeId.of(m), c[0], c[1]));
            }
        }
        tallies.setArray(1, array);
        try (ResultSet rs = tallies.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime last = rs.getObject(2, OffsetDateTime.class);
                read += rs.getLong(3);
                if (talliesOut != null) {
                    EmployeeId m = EmployeeId.of(rs.getString(1));
                    talliesOut.put(m, new AssignmentTally(m, last.toInstant(), rs.getLong(3)));
                }
            }
        }
        return read;
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        loads.close();
        tallies.close();
        connection.close();
        storage.close();
        dataSource.close();
    }

    @Benchmark
    public AssignmentDecision crmJpaPropose() {
        return crm.assignment().propose(client(ThreadLocalRandom.current().nextInt(CLIENTS)));
    }

    @Benchmark
    public int crmJpaQueries() {
        List<EmployeeId> managers = regionManagers.get(ThreadLocalRandom.current().nextInt(REGIONS));
        return storage.assignments().loads(managers).size() + storage.assignments().tallies(managers).size();
    }

    @Benchmark
    public long handWrittenSql() throws SQLException {
        return handWritten(regionManagers.get(ThreadLocalRandom.current().nextInt(REGIONS)), null, null);
    }

    public static void main(String[] args) throws RunnerException {
        Ratios.runAndPrint(JpaAssignmentBenchmark.class, "handWrittenSql", args);
    }
}
