package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.crm4j.core.Crm;
import org.crm4j.core.schedule.SchedulerSettings;
import org.crm4j.notification.Notification;
import org.crm4j.schedule.Reminder;
import org.crm4j.schedule.ReminderId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped for 30 seconds in the middle of a flush of due reminders, then started again: nothing is lost,
 * each reminder's key is accepted once by the channel, and delivery resumes by itself. The embedding system's timer
 * calls {@code fireDue} every 150 ms and logs what it throws, as an ERP's timer would; nothing is restarted by hand
 * (the same {@link Crm}, {@link JpaStorage} and connection pool throughout).
 *
 * <p>The test runs its own PostgreSQL (embedded, from Maven artifacts) on a free port with a data directory under
 * {@code target/}, and stops and starts that one: never a server that others use.
 */
class DatabaseOutageTest {
    private static final String PREFIX = "outage_";
    private static final int REMINDERS = 2_000;
    private static final int RECIPIENTS = 100;
    private static final int STOP_AFTER = 500;
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final long TIMER_MILLIS = 150;
    private static final long DELIVERY_MILLIS = 1;

    private final Path dataDirectory = Path.of("target", "outage-postgres", "data").toAbsolutePath();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private int port;

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @DisplayName("PostgreSQL down for 30 s in the middle of a flush: nothing lost, each key accepted once, "
            + "delivery resumes by itself")
    void outageInTheMiddleOfAFlush() throws Exception {
        long setUp = System.nanoTime();
        port = freePort();
        deleteRecursively(dataDirectory);
        postgres = startPostgres();
        HikariDataSource pool = pool();
        opened.add(pool);
        Flyway.configure().dataSource(pool).locations(TestDatabase.POSTGRESQL.migrations())
                .placeholders(Map.of("prefix", PREFIX)).table(PREFIX + "schema_history").load().migrate();
        JpaStorage storage = JpaStorage.builder().dataSource(pool).tablePrefix(PREFIX)
                .property("hibernate.hbm2ddl.auto", "validate").property("hibernate.jdbc.batch_size", "100").build();
        opened.add(storage);
        Instant created = Instant.now();
        List<String> keys = new ArrayList<>();
        storage.transactions().inTransaction(() -> {
            for (int i = 0; i < REMINDERS; i++) {
                Notification n = new Notification("outage:" + i, "email", "manager-" + (i % RECIPIENTS),
                        "reminder " + i, "", List.of());
                storage.reminders().save(Reminder.pending(ReminderId.of(new UUID(((long) i << 16) | 0x7000L,
                        0x8000_0000_0000_0000L | 0x0da6L << 32 | i)), n, created.minusSeconds(3600).plusMillis(i),
                        null, null, created));
                keys.add(n.key());
            }
            return null;
        });

        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch stopNow = new CountDownLatch(1);
        CountDownLatch stoppedNow = new CountDownLatch(1);
        AtomicReference<String> sentWhenStopped = new AtomicReference<>();
        Crm crm = Crm.builder().storage(storage).defaultClassifiers(false)
                .notifier(n -> {
                    sleep(DELIVERY_MILLIS);
                    if (attempts.computeIfAbsent(n.key(), k -> new AtomicInteger()).incrementAndGet() == 1) {
                        if (accepted.incrementAndGet() == STOP_AFTER) {
                            // the channel has it; the database stops before the node records that it was sent
                            sentWhenStopped.set(n.key());
                            stopNow.countDown();
                            await(stoppedNow);
                        }
                    }
                })
                .scheduler(SchedulerSettings.defaults().withNode("outage-node").withLease(LEASE).withBatchSize(50)
                        .withEvaluateEvery(Duration.ofDays(1)))
                .build();
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        Map<String, Integer> failureKinds = new TreeMap<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        opened.add(timer::shutdownNow);
        long began = System.nanoTime();
        timer.scheduleWithFixedDelay(() -> {
            calls.incrementAndGet();
            try {
                crm.scheduler().fireDue(Instant.now());
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                synchronized (failureKinds) {
                    failureKinds.merge(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()), 1,
                            Integer::sum);
                }
            }
        }, 0, TIMER_MILLIS, TimeUnit.MILLISECONDS);

        assertThat(stopNow.await(60, TimeUnit.SECONDS)).as("the first deliveries").isTrue();
        long stopping = System.nanoTime();
        postgres.close();
        postgres = null;
        long stopped = System.nanoTime();
        stoppedNow.countDown();
        int acceptedAtStop = accepted.get();
        int failuresAtStop = failures.get();
        Thread.sleep(OUTAGE.toMillis());
        int acceptedWhileDown = accepted.get() - acceptedAtStop;
        int failuresWhileDown = failures.get() - failuresAtStop;
        long restarting = System.nanoTime();
        postgres = startPostgres();
        long restarted = System.nanoTime();
        await(() -> accepted.get() > acceptedAtStop + acceptedWhileDown, Duration.ofSeconds(60),
                "the first delivery after the restart");
        long resumed = System.nanoTime();
        await(() -> accepted.get() == REMINDERS, Duration.ofSeconds(120), "every delivery");
        long done = System.nanoTime();
        timer.shutdown();
        assertThat(timer.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        int raw = attempts.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(acceptedAtStop).as("stopped in the middle of the flush").isLessThan(REMINDERS);
        assertThat(acceptedWhileDown).as("nothing delivered while the database was down").isZero();
        assertThat(failuresWhileDown).as("the timer saw the outage").isPositive();
        assertThat(attempts.keySet()).as("every key accepted by the channel").containsExactlyInAnyOrderElementsOf(keys);
        assertThat(attempts).as("only the one sent when the database stopped was sent again")
                .allSatisfy((key, count) -> assertThat(count.get()).isEqualTo(key.equals(sentWhenStopped.get())
                        ? 2 : 1));
        assertThat(statusCounts(pool)).as("nothing left pending").isEqualTo(Map.of("FIRED", (long) REMINDERS));
        System.out.printf("PostgreSQL outage: %d reminders (set up in %d ms); stopped after %d delivered (stop took "
                        + "%d ms), down %d s (%d delivered meanwhile), started again in %d ms; first delivery %d ms "
                        + "after it, all delivered %d ms after it; total %d ms; timer: %d calls, %d failed (%s); "
                        + "channel: %d keys accepted once each, %d raw attempts, %d repeated attempts dropped%n",
                REMINDERS, millis(began - setUp), acceptedAtStop, millis(stopped - stopping), OUTAGE.toSeconds(),
                acceptedWhileDown, millis(restarted - restarting), millis(resumed - restarted),
                millis(done - restarted), millis(done - began), calls.get(), failures.get(), failureKinds,
                attempts.size(), raw, raw - REMINDERS);
    }

    private EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .start();
    }

    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://localhost:" + port + "/postgres");
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(1000);
        config.setValidationTimeout(500);
        config.setPoolName("crm4j-outage");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    private static Map<String, Long> statusCounts(HikariDataSource pool) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select status, count(*) from " + PREFIX + "reminder group by status")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration within, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + within.toSeconds() + " s for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the database was not stopped within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() <= 100 ? line : line.substring(0, 100) + "…";
    }
}
