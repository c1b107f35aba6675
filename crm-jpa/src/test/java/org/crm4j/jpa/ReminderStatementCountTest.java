package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientId;
import org.crm4j.client.ManagerAssignment;
import org.crm4j.common.EmployeeId;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.schedule.IdleClient;
import org.crm4j.schedule.Reminder;
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
 * What reminders and the schedule's questions cost in SQL statements on crm-jpa. A claim is a {@code select … for
 * update skip locked} and one update, whatever the number claimed or stored; without {@code skip locked}, one select
 * of the candidates and one guarded update per candidate: {@code 1 + k} statements for {@code k} reminders claimed,
 * whatever the number stored. The idle clients are one select whatever the number of clients and interactions; a page
 * of managed clients three (cards, parts, contact persons).
 */
class ReminderStatementCountTest {

    @Nested
    class OnH2 extends Counting {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends Counting {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    @Nested
    class OnMariaDb extends Counting {
        OnMariaDb() {
            super(TestDatabase.MARIADB);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Counting {
        private static final String PREFIX = "remindcount_";
        private static final EmployeeId ANNA = EmployeeId.of("anna");
        private final TestDatabase database;
        private final StatementCounter counter = new StatementCounter();
        private JpaStorage storage;
        private JpaStorage guarded;

        Counting(TestDatabase database) {
            this.database = database;
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            DataSource counted = counter.wrap(database.cleanSchema(PREFIX));
            storage = database.storage(counted, PREFIX);
            guarded = database.storage(counted, PREFIX, false);
        }

        @AfterAll
        void close() {
            for (JpaStorage s : new JpaStorage[] {storage, guarded}) {
                if (s != null) {
                    s.close();
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
        @DisplayName("a claim is a select of the first reminder of each recipient, a locking select and one update, "
                + "claiming 1 reminder among 5 or 10 among 120")
        void claimIsThreeStatements() {
            for (int n = 1; n <= 5; n++) {
                storage.reminders().save(ReminderStoreContract.reminder(n, n));
            }
            Map<String, Long> one = counter.counted(() ->
                    assertThat(storage.reminders().claimDue(at(10), "node-a", at(20), 1)).hasSize(1));
            for (int n = 6; n <= 120; n++) {
                storage.reminders().save(ReminderStoreContract.reminder(n, n % 9 + 1));
            }
            Map<String, Long> ten = counter.counted(() ->
                    assertThat(storage.reminders().claimDue(at(10), "node-b", at(20), 10)).hasSize(10));
            Map<String, Long> seven = counter.counted(() ->
                    assertThat(storage.reminders().claimDue(at(10), "node-c", at(20), 7)).hasSize(7));
            Map<String, Long> none = counter.counted(() ->
                    assertThat(storage.reminders().claimDue(at(0), "node-d", at(20), 10)).isEmpty());

            assertThat(List.of(one, ten, seven)).containsOnly(Map.of("select", 2L, "update", 1L));
            assertThat(none).isEqualTo(Map.of("select", 1L));
            assertThat(storage.reminders().findPending(at(100), 1000)).filteredOn(r -> r.claimedBy() != null)
                    .hasSize(18).allSatisfy(r -> assertThat(r.attempts()).isEqualTo(1));
        }

        @Test
        @DisplayName("without skip locked, a claim is one select and one update per reminder, among 5 or among 120")
        void guardedClaimIsOneSelectAndAnUpdatePerReminder() {
            for (int n = 1; n <= 5; n++) {
                guarded.reminders().save(ReminderStoreContract.reminder(n, n));
            }
            Map<String, Long> one = counter.counted(() ->
                    assertThat(guarded.reminders().claimDue(at(10), "node-a", at(20), 1)).hasSize(1));
            for (int n = 6; n <= 120; n++) {
                guarded.reminders().save(ReminderStoreContract.reminder(n, n % 9 + 1));
            }
            Map<String, Long> ten = counter.counted(() ->
                    assertThat(guarded.reminders().claimDue(at(10), "node-b", at(20), 10)).hasSize(10));
            Map<String, Long> none = counter.counted(() ->
                    assertThat(guarded.reminders().claimDue(at(0), "node-c", at(20), 10)).isEmpty());

            assertThat(one).isEqualTo(Map.of("select", 1L, "update", 1L));
            assertThat(ten).isEqualTo(Map.of("select", 1L, "update", 10L));
            assertThat(none).isEqualTo(Map.of("select", 1L));
        }

        @Test
        @DisplayName("a claim of runs per recipient is four statements, claiming 60 of 20 recipients' 120 reminders")
        void claimOfRunsIsFourStatements() {
            for (int n = 1; n <= 120; n++) {
                storage.reminders().save(toManager(n, n % 20, n));
            }
            List<Reminder> claimed = new ArrayList<>();
            Map<String, Long> runs = counter.counted(() ->
                    claimed.addAll(storage.reminders().claimDue(at(200), "node-a", at(300), 60, 3)));

            assertThat(runs).isEqualTo(Map.of("select", 3L, "update", 1L));
            assertThat(claimed).hasSize(60);
            Map<String, List<Reminder>> byRecipient = new java.util.TreeMap<>();
            claimed.forEach(r -> byRecipient.computeIfAbsent(r.notification().recipient(), k -> new ArrayList<>())
                    .add(r));
            assertThat(byRecipient).hasSize(20).allSatisfy((recipient, run) -> assertThat(run).hasSize(3));
        }

        @Test
        @DisplayName("extending the leases of 50 claimed reminders is one update")
        void extensionIsOneUpdate() {
            for (int n = 1; n <= 50; n++) {
                storage.reminders().save(ReminderStoreContract.reminder(n, n));
            }
            List<Reminder> held = storage.reminders().claimDue(at(60), "node-a", at(70), 100);
            Map<String, Long> extension = counter.counted(() ->
                    assertThat(storage.reminders().extendClaims(held, at(80))).hasSize(50));
            assertThat(extension).isEqualTo(Map.of("update", 1L));
        }

        @Test
        @DisplayName("firing 1,000 reminders of 20 recipients costs at most 1.05 statements a reminder")
        void firingCost() {
            storage.transactions().inTransaction(() -> {
                for (int n = 1; n <= 1000; n++) {
                    storage.reminders().save(toManager(n, n % 20, n % 50));
                }
                return null;
            });
            org.crm4j.core.Crm crm = org.crm4j.core.Crm.builder().storage(storage).defaultClassifiers(false)
                    .notifier(note -> { })
                    .scheduler(org.crm4j.core.schedule.SchedulerSettings.defaults().withNode("node-a")
                            .withEvaluateEvery(Duration.ofDays(1)))
                    .build();
            crm.scheduler().fireDue(at(-100));      // the first evaluation of the rules (none), before any is due
            int[] delivered = new int[1];
            Map<String, Long> firing = counter.counted(() -> delivered[0] = crm.scheduler().fireDue(at(60))
                    .delivered());

            long statements = firing.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("%s: %d reminders fired with %s, %.3f statements a reminder%n", database,
                    delivered[0], firing, statements / 1000.0);
            assertThat(delivered[0]).isEqualTo(1000);
            assertThat(statements / 1000.0).isLessThanOrEqualTo(1.05);
        }

        /** A reminder numbered {@code n} to manager {@code m}, due {@code minutes} after T0. */
        private static Reminder toManager(int n, int m, long minutes) {
            Reminder r = ReminderStoreContract.reminder(n, minutes);
            org.crm4j.notification.Notification n0 = r.notification();
            return Reminder.pending(r.id(), new org.crm4j.notification.Notification(n0.key(), "email", "manager-" + m,
                    n0.subject(), n0.body(), n0.links()), r.due(), null, r.rule(), r.createdAt());
        }

        @Test
        @DisplayName("a save is one insert or one update; a lookup or the pending list one select")
        void savesAndLookups() {
            Reminder reminder = ReminderStoreContract.reminder(1, 5);
            Reminder[] stored = new Reminder[1];

            Map<String, Long> insert = counter.counted(() -> stored[0] = storage.reminders().save(reminder));
            Map<String, Long> update = counter.counted(() ->
                    storage.reminders().save(stored[0].closed(ReminderStatus.FIRED, at(6))));
            Map<String, Long> byKey = counter.counted(() ->
                    assertThat(storage.reminders().findByKey(reminder.key())).isPresent());
            Map<String, Long> pending = counter.counted(() ->
                    assertThat(storage.reminders().findPending(at(100), 100)).isEmpty());

            assertThat(insert).isEqualTo(Map.of("insert", 1L));
            assertThat(update).isEqualTo(Map.of("update", 1L));
            assertThat(byKey).isEqualTo(Map.of("select", 1L));
            assertThat(pending).isEqualTo(Map.of("select", 1L));
        }

        @Test
        @DisplayName("the idle clients are one select among 3 clients or among 60 with 180 interactions")
        void idleIsOneSelect() {
            List<Map<String, Long>> costs = new ArrayList<>();
            List<List<IdleClient>> answers = new ArrayList<>();
            Instant before = ClientFixture.T0.plus(Duration.ofDays(10));
            for (int n = 1; n <= 60; n++) {
                if (n == 4) {
                    costs.add(counter.counted(() -> answers.add(storage.scheduleQuery().idleClients(before, null, 50))));
                }
                ClientId id = ClientFixture.id(n);
                storage.clients().save(ClientFixture.minimal(n, "Клиент " + n).toBuilder()
                        .assignment(new ManagerAssignment(ANNA, ClientFixture.T0, null, null)).build());
                for (int k = 0; k < 3; k++) {
                    storage.interactions().insert(call(id, 3 * n + k, n % 2 == 0 ? 2 + k : 12 + k));
                }
            }
            costs.add(counter.counted(() -> answers.add(storage.scheduleQuery().idleClients(before, null, 50))));
            ClientId after = answers.get(1).get(9).client();
            costs.add(counter.counted(() -> answers.add(storage.scheduleQuery().idleClients(before, after, 5))));

            assertThat(costs).containsOnly(Map.of("select", 1L));
            assertThat(answers.get(0)).hasSize(1);   // the second client: the first and third were called after day 10
            assertThat(answers.get(1)).hasSize(30).allSatisfy(idle ->
                    assertThat(idle.lastContact()).isEqualTo(ClientFixture.T0.plus(Duration.ofDays(4))));
            assertThat(answers.get(2)).containsExactlyElementsOf(answers.get(1).subList(10, 15));
        }

        @Test
        @DisplayName("a page of managed clients is three selects, among 2 clients or among 40")
        void managedIsThreeSelects() {
            List<Map<String, Long>> costs = new ArrayList<>();
            for (int n = 1; n <= 40; n++) {
                if (n == 3) {
                    costs.add(counter.counted(() ->
                            assertThat(storage.scheduleQuery().managedClients(null, 20)).hasSize(2)));
                }
                storage.clients().save(ClientFixture.organisation(n));
            }
            costs.add(counter.counted(() ->
                    assertThat(storage.scheduleQuery().managedClients(null, 20)).hasSize(20)));
            List<ClientCard> first = storage.scheduleQuery().managedClients(null, 20);
            costs.add(counter.counted(() -> assertThat(storage.scheduleQuery()
                    .managedClients(first.get(19).id(), 20)).hasSize(20)));

            assertThat(costs).containsOnly(Map.of("select", 3L));
        }

        private static Interaction call(ClientId client, int n, long days) {
            Instant at = ClientFixture.T0.plus(Duration.ofDays(days));
            return Interaction.builder().id(InteractionId.of(new UUID(0x0190000000007600L, n))).type("call-in")
                    .direction(Direction.INBOUND).channel(Channel.PHONE).at(at).manager(ANNA).client(client)
                    .subject("Звонок " + n).recordedAt(at).build();
        }
    }
}
