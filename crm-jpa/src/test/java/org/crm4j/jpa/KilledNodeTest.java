package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.crm4j.core.Crm;
import org.crm4j.core.schedule.FireReport;
import org.crm4j.core.schedule.SchedulerSettings;
import org.crm4j.notification.Notification;
import org.crm4j.schedule.Reminder;
import org.crm4j.schedule.ReminderId;
import org.crm4j.schedule.ReminderStatus;
import org.crm4j.tck.ClientFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A node killed with {@code kill -9} while it holds claims. A second JVM ({@link SlowNode}) fires due reminders
 * through a slow notifier on the same database; once it has delivered a few, it is killed (SIGKILL, so no code of
 * it runs after). Its claimed reminders are not taken before its lease ends, and after it each fires exactly once;
 * the shared channel, which accepts each idempotency key once, sees a repeated attempt only for a reminder the
 * killed node had sent and not yet recorded as fired. Both ways of claiming are run (with {@code skip locked}, and
 * by version-guarded updates). A node killed inside its claim's transaction leaves no claim: the database rolls it
 * back, and the survivor takes every reminder at once. Not on H2: its in-memory database lives in one process.
 */
class KilledNodeTest {

    @Nested
    class OnPostgreSql extends KilledNode {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL, true);
        }
    }

    @Nested
    class OnPostgreSqlWithGuardedClaims extends KilledNode {
        OnPostgreSqlWithGuardedClaims() {
            super(TestDatabase.POSTGRESQL, false);
        }
    }

    @Nested
    class OnMariaDb extends KilledNode {
        OnMariaDb() {
            super(TestDatabase.MARIADB, true);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class KilledNode {
        private static final String PREFIX = "killed_";
        private static final int REMINDERS = 40;
        private static final Duration LEASE = Duration.ofSeconds(30);
        private static final int BATCH = 10;
        private static final int THREADS = 2;
        private static final long PAUSE_MILLIS = 400;
        private static final int KILL_AFTER = 4;
        private static final String DOOMED = "doomed-node";
        private static final String SURVIVOR = "surviving-node";
        private static final Instant NOW = ClientFixture.T0;
        private final TestDatabase database;
        private final boolean skipLocked;
        private JpaStorage storage;

        /** Both nodes claiming with {@code skip locked}, or both by version-guarded updates. */
        KilledNode(TestDatabase database, boolean skipLocked) {
            this.database = database;
            this.skipLocked = skipLocked;
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            storage = database.storage(database.cleanSchema(PREFIX), PREFIX, skipLocked);
        }

        @AfterAll
        void close() {
            if (storage != null) {
                storage.close();
            }
        }

        @Test
        @DisplayName("a node killed while holding claims: its reminders wait for the lease, then each fires once")
        void killedWhileHoldingClaims() throws Exception {
            List<String> keys = saveReminders();
            Path dir = directory("holding");
            Path log = dir.resolve("node.log");
            SharedChannel channel = new SharedChannel(dir.resolve("channel.log"));

            long began = System.nanoTime();
            Process node = start(dir.resolve("channel.log"), log, THREADS, false);
            try {
                awaitDeliveries(node, channel, log);
                long sentAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                kill(node);

                List<Reminder> pendingAtKill = storage.reminders().findPending(NOW.plus(Duration.ofDays(1)), 1000);
                List<Reminder> orphaned = pendingAtKill.stream().filter(r -> DOOMED.equals(r.claimedBy())).toList();
                SharedChannel.Deliveries atKill = channel.read();
                Set<String> orphanedKeys = orphaned.stream().map(Reminder::key).collect(Collectors.toSet());
                List<String> inFlight = atKill.attemptsByKey().keySet().stream().filter(orphanedKeys::contains)
                        .toList();
                assertThat(orphaned).as("claims the killed node held").isNotEmpty()
                        .allSatisfy(r -> assertThat(r.claimedUntil()).isEqualTo(NOW.plus(LEASE)));
                assertThat(inFlight).as("sent by the killed node and not recorded as fired").hasSizeLessThanOrEqualTo(
                        THREADS);

                Crm survivor = survivor(channel);
                FireReport beforeLease = survivor.scheduler().fireDue(NOW.plus(LEASE).minusSeconds(1));

                assertThat(beforeLease.delivered()).as("the unclaimed ones").isEqualTo(pendingAtKill.size()
                        - orphaned.size());
                assertThat(orphaned).allSatisfy(r -> assertThat(storage.reminders().findById(r.id()).orElseThrow())
                        .satisfies(now -> {
                            assertThat(now.status()).isEqualTo(ReminderStatus.PENDING);
                            assertThat(now.claimedBy()).isEqualTo(DOOMED);
                        }));
                assertThat(channel.read().attempts()).filteredOn(a -> a[1].equals(SURVIVOR))
                        .noneMatch(a -> orphanedKeys.contains(a[0]));

                FireReport afterLease = survivor.scheduler().fireDue(NOW.plus(LEASE));
                SharedChannel.Deliveries end = channel.read();

                assertThat(afterLease.delivered()).isEqualTo(orphaned.size());
                assertThat(end.attemptsByKey().keySet()).as("every key accepted by the channel")
                        .containsExactlyInAnyOrderElementsOf(keys);
                assertThat(end.repeats()).as("attempts the channel dropped").isEqualTo(inFlight.size());
                assertThat(end.attemptsByKey()).allSatisfy((key, attempts) ->
                        assertThat(attempts).isEqualTo(inFlight.contains(key) ? 2 : 1));
                assertThat(storage.reminders().findPending(NOW.plus(Duration.ofDays(1)), 10)).isEmpty();
                assertThat(orphaned).allSatisfy(r -> assertThat(storage.reminders().findById(r.id()).orElseThrow())
                        .satisfies(now -> {
                            assertThat(now.status()).isEqualTo(ReminderStatus.FIRED);
                            assertThat(now.attempts()).isEqualTo(2);
                        }));
                System.out.printf("%s%s: node killed %d ms after it started, having sent %d of %d reminders and "
                                + "holding %d claims (%d of them sent, not recorded); before the lease the survivor "
                                + "fired %d unclaimed and none of the orphaned, after it the %d orphaned; %d keys "
                                + "accepted once each, %d raw repeated attempts dropped by the channel%n",
                        database, skipLocked ? "" : " (guarded claims)", sentAfter, atKill.raw(), REMINDERS,
                        orphaned.size(), inFlight.size(),
                        beforeLease.delivered(), afterLease.delivered(), end.attemptsByKey().size(), end.repeats());
            } finally {
                if (node.isAlive()) {
                    node.destroyForcibly();
                }
            }
        }

        @Test
        @DisplayName("a node killed inside its claim's transaction: the claim never was, no reminder waits for a lease")
        void killedWhileClaiming() throws Exception {
            List<String> keys = saveReminders();
            Path dir = directory("claiming");
            Path log = dir.resolve("node.log");
            SharedChannel channel = new SharedChannel(dir.resolve("channel.log"));

            Process node = start(dir.resolve("channel.log"), log, 1, true);
            try {
                awaitOutput(node, log, SlowNode.HOLDING);
                kill(node);

                assertThat(storage.reminders().findPending(NOW.plus(Duration.ofDays(1)), 1000)).hasSize(REMINDERS)
                        .allSatisfy(r -> {
                            assertThat(r.claimedBy()).isNull();
                            assertThat(r.attempts()).isZero();
                        });
                Crm survivor = survivor(channel);
                // The database ends the killed node's transaction when it sees the connection closed; until then a
                // claim skips (or waits for) the rows it locked. The timer of a real node calls again, as here.
                int calls = 0;
                int delivered = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (delivered < REMINDERS && System.nanoTime() < deadline) {
                    delivered += survivor.scheduler().fireDue(NOW).delivered();
                    calls++;
                    if (delivered < REMINDERS) {
                        Thread.sleep(50);
                    }
                }
                SharedChannel.Deliveries end = channel.read();

                assertThat(delivered).as("delivered at once, before any lease ended").isEqualTo(REMINDERS);
                assertThat(end.attemptsByKey().keySet()).containsExactlyInAnyOrderElementsOf(keys);
                assertThat(end.repeats()).isZero();
                assertThat(end.from(DOOMED)).isZero();
                assertThat(storage.reminders().findPending(NOW.plus(Duration.ofDays(1)), 10)).isEmpty();
                assertThat(storage.reminders().findByKey(keys.get(0)).orElseThrow().attempts()).isEqualTo(1);
                System.out.printf("%s%s: node killed inside its claim's transaction; the survivor fired all %d "
                                + "reminders at the same moment, in %d call(s) of fireDue, %d raw repeated attempts%n",
                        database, skipLocked ? "" : " (guarded claims)", REMINDERS, calls, end.repeats());
            } finally {
                if (node.isAlive()) {
                    node.destroyForcibly();
                }
            }
        }

        /** Empties the tables and saves {@link #REMINDERS} reminders due before {@link #NOW}, one per recipient. */
        private List<String> saveReminders() {
            database.cleanSchema(PREFIX);
            List<String> keys = new ArrayList<>();
            storage.transactions().inTransaction(() -> {
                for (int i = 0; i < REMINDERS; i++) {
                    Notification n = new Notification("killed:" + i, "email", "manager-" + i, "reminder " + i, "",
                            List.of());
                    storage.reminders().save(Reminder.pending(ReminderId.of(new UUID(((long) i << 16) | 0x7000L,
                            0x8000_0000_0000_0000L | 0x4b1dL << 32 | i)), n, NOW.minusSeconds(REMINDERS - i), null,
                            null, NOW));
                    keys.add(n.key());
                }
                return null;
            });
            return keys;
        }

        /** A fresh folder for the channel and the node's output of one scenario. */
        private Path directory(String scenario) throws IOException {
            Path dir = Files.createDirectories(Path.of("target", "killed-node",
                    database.name().toLowerCase() + (skipLocked ? "" : "-guarded") + "-" + scenario));
            Files.deleteIfExists(dir.resolve("channel.log"));
            return dir;
        }

        private Crm survivor(SharedChannel channel) {
            return Crm.builder().storage(storage).defaultClassifiers(false).notifier(channel.notifier(SURVIVOR))
                    .scheduler(SchedulerSettings.defaults().withNode(SURVIVOR).withLease(LEASE).withBatchSize(50)
                            .withEvaluateEvery(Duration.ofDays(1)))
                    .build();
        }

        /** Kills {@code node} with SIGKILL, and checks it is gone. */
        private static void kill(Process node) throws InterruptedException {
            ProcessHandle handle = node.toHandle();
            node.destroyForcibly();
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("the node ended").isTrue();
            assertThat(node.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
            assertThat(handle.isAlive()).isFalse();
        }

        /**
         * Starts {@link SlowNode} in a JVM of its own on this database, its output in {@code log}; with
         * {@code holdClaim}, it stops inside its first claim's transaction.
         */
        private Process start(Path channelFile, Path log, int threads, boolean holdClaim) throws IOException {
            HikariDataSource pool = (HikariDataSource) database.dataSource();
            String java = ProcessHandle.current().info().command().orElseThrow();
            List<String> command = List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"),
                    "-Dorg.jboss.logging.provider=slf4j", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    SlowNode.class.getName(),
                    "url=" + pool.getJdbcUrl(), "user=" + pool.getUsername(), "prefix=" + PREFIX, "node=" + DOOMED,
                    "channel=" + channelFile.toAbsolutePath(), "now=" + NOW, "lease=" + LEASE.toSeconds(),
                    "batch=" + BATCH, "threads=" + threads, "pause=" + PAUSE_MILLIS,
                    "skipLocked=" + skipLocked, "holdClaim=" + holdClaim);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("CRM_NODE_DB_PASSWORD", pool.getPassword() == null ? "" : pool.getPassword());
            return builder.start();
        }

        /** Waits until the node printed {@code line}, failing if it ends or takes too long. */
        private static void awaitOutput(Process node, Path log, String line) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readAllLines(log, StandardCharsets.UTF_8).contains(line)) {
                if (!node.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("the node " + (node.isAlive() ? "did not print '" + line + "' in 120 s"
                            : "ended") + "; its output:\n" + Files.readString(log, StandardCharsets.UTF_8));
                }
                Thread.sleep(20);
            }
        }

        /** Waits until the node has sent {@link #KILL_AFTER} reminders, failing if it ends or takes too long. */
        private static void awaitDeliveries(Process node, SharedChannel channel, Path log) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (channel.read().raw() < KILL_AFTER) {
                if (!node.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("the node " + (node.isAlive() ? "sent too little in 120 s" : "ended")
                            + "; its output:\n" + Files.readString(log, StandardCharsets.UTF_8));
                }
                Thread.sleep(20);
            }
        }
    }
}
