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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.crm4j.core.Crm;
import org.crm4j.core.schedule.SchedulerSettings;
import org.crm4j.jpa.JpaStorage;
import org.crm4j.notification.Notification;
import org.crm4j.notification.NotificationLink;
import org.crm4j.notification.Notifier;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Firing 10,000 due reminders with two nodes sharing one PostgreSQL: how many reminders a second get delivered, and
 * how many SQL statements each one costs. 10,000 reminders due now on channel {@code email}, shared among
 * {@code recipients} recipients (500, 20 each; or 10, with 1,000 each: a few recipients with long backlogs, where a
 * claim of one reminder per recipient takes ten at a time), a recipient's reminders due a second apart, are written
 * before each iteration; the iteration is the time until every one has been delivered.
 * <ul>
 *   <li>{@code crmJpaFireDue}: two nodes in one JVM, each a {@link Crm} on its own {@link JpaStorage} over its own
 *       connection pool, its own node name, batches of 100 and settings asking for up to {@code perRecipient}
 *       reminders of a recipient in a claim ({@link SchedulerSettings#withPerRecipient}); two threads on each node
 *       call {@code crm.scheduler().fireDue(now)} until all are delivered. Each call claims batches until a claim
 *       finds none (a claim: a select of the claimable reminders, a second select of their recipients' following
 *       ones when runs longer than one are claimed, a {@code select … for update skip locked} of them and one
 *       update, in one transaction), hands each reminder to the notifier and marks it fired in a transaction of its
 *       own (one guarded update and its commit). crm4j
 *       delivers each recipient's reminders in order: a recipient's next reminder is claimable only once the one
 *       before it is done, and the run checks that the notifier saw every recipient's reminders in order.</li>
 *   <li>{@code handWrittenSkipLocked}: the best simple loop written by hand over JDBC, on two "nodes" of two threads
 *       each (again a connection pool per node), each thread on one connection: in one transaction,
 *       {@code select … where status = 'PENDING' and due_at <= ? order by due_at, id limit 100 for update skip
 *       locked}, each row handed to the same notifier (a {@link Notification} built from its columns, its links
 *       read without unescaping), then one {@code update … set status = 'FIRED' … where id = any(?)}, and the
 *       commit: two statements per 100 reminders. It does <b>not</b> keep each recipient's order: two threads
 *       take consecutive batches of the same recipients and deliver them at once, and a reminder whose delivery
 *       fails would not hold back the later ones. The run counts the deliveries it made out of order, and does not
 *       fail on them.</li>
 *   <li>{@code handWrittenCommitEach}: the same loop written to crm4j's promise of recording each delivery at
 *       once, so that a node that dies repeats at most the delivery under way: in one transaction the
 *       {@code select … for update skip locked} and one update marking the 100 claimed, the commit, then for each
 *       reminder the delivery and one {@code update … set status = 'FIRED' … where id = ?} in auto-commit. Like the
 *       loop above, it does not keep each recipient's order.</li>
 * </ul>
 * The notifier keeps nothing: it counts the deliveries, checks that no key is delivered twice and, per recipient,
 * that no reminder comes after a later one. Every thread keeps calling until the notifier has counted all 10,000,
 * pausing a millisecond after a round that found nothing to deliver (the rest being held by the other threads). After
 * each iteration the run stops unless all 10,000 were delivered exactly once and none is left pending.
 *
 * <p>Every statement the nodes send during the firing is counted (the pools are wrapped by datasource-proxy,
 * {@link StatementTally}); after each iteration the statements per reminder are printed, by kind, with the commits,
 * and at the end of the run their mean over the measured iterations with the reminders per second. Goals:
 * 1,000 reminders a second or more, 1.5 statements per reminder or fewer.
 *
 * <p>Single shot: before each iteration, outside the measurement, the table is emptied, the 10,000 reminders written
 * by one {@code insert … select} over {@code generate_series}, the table vacuumed and analysed and a checkpoint taken.
 * The table is the benchmark's own ({@code bench_fire_reminder}). Run (PostgreSQL at {@code CRM_BENCH_PG_URL},
 * default {@code jdbc:postgresql://127.0.0.1:5432/test}; the checkpoint needs a superuser):
 * {@code java -cp crm-examples/target/benchmarks.jar org.crm4j.examples.bench.JpaFiringThroughputBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JpaFiringThroughputBenchmark {
    private static final String PREFIX = "bench_fire_";
    private static final int REMINDERS = 10_000;
    private static final int NODES = 2;
    private static final int THREADS_PER_NODE = 2;
    private static final int BATCH = 100;
    /** The moment the reminders are fired at; the last ones are due some minutes before. */
    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    /** How long an iteration may go without a delivery before the run gives up. */
    private static final Duration STALL = Duration.ofSeconds(60);
    private static final String KEY_PREFIX = "fire:";

    /** How many consecutive reminders of one recipient a crm4j claim takes (the default settings take 20). */
    @Param({"1", "20"})
    int perRecipient;

    /** Among how many recipients the 10,000 reminders are shared: many, or a few with long backlogs. */
    @Param({"500", "10"})
    int recipients;

    private HikariDataSource admin;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<JpaStorage> storages = new ArrayList<>();
    private final List<Crm> crmNodes = new ArrayList<>();
    private final List<javax.sql.DataSource> handNodes = new ArrayList<>();
    private final StatementTally crmStatements = new StatementTally();
    private final StatementTally handStatements = new StatementTally();
    private final CountingNotifier notifier = new CountingNotifier();
    private ExecutorService threads;
    private long firingNanos;
    private final List<double[]> measured = new ArrayList<>();

    @Setup(Level.Trial)
    public void open() throws SQLException {
        admin = BenchDatabase.open(2);
        BenchDatabase.storage(admin, PREFIX).close();   // migrates the benchmark's tables
        for (int n = 0; n < NODES; n++) {
            HikariDataSource crmPool = BenchDatabase.open(THREADS_PER_NODE);
            pools.add(crmPool);
            JpaStorage storage = JpaStorage.builder().dataSource(crmStatements.wrap(crmPool)).tablePrefix(PREFIX)
                    .build();
            storages.add(storage);
            crmNodes.add(Crm.builder().storage(storage).defaultClassifiers(false).notifier(notifier)
                    .scheduler(SchedulerSettings.defaults().withNode("node-" + (char) ('a' + n))
                            .withBatchSize(BATCH).withPerRecipient(perRecipient)
                            .withEvaluateEvery(Duration.ofDays(1)))
                    .build());
            HikariDataSource handPool = BenchDatabase.open(THREADS_PER_NODE);
            pools.add(handPool);
            handNodes.add(handStatements.wrap(handPool));
        }
        threads = Executors.newFixedThreadPool(NODES * THREADS_PER_NODE);
    }

    /**
     * Writes the 10,000 reminders, outside the measurement: reminder {@code n} goes to recipient
     * {@code n mod recipients} as its {@code n / recipients}-th, due that many seconds after 08:40, under the key
     * {@code fire:<recipient>:<seq>}.
     */
    @Setup(Level.Iteration)
    public void load() throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("truncate " + PREFIX + "reminder");
            s.execute("insert into " + PREFIX + "reminder (id, version, notification_key, channel, recipient, "
                    + "subject, body, links, due_at, task_id, rule_code, status, claimed_by, claimed_until, attempts, "
                    + "fired_at, created_at) "
                    + "select ('01900000-0000-7900-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 1, "
                    + "'" + KEY_PREFIX + "' || (n % " + recipients + ") || ':' || (n / " + recipients + "), 'email', "
                    + "'emp-' || lpad((n % " + recipients + ")::text, 3, '0'), 'Счёт ' || n || ' к оплате завтра', "
                    + "'Позвонить клиенту и напомнить об оплате счёта ' || n || ' до конца дня.', "
                    + "'client 01900000-0000-7000-8000-' || lpad(to_hex(n % 5000), 12, '0'), "
                    + "timestamp with time zone '2026-03-10 08:40:00+00' + (n / " + recipients
                    + ") * interval '1 second', null, 'invoice-1d', 'PENDING', null, null, 0, null, "
                    + "timestamp with time zone '2026-03-09 12:00:00+00' "
                    + "from generate_series(0, " + (REMINDERS - 1) + ") n");
            s.execute("vacuum analyze " + PREFIX + "reminder");
            s.execute("checkpoint");
        }
        notifier.reset();
        crmStatements.reset();
        handStatements.reset();
    }

    @Benchmark
    public int crmJpaFireDue() throws Exception {
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < NODES * THREADS_PER_NODE; t++) {
            Crm node = crmNodes.get(t % NODES);
            work.add(() -> {
                AtomicLong lastProgress = new AtomicLong(System.nanoTime());
                while (notifier.delivered() < REMINDERS) {
                    int delivered = node.scheduler().fireDue(NOW).delivered();
                    idleOrGoOn(delivered, lastProgress);
                }
                return null;
            });
        }
        return fireAll(work);
    }

    @Benchmark
    public int handWrittenSkipLocked() throws Exception {
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < NODES * THREADS_PER_NODE; t++) {
            javax.sql.DataSource node = handNodes.get(t % NODES);
            work.add(() -> {
                try (Connection c = node.getConnection();
                     PreparedStatement claim = c.prepareStatement("select id, notification_key, channel, "
                             + "recipient, subject, body, links from " + PREFIX + "reminder "
                             + "where status = 'PENDING' and due_at <= ? order by due_at, id limit " + BATCH
                             + " for update skip locked");
                     PreparedStatement fired = c.prepareStatement("update " + PREFIX + "reminder "
                             + "set status = 'FIRED', fired_at = ?, attempts = attempts + 1, version = version + 1 "
                             + "where id = any(?)")) {
                    c.setAutoCommit(false);
                    OffsetDateTime now = NOW.atOffset(ZoneOffset.UTC);
                    claim.setObject(1, now);
                    fired.setObject(1, now);
                    AtomicLong lastProgress = new AtomicLong(System.nanoTime());
                    List<UUID> ids = new ArrayList<>(BATCH);
                    while (notifier.delivered() < REMINDERS) {
                        ids.clear();
                        try (ResultSet rs = claim.executeQuery()) {
                            while (rs.next()) {
                                ids.add(rs.getObject(1, UUID.class));
                                notifier.deliver(new Notification(rs.getString(2), rs.getString(3),
                                        rs.getString(4), rs.getString(5), rs.getString(6), links(rs.getString(7))));
                            }
                        }
                        if (!ids.isEmpty()) {
                            fired.setArray(2, c.createArrayOf("uuid", ids.toArray()));
                            if (fired.executeUpdate() != ids.size()) {
                                throw new IllegalStateException("marked fewer than the " + ids.size() + " claimed");
                            }
                        }
                        c.commit();
                        idleOrGoOn(ids.size(), lastProgress);
                    }
                }
                return null;
            });
        }
        return fireAll(work);
    }

    @Benchmark
    public int handWrittenCommitEach() throws Exception {
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < NODES * THREADS_PER_NODE; t++) {
            javax.sql.DataSource node = handNodes.get(t % NODES);
            String owner = "hand-" + t;
            work.add(() -> {
                try (Connection c = node.getConnection();
                     PreparedStatement claim = c.prepareStatement("select id, notification_key, channel, "
                             + "recipient, subject, body, links from " + PREFIX + "reminder "
                             + "where status = 'PENDING' and due_at <= ? and claimed_by is null "
                             + "order by due_at, id limit " + BATCH + " for update skip locked");
                     PreparedStatement claimed = c.prepareStatement("update " + PREFIX + "reminder "
                             + "set claimed_by = ?, claimed_until = ?, attempts = attempts + 1, "
                             + "version = version + 1 where id = any(?)");
                     PreparedStatement fired = c.prepareStatement("update " + PREFIX + "reminder "
                             + "set status = 'FIRED', fired_at = ?, claimed_by = null, claimed_until = null, "
                             + "version = version + 1 where id = ?")) {
                    OffsetDateTime now = NOW.atOffset(ZoneOffset.UTC);
                    claim.setObject(1, now);
                    claimed.setString(1, owner);
                    claimed.setObject(2, now.plusMinutes(5));
                    fired.setObject(1, now);
                    AtomicLong lastProgress = new AtomicLong(System.nanoTime());
                    List<UUID> ids = new ArrayList<>(BATCH);
                    List<Notification> batch = new ArrayList<>(BATCH);
                    while (notifier.delivered() < REMINDERS) {
                        ids.clear();
                        batch.clear();
                        c.setAutoCommit(false);
                        try (ResultSet rs = claim.executeQuery()) {
                            while (rs.next()) {
                                ids.add(rs.getObject(1, UUID.class));
                                batch.add(new Notification(rs.getString(2), rs.getString(3), rs.getString(4),
                                        rs.getString(5), rs.getString(6), links(rs.getString(7))));
                            }
                        }
                        if (!ids.isEmpty()) {
                            claimed.setArray(3, c.createArrayOf("uuid", ids.toArray()));
                            claimed.executeUpdate();
                        }
                        c.commit();
                        c.setAutoCommit(true);
                        for (int i = 0; i < ids.size(); i++) {
                            notifier.deliver(batch.get(i));
                            fired.setObject(2, ids.get(i));
                            if (fired.executeUpdate() != 1) {
                                throw new IllegalStateException("reminder " + ids.get(i) + " was not marked fired");
                            }
                        }
                        idleOrGoOn(ids.size(), lastProgress);
                    }
                }
                return null;
            });
        }
        return fireAll(work);
    }

    /** The links of the column's text: one per line, the relation before the first space (no escapes to undo). */
    private static List<NotificationLink> links(String text) {
        if (text == null) {
            return List.of();
        }
        List<NotificationLink> links = new ArrayList<>(2);
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            links.add(new NotificationLink(line.substring(0, space), line.substring(space + 1)));
        }
        return links;
    }

    /** After a round that delivered nothing, waits a millisecond, and gives up when nothing moved for too long. */
    private void idleOrGoOn(int delivered, AtomicLong lastProgress) throws InterruptedException {
        long t = System.nanoTime();
        if (delivered > 0) {
            lastProgress.set(t);
            return;
        }
        if (t - lastProgress.get() > STALL.toNanos()) {
            throw new IllegalStateException("nothing delivered for " + STALL + ", " + notifier.delivered() + " of "
                    + REMINDERS + " so far");
        }
        Thread.sleep(1);
    }

    /** Runs the threads' work until all of it has returned, rethrowing the first failure. */
    private int fireAll(List<Callable<Void>> work) throws Exception {
        long began = System.nanoTime();
        List<Future<Void>> running = new ArrayList<>();
        for (Callable<Void> w : work) {
            running.add(threads.submit(w));
        }
        try {
            for (Future<Void> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            running.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        firingNanos = System.nanoTime() - began;
        return notifier.delivered();
    }

    /**
     * After each iteration, outside the measurement: stops the run unless every reminder was delivered exactly once
     * (and, for crm4j, each recipient's in order) and none is left pending; prints the statements per reminder.
     */
    @TearDown(Level.Iteration)
    public void check(BenchmarkParams benchmark, IterationParams iteration) throws SQLException {
        String path = benchmark.getBenchmark().substring(benchmark.getBenchmark().lastIndexOf('.') + 1);
        boolean crm = path.startsWith("crm");
        long pending;
        long fired;
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) filter (where status = 'PENDING'), "
                     + "count(*) filter (where status = 'FIRED') from " + PREFIX + "reminder")) {
            rs.next();
            pending = rs.getLong(1);
            fired = rs.getLong(2);
        }
        if (notifier.delivered() != REMINDERS || notifier.keys() != REMINDERS || notifier.duplicates() != 0
                || pending != 0 || fired != REMINDERS || (crm && notifier.outOfOrder() != 0)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s: %d deliveries of %d keys, %d repeated, "
                            + "%d out of order; in the table %d fired and %d pending, of %d", path,
                    notifier.delivered(), notifier.keys(), notifier.duplicates(), notifier.outOfOrder(), fired,
                    pending, REMINDERS));
        }
        StatementTally tally = crm ? crmStatements : handStatements;
        double seconds = firingNanos / 1e9;
        double perSecond = REMINDERS / seconds;
        double statements = (double) tally.total() / REMINDERS;
        double commits = (double) tally.commits() / REMINDERS;
        System.out.printf(Locale.ROOT, "%n  %s: %d reminders in %.0f ms, %.0f/s; %.3f statements per reminder %s, "
                        + "%.3f commits per reminder; %d delivered out of a recipient's order%n", path, REMINDERS,
                seconds * 1000, perSecond, statements, tally.byKind(), commits, notifier.outOfOrder());
        if (iteration.getType() == IterationType.MEASUREMENT) {
            measured.add(new double[] {perSecond, statements, commits, notifier.outOfOrder(), seconds});
        }
    }

    @TearDown(Level.Trial)
    public void close(BenchmarkParams benchmark) {
        if (!measured.isEmpty()) {
            String path = benchmark.getBenchmark().substring(benchmark.getBenchmark().lastIndexOf('.') + 1);
            double min = measured.stream().mapToDouble(m -> m[0]).min().orElseThrow();
            double max = measured.stream().mapToDouble(m -> m[0]).max().orElseThrow();
            // from the mean time, as JMH's score and the ratio are
            double mean = REMINDERS / measured.stream().mapToDouble(m -> m[4]).average().orElseThrow();
            System.out.printf(Locale.ROOT, "%nFiring %d reminders (%d recipients) with %d nodes x %d threads, %s, "
                            + "perRecipient=%d, %d measured: %.0f reminders/s (iterations %.0f to %.0f), %.3f statements and "
                            + "%.3f commits per reminder, %.0f deliveries out of a recipient's order per run%n",
                    REMINDERS, recipients, NODES, THREADS_PER_NODE, path, perRecipient, measured.size(), mean, min,
                    max, measured.stream().mapToDouble(m -> m[1]).average().orElseThrow(),
                    measured.stream().mapToDouble(m -> m[2]).average().orElseThrow(),
                    measured.stream().mapToDouble(m -> m[3]).average().orElseThrow());
        }
        threads.shutdownNow();
        storages.forEach(JpaStorage::close);
        pools.forEach(HikariDataSource::close);
        admin.close();
    }

    /**
     * A notifier that delivers nowhere: it counts the deliveries and the keys, the keys delivered more than once, and
     * the deliveries that came after a later reminder of the same recipient (the sequence number ends the key).
     */
    private static final class CountingNotifier implements Notifier {
        private final AtomicInteger delivered = new AtomicInteger();
        private final AtomicInteger duplicates = new AtomicInteger();
        private final AtomicInteger outOfOrder = new AtomicInteger();
        private final Set<String> keys = ConcurrentHashMap.newKeySet(2 * REMINDERS);
        private final Map<String, AtomicInteger> latest = new ConcurrentHashMap<>(1024);

        @Override
        public void deliver(Notification notification) {
            if (!keys.add(notification.key())) {
                duplicates.incrementAndGet();
            }
            String key = notification.key();
            int seq = Integer.parseInt(key, key.lastIndexOf(':') + 1, key.length(), 10);
            int before = latest.computeIfAbsent(notification.recipient(), r -> new AtomicInteger(-1))
                    .getAndAccumulate(seq, Math::max);
            if (before > seq) {
                outOfOrder.incrementAndGet();
            }
            delivered.incrementAndGet();
        }

        void reset() {
            delivered.set(0);
            duplicates.set(0);
            outOfOrder.set(0);
            keys.clear();
            latest.clear();
        }

        int delivered() {
            return delivered.get();
        }

        int keys() {
            return keys.size();
        }

        int duplicates() {
            return duplicates.get();
        }

        int outOfOrder() {
            return outOfOrder.get();
        }
    }

    public static void main(String[] args) throws RunnerException {
        Ratios.runAndPrint(JpaFiringThroughputBenchmark.class, "handWrittenSkipLocked", args);
    }
}
