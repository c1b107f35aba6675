package org.crm4j.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.Crm;
import org.crm4j.core.task.Agenda;
import org.crm4j.core.task.DayAgenda;
import org.crm4j.jpa.JpaStorage;
import org.crm4j.task.Task;
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
 * The agenda of an employee for a day (Europe/Moscow, 7 upcoming days) among 1,000,000 open tasks in PostgreSQL,
 * 500 per employee for 2,000 employees, plus 200,000 done ones. Deadlines spread over the year around the day
 * (half before it, so an agenda holds about 260 tasks, most of them overdue); every fifth task is due on a date
 * without a time, every tenth open one is in progress.
 * <ul>
 *   <li>{@code crmJpaAgenda}: {@code crm.agenda().of(employee, day, zone, 7)} on a {@link JpaStorage};</li>
 *   <li>{@code crmJpaTaskStore}: for scale, the store's read alone ({@code findOpenByResponsible}), in
 *       auto-commit like the hand-written select, where the agenda reads in a transaction of its own (the commit
 *       is one more round trip) and splits the tasks;</li>
 *   <li>{@code handWrittenSql}: the same select written by hand — the employee's open tasks due before the end
 *       of the window, by deadline then id, at most {@link Agenda#LIMIT}, from the
 *       {@code (responsible_id, status, due_at)} index — read column by column over JDBC in auto-commit,
 *       building no object.</li>
 * </ul>
 * The setup checks on 50 employees that both give the same tasks in the same order, and counts and prints the
 * statements of one agenda. Sample time mode, so JMH prints percentiles (p0.99 is the p99); the warm-up is long
 * (8 × 5 s) for Hibernate to reach steady state on two cores.
 *
 * <p>The tasks are written once, by one {@code insert … select} over {@code generate_series} (deterministic: the
 * same rows on every machine), into tables of their own ({@code bench_agenda_*}) and kept for later runs; the
 * statistics are gathered in auto-commit. Run (PostgreSQL at {@code CRM_BENCH_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}):
 * {@code java -cp crm-examples/target/benchmarks.jar org.crm4j.examples.bench.JpaAgendaBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class JpaAgendaBenchmark {
    private static final String PREFIX = "bench_agenda_";
    private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final int UPCOMING_DAYS = 7;
    private static final int DONE = 200_000;
    private static final String COLUMNS = "id, kind, title, notes, responsible_id, due_at, due_date, priority, "
            + "client_id, deal_ref, interaction_id, status, board_column, completed_at, regulation, source_key, "
            + "created_at, version";

    /** How many open tasks the table holds. */
    @Param("1000000")
    int openTasks;

    /** How many employees they are spread over, evenly. */
    @Param("2000")
    int employees;

    private HikariDataSource dataSource;
    private JpaStorage storage;
    private Crm crm;
    private Connection connection;
    private PreparedStatement best;
    private Instant windowEnd;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        dataSource = BenchDatabase.open(2);
        storage = BenchDatabase.storage(dataSource, PREFIX);
        crm = Crm.builder().storage(storage).build();
        if (!loaded()) {
            load();
        }
        windowEnd = DAY.plusDays(1L + UPCOMING_DAYS).atStartOfDay(ZONE).toInstant();
        connection = dataSource.getConnection();
        best = connection.prepareStatement("select " + COLUMNS + " from " + PREFIX + "task "
                + "where responsible_id = ? and status in ('OPEN', 'IN_PROGRESS') and due_at < ? "
                + "order by due_at, id limit " + Agenda.LIMIT);
        checkSameTasks();
        printStatementsPerAgenda();
    }

    private static String employee(int n) {
        return String.format(Locale.ROOT, "emp-%04d", n);
    }

    /** Whether the table holds the data set of this run: its open tasks, its done ones and its employees. */
    private boolean loaded() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), count(*) filter (where status in ('OPEN', "
                     + "'IN_PROGRESS')), count(distinct responsible_id), count(due_date) from " + PREFIX + "task")) {
            rs.next();
            return rs.getLong(1) == (long) openTasks + DONE && rs.getLong(2) == openTasks
                    && rs.getLong(3) == employees && rs.getLong(4) == dueOnDates();
        }
    }

    /** How many tasks are due on a date: those whose rank among their employee's tasks is a multiple of 5. */
    private long dueOnDates() {
        long count = 0;
        for (long n = 0; n < (long) openTasks + DONE; n++) {
            if (n / employees % 5 == 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * Writes the tasks: task {@code n} belongs to employee {@code n mod employees}; its deadline is a
     * multiplicative hash of {@code n} over the 365 days from 182 days before the day. The rank {@code m} of a task
     * among its employee's ({@code n / employees}) picks the rest: every fifth is due on a date (the last
     * microsecond of that date in Moscow, as {@link Task#endOf} computes it), every tenth is in progress, and the
     * kind, priority, notes and deal. Tasks from {@code openTasks} on are done.
     */
    private void load() throws SQLException {
        long total = (long) openTasks + DONE;
        String due = "(timestamp with time zone '" + DAY.atStartOfDay(ZONE).toOffsetDateTime() + "' "
                + "+ ((n * 2654435761) % 31536000 - 15724800) * interval '1 second')";
        String dueDate = "(date '" + DAY + "' + ((n * 2654435761) % 365 - 182)::int)";
        String dueDateEnd = "((" + dueDate + " + 1)::timestamp at time zone '" + ZONE.getId() + "' "
                + "- interval '1 microsecond')";
        String m = "(n / " + employees + ")";
        String status = "case when n >= " + openTasks + " then 'DONE' when " + m + " % 10 = 3 then 'IN_PROGRESS' "
                + "else 'OPEN' end";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate " + PREFIX + "task");
            s.execute("insert into " + PREFIX + "task (" + COLUMNS + ") "
                    + "select ('01900000-0000-7600-8000-' || lpad(to_hex(n), 12, '0'))::uuid, "
                    + "(array['CALL', 'MEETING', 'INVOICE', 'ACT', 'FOLLOW_UP', 'LETTER', 'OTHER'])[1 + " + m
                    + " % 7], 'Задача ' || n, case when " + m + " % 3 = 0 then 'Уточнить условия поставки по заказу ' || n end, "
                    + "'emp-' || lpad((n % " + employees + ")::text, 4, '0'), "
                    + "case when " + m + " % 5 = 0 then " + dueDateEnd + " else " + due + " end, "
                    + "case when " + m + " % 5 = 0 then " + dueDate + " end, "
                    + "(array['LOW', 'NORMAL', 'HIGH', 'URGENT'])[1 + (" + m + " / 7) % 4], "
                    + "('01900000-0000-7000-8000-' || lpad(to_hex(n % 50000), 12, '0'))::uuid, "
                    + "case when " + m + " % 4 = 0 then 'ЗК-' || n end, null, " + status + ", "
                    + "case when n >= " + openTasks + " then 'done' when " + m + " % 10 = 3 then 'in-progress' "
                    + "else 'to-do' end, "
                    + "case when n >= " + openTasks + " then timestamp with time zone '2026-03-01 12:00:00+00' end, "
                    + "case when " + m + " % 6 = 0 then 'monthly-review' end, null, "
                    + "timestamp with time zone '2025-09-01 09:00:00+00', 1 "
                    + "from generate_series(0::bigint, " + (total - 1) + "::bigint) n");
            // in auto-commit: statistics gathered inside a transaction that never commits are lost
            s.execute("vacuum analyze " + PREFIX + "task");
        }
    }

    /** Both paths give the same tasks in the same order for 50 employees, or the run stops. */
    private void checkSameTasks() throws SQLException {
        for (int e = 0; e < employees; e += Math.max(1, employees / 50)) {
            DayAgenda agenda = crm.agenda().of(EmployeeId.of(employee(e)), DAY, ZONE, UPCOMING_DAYS);
            List<UUID> fromCrm = Stream.of(agenda.overdue(), agenda.dueToday(), agenda.upcoming())
                    .flatMap(List::stream).map(t -> t.id().value()).toList();
            List<UUID> fromSql = new ArrayList<>();
            best.setString(1, employee(e));
            best.setObject(2, windowEnd.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = best.executeQuery()) {
                while (rs.next()) {
                    fromSql.add(rs.getObject(1, UUID.class));
                }
            }
            if (fromSql.isEmpty() || !fromSql.equals(fromCrm)) {
                throw new IllegalStateException("the agenda of " + employee(e) + " differs: crm4j " + fromCrm.size()
                        + " tasks, SQL " + fromSql.size());
            }
        }
    }

    /** Runs one agenda through a storage over a counting data source and prints what it sent. */
    private void printStatementsPerAgenda() {
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
            Crm countedCrm = Crm.builder().storage(countedStorage).defaultClassifiers(false).build();
            countedCrm.agenda().of(EmployeeId.of(employee(1)), DAY, ZONE, UPCOMING_DAYS);
            statements.set(0);
            DayAgenda agenda = countedCrm.agenda().of(EmployeeId.of(employee(2)), DAY, ZONE, UPCOMING_DAYS);
            System.out.printf("%nStatements per agenda among %d open tasks: %d (%d overdue, %d today, %d upcoming)%n",
                    openTasks, statements.get(), agenda.overdue().size(), agenda.dueToday().size(),
                    agenda.upcoming().size());
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        best.close();
        connection.close();
        storage.close();
        dataSource.close();
    }

    private int anyEmployee() {
        return ThreadLocalRandom.current().nextInt(employees);
    }

    @Benchmark
    public DayAgenda crmJpaAgenda() {
        DayAgenda agenda = crm.agenda().of(EmployeeId.of(employee(anyEmployee())), DAY, ZONE, UPCOMING_DAYS);
        if (agenda.overdue().isEmpty()) {
            throw new IllegalStateException("expected overdue tasks in the agenda of " + agenda.employee());
        }
        return agenda;
    }

    @Benchmark
    public List<Task> crmJpaTaskStore() {
        List<Task> open = storage.tasks().findOpenByResponsible(EmployeeId.of(employee(anyEmployee())), windowEnd,
                Agenda.LIMIT);
        if (open.isEmpty()) {
            throw new IllegalStateException("expected open tasks");
        }
        return open;
    }

    @Benchmark
    public long handWrittenSql() throws SQLException {
        best.setString(1, employee(anyEmployee()));
        best.setObject(2, windowEnd.atOffset(ZoneOffset.UTC));
        long read = 0;
        try (ResultSet rs = best.executeQuery()) {
            while (rs.next()) {
                read += rs.getObject(1, UUID.class).hashCode() + rs.getString(2).length()
                        + rs.getString(3).length();
                rs.getString(4);
                read += rs.getString(5).length() + rs.getObject(6, OffsetDateTime.class).hashCode();
                rs.getObject(7, LocalDate.class);
                read += rs.getString(8).length();
                rs.getObject(9, UUID.class);
                rs.getString(10);
                rs.getObject(11, UUID.class);
                read += rs.getString(12).length() + rs.getString(13).length();
                rs.getObject(14, OffsetDateTime.class);
                rs.getString(15);
                rs.getString(16);
                read += rs.getObject(17, OffsetDateTime.class).hashCode() + rs.getLong(18);
            }
        }
        if (read == 0) {
            throw new IllegalStateException("nothing read");
        }
        return read;
    }

    public static void main(String[] args) throws RunnerException {
        Ratios.runAndPrint(JpaAgendaBenchmark.class, "handWrittenSql", args);
    }
}
