package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.schedule.Reminder;
import org.crm4j.schedule.ReminderId;
import org.crm4j.schedule.ReminderStatus;
import org.crm4j.tck.ClientFixture;
import org.crm4j.tck.ReminderStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two application nodes sharing one database, each with its own {@link JpaStorage} (its own entity manager
 * factory, persistence contexts and connections): their claims never overlap, and the reminders of a node that
 * stopped after claiming are taken over once its lease ends, while its late report of a delivery is refused.
 */
class ReminderClaimsAcrossNodesTest {

    @Nested
    class OnH2 extends TwoNodes {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends TwoNodes {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    @Nested
    class OnMariaDb extends TwoNodes {
        OnMariaDb() {
            super(TestDatabase.MARIADB);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class TwoNodes {
        private static final String PREFIX = "nodes_";
        private final TestDatabase database;
        private JpaStorage first;
        private JpaStorage second;
        private JpaStorage firstGuarded;
        private JpaStorage secondGuarded;

        TwoNodes(TestDatabase database) {
            this.database = database;
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            DataSource ds = database.cleanSchema(PREFIX);
            first = database.storage(ds, PREFIX);
            second = database.storage(ds, PREFIX);
            firstGuarded = database.storage(ds, PREFIX, false);
            secondGuarded = database.storage(ds, PREFIX, false);
        }

        @AfterAll
        void close() {
            for (JpaStorage node : new JpaStorage[] {first, second, firstGuarded, secondGuarded}) {
                if (node != null) {
                    node.close();
                }
            }
        }

        @BeforeEach
        void clean() {
            database.cleanSchema(PREFIX);
        }

        private static Instant at(long minutes) {
            return ClientFixture.later(minutes);
        }

        @Test
        @DisplayName("two nodes, two threads each, claiming 300 due reminders with skip locked: each fires once")
        void eachFiresOnce() throws Exception {
            eachFiresOnce(first, second);
        }

        @Test
        @DisplayName("the same with version-guarded claims, and with one node of each kind")
        void eachFiresOnceGuarded() throws Exception {
            eachFiresOnce(firstGuarded, secondGuarded);
            clean();
            eachFiresOnce(first, secondGuarded);
        }

        private void eachFiresOnce(JpaStorage one, JpaStorage other) throws Exception {
            int count = 300;
            for (int n = 1; n <= count; n++) {
                one.reminders().save(ReminderStoreContract.reminder(n, n % 23));
            }
            AtomicInteger fired = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            List<Future<List<ReminderId>>> answers = new ArrayList<>();
            try {
                for (int t = 0; t < 4; t++) {
                    JpaStorage node = t % 2 == 0 ? one : other;
                    String owner = (t % 2 == 0 ? "node-1/" : "node-2/") + t;
                    answers.add(threads.submit(() -> {
                        List<ReminderId> mine = new ArrayList<>();
                        start.await();
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                        while (fired.get() < count && System.nanoTime() < deadline) {
                            for (Reminder r : node.reminders().claimDue(at(30), owner, at(40), 10)) {
                                node.reminders().save(r.closed(ReminderStatus.FIRED, at(31)));
                                mine.add(r.id());
                                fired.incrementAndGet();
                            }
                        }
                        return mine;
                    }));
                }
                start.countDown();
                List<ReminderId> all = new ArrayList<>();
                for (Future<List<ReminderId>> answer : answers) {
                    all.addAll(answer.get(90, TimeUnit.SECONDS));
                }

                assertThat(all).doesNotHaveDuplicates().hasSize(count);
                assertThat(other.reminders().findPending(at(100), 1000)).isEmpty();
                assertThat(one.reminders().findById(ReminderStoreContract.id(7)).orElseThrow())
                        .satisfies(r -> {
                            assertThat(r.status()).isEqualTo(ReminderStatus.FIRED);
                            assertThat(r.attempts()).isEqualTo(1);
                        });
            } finally {
                threads.shutdownNow();
            }
        }

        @Test
        @DisplayName("a node that stopped after claiming loses its reminders when its lease ends, and its late report")
        void takeOverAfterLease() {
            for (int n = 1; n <= 3; n++) {
                first.reminders().save(ReminderStoreContract.reminder(n, n));
            }
            List<Reminder> claimedByFirst = first.reminders().claimDue(at(5), "node-1", at(10), 10);

            assertThat(second.reminders().claimDue(at(9), "node-2", at(20), 10)).isEmpty();
            List<Reminder> takenOver = second.reminders().claimDue(at(10), "node-2", at(20), 10);

            assertThat(takenOver).extracting(Reminder::id)
                    .containsExactlyElementsOf(claimedByFirst.stream().map(Reminder::id).toList());
            assertThat(takenOver).allSatisfy(r -> assertThat(r.attempts()).isEqualTo(2));
            second.reminders().save(takenOver.get(0).closed(ReminderStatus.FIRED, at(11)));
            assertThatThrownBy(() -> first.reminders().save(claimedByFirst.get(0)
                    .closed(ReminderStatus.FIRED, at(12)))).isInstanceOf(ConcurrentModificationException.class);
            assertThat(first.reminders().findById(claimedByFirst.get(0).id()).orElseThrow().firedAt())
                    .isEqualTo(at(11));
        }
    }
}
