package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.crm4j.core.Crm;
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
 * Three application nodes sharing one database, each a {@link Crm} on its own {@link JpaStorage} (its own entity
 * manager factory and connection pool), ten threads each calling {@code crm.scheduler().fireDue(now)} until
 * nothing is left: 10,000 reminders due now are each delivered exactly once, and every one ends fired. The time it
 * took is printed, not asserted (performance is measured by the benchmarks).
 */
class FireDueAcrossNodesTest {

    @Nested
    class OnH2 extends ThreeNodes {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends ThreeNodes {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    @Nested
    class OnMariaDb extends ThreeNodes {
        OnMariaDb() {
            super(TestDatabase.MARIADB);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class ThreeNodes {
        private static final String PREFIX = "fire_";
        private static final int REMINDERS = 10_000;
        private static final int NODES = 3;
        private static final int THREADS = 10;
        private final TestDatabase database;
        private final List<JpaStorage> storages = new ArrayList<>();

        ThreeNodes(TestDatabase database) {
            this.database = database;
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            DataSource ds = database.cleanSchema(PREFIX);
            for (int n = 0; n < NODES; n++) {
                storages.add(database.storage(ds, PREFIX));
            }
        }

        @AfterAll
        void close() {
            storages.forEach(JpaStorage::close);
        }

        @Test
        @DisplayName("3 nodes x 10 threads firing 10,000 due reminders: each delivered once, none missed")
        void eachOnce() throws Exception {
            Instant now = ClientFixture.T0;
            JpaStorage setup = storages.get(0);
            setup.transactions().inTransaction(() -> {
                for (int i = 0; i < REMINDERS; i++) {
                    Notification n = new Notification("load:" + i, "email", "manager-" + (i % 50), "reminder " + i,
                            "", List.of());
                    setup.reminders().save(Reminder.pending(ReminderId.of(new UUID(((long) i << 16) | 0x7000L,
                            0x8000_0000_0000_0000L | i)), n, now.minusSeconds(i % 600), null, null, now));
                }
                return null;
            });
            Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
            List<Crm> nodes = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                nodes.add(Crm.builder().storage(storages.get(n)).defaultClassifiers(false)
                        .notifier(note -> deliveries.computeIfAbsent(note.key(), k -> new AtomicInteger())
                                .incrementAndGet())
                        .scheduler(SchedulerSettings.defaults().withNode("node-" + n).withBatchSize(50)
                                .withEvaluateEvery(Duration.ofDays(1)))
                        .build());
            }
            ExecutorService pool = Executors.newFixedThreadPool(NODES * THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            try {
                for (int t = 0; t < NODES * THREADS; t++) {
                    Crm node = nodes.get(t % NODES);
                    runs.add(pool.submit(() -> {
                        start.await();
                        return node.scheduler().fireDue(now).delivered();
                    }));
                }
                long began = System.nanoTime();
                start.countDown();
                int delivered = 0;
                for (Future<Integer> run : runs) {
                    delivered += run.get(10, TimeUnit.MINUTES);
                }
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                System.out.printf("%s: %d reminders fired by %d nodes x %d threads in %d ms%n", database,
                        REMINDERS, NODES, THREADS, millis);

                assertThat(delivered).isEqualTo(REMINDERS);
                assertThat(deliveries).hasSize(REMINDERS);
                assertThat(deliveries.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
                assertThat(setup.reminders().findPending(now.plus(Duration.ofDays(365)), 10)).isEmpty();
                assertThat(setup.reminders().findByKey("load:4321").orElseThrow().status())
                        .isEqualTo(ReminderStatus.FIRED);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
