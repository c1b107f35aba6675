package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.crm4j.core.Crm;
import org.crm4j.core.schedule.SchedulerSettings;
import org.crm4j.notification.Notification;
import org.crm4j.schedule.Reminder;
import org.crm4j.schedule.ReminderId;
import org.crm4j.schedule.ReminderStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Leases and clocks with the scheduler on a real database: a node whose channel is slower than its lease keeps its
 * batch by extending the leases while another node keeps asking for work, and nodes whose clocks are an hour off
 * judge due-ness by the database's clock, on H2, PostgreSQL and MariaDB.
 */
class LeasesOnDatabaseTest {

    @Nested
    class OnH2 extends Leases {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends Leases {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    @Nested
    class OnMariaDb extends Leases {
        OnMariaDb() {
            super(TestDatabase.MARIADB);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Leases {
        private static final String PREFIX = "leases_";
        private final TestDatabase database;
        private final List<String> delivered = new CopyOnWriteArrayList<>();
        private DataSource dataSource;
        private JpaStorage storage;

        Leases(TestDatabase database) {
            this.database = database;
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            dataSource = database.cleanSchema(PREFIX);
            storage = database.storage(dataSource, PREFIX);
        }

        @AfterAll
        void close() {
            if (storage != null) {
                storage.close();
            }
        }

        @BeforeEach
        void clean() {
            database.cleanSchema(PREFIX);
            delivered.clear();
        }

        private Crm node(String name, Clock clock, SchedulerSettings settings, Notifying channel) {
            return Crm.builder().storage(storage).clock(clock).defaultClassifiers(false)
                    .notifier(channel::deliver)
                    .scheduler(settings.withNode(name).withEvaluateEvery(Duration.ofDays(1))).build();
        }

        private interface Notifying {
            void deliver(Notification note);
        }

        private void save(int n, String recipient, Instant due) {
            storage.reminders().save(Reminder.pending(ReminderId.of(new UUID(0x1ea5e, n)),
                    new Notification("lease:" + n, "sms", recipient, "reminder " + n, "", List.of()), due, null,
                    null, due));
        }

        @Test
        @DisplayName("a channel slower than the lease: the node extends its leases while another node asks for work")
        void heartbeat() throws Exception {
            Instant now = storage.reminders().currentTime();
            for (int n = 1; n <= 6; n++) {
                save(n, "manager-" + n, now.minusSeconds(1));
            }
            SchedulerSettings settings = SchedulerSettings.defaults().withLease(Duration.ofSeconds(1));
            CountDownLatch claimed = new CountDownLatch(1);
            Crm slow = node("node-slow", Clock.systemUTC(), settings, note -> {
                claimed.countDown();
                sleep(400);
                delivered.add("slow:" + note.key());
            });
            Crm eager = node("node-eager", Clock.systemUTC(), settings, note -> delivered.add("eager:" + note.key()));
            AtomicBoolean working = new AtomicBoolean(true);
            Map<String, Integer> eagerRounds = new ConcurrentHashMap<>();
            Thread other = new Thread(() -> {
                try {
                    claimed.await();            // the slow node holds the batch: now look for work
                } catch (InterruptedException e) {
                    return;
                }
                while (working.get()) {
                    eager.scheduler().fireDue(Instant.now());
                    eagerRounds.merge("rounds", 1, Integer::sum);
                    sleep(50);
                }
            });

            other.start();
            int fired;
            try {
                fired = slow.scheduler().fireDue(Instant.now()).delivered();
            } finally {
                working.set(false);
                claimed.countDown();
                other.join();
            }

            assertThat(fired).isEqualTo(6);
            assertThat(delivered).hasSize(6).allSatisfy(d -> assertThat(d).startsWith("slow:"));
            assertThat(eagerRounds.get("rounds")).as("the other node kept asking").isGreaterThan(5);
            for (int n = 1; n <= 6; n++) {
                Reminder r = storage.reminders().findByKey("lease:" + n).orElseThrow();
                assertThat(r.status()).isEqualTo(ReminderStatus.FIRED);
                assertThat(r.attempts()).isEqualTo(1);
            }
        }

        @Test
        @DisplayName("nodes an hour off the database's clock judge due-ness by it; one on its own clock does not")
        void databaseClock() {
            Instant db = storage.reminders().currentTime();
            save(1, "manager", db.minusSeconds(1));
            save(2, "manager-2", db.plus(Duration.ofMinutes(30)));
            Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
            Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
            SchedulerSettings byDatabase = SchedulerSettings.defaults().withDatabaseClock(true);
            Crm late = node("node-behind", behind, byDatabase, note -> delivered.add("behind:" + note.key()));
            Crm early = node("node-ahead", ahead, byDatabase, note -> delivered.add("ahead:" + note.key()));
            Crm own = node("node-own", ahead, SchedulerSettings.defaults(), note -> delivered.add("own:" + note.key()));

            assertThat(late.scheduler().fireDue(behind.instant()).delivered()).isEqualTo(1);
            assertThat(early.scheduler().fireDue(ahead.instant()).delivered()).isZero();
            assertThat(own.scheduler().fireDue(ahead.instant()).delivered()).isEqualTo(1);

            assertThat(delivered).containsExactly("behind:lease:1", "own:lease:2");
            Reminder fired = storage.reminders().findByKey("lease:1").orElseThrow();
            assertThat(fired.firedAt()).isBetween(db, storage.reminders().currentTime());
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
