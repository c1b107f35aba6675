package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crm4j.client.ClientCard;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.task.DayAgenda;
import org.crm4j.core.task.NewTask;
import org.crm4j.core.task.OverduePolicy;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.task.Task;
import org.crm4j.task.TaskKind;
import org.crm4j.task.TaskStatus;
import org.crm4j.task.WorkBlockedException;
import org.crm4j.tck.ClientFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tasks cost a fixed number of SQL statements on crm-jpa whatever the number of tasks: an agenda is one select,
 * completing a task a select and an update, recording a call with a next contact adds one select and one insert
 * for its follow-up. The overdue policy's refusal is on every database too.
 */
class TaskStatementCountTest {

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
        private static final String PREFIX = "taskcount_";
        private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
        private static final Instant NOW = Instant.parse("2026-03-10T06:00:00Z");
        private static final EmployeeId ANNA = EmployeeId.of("anna");
        private final TestDatabase database;
        private final StatementCounter counter = new StatementCounter();
        private final SettableClock clock = SettableClock.at(NOW, MOSCOW);
        private JpaStorage storage;
        private Crm crm;

        Counting(TestDatabase database) {
            this.database = database;
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            storage = database.storage(counter.wrap(database.cleanSchema(PREFIX)), PREFIX);
            crm = Crm.builder().storage(storage).clock(clock).zone(MOSCOW)
                    .overduePolicy(OverduePolicy.blockAfter(2, Duration.ofHours(1))).build();
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
            clock.set(NOW);
        }

        private Task task(TaskKind kind, int n, Instant due) {
            return crm.tasks().create(NewTask.at(kind, "Задача " + n, ANNA, due));
        }

        @Test
        @DisplayName("an agenda is one select, among 4 open tasks or among 80, and splits them by the day's zone")
        void agendaIsOneSelect() {
            LocalDate day = LocalDate.of(2026, 3, 10);
            List<Map<String, Long>> costs = new ArrayList<>();
            DayAgenda[] agenda = new DayAgenda[1];
            for (int n = 0; n < 80; n++) {
                if (n == 4) {
                    costs.add(counter.counted(() -> agenda[0] = crm.agenda().of(ANNA, day, MOSCOW, 7)));
                    assertThat(agenda[0].dueToday()).hasSize(4);
                }
                task(n % 4 == 0 ? TaskKind.MEETING : TaskKind.CALL, n, NOW.plus(Duration.ofHours(3L * n)));
            }
            costs.add(counter.counted(() -> agenda[0] = crm.agenda().of(ANNA, day, MOSCOW, 7)));

            assertThat(costs).containsOnly(Map.of("select", 1L));
            // 06:00Z is 09:00 in Moscow: the day holds 06:00Z to 21:00Z, every 3 hours from 06:00Z.
            assertThat(agenda[0].dueToday()).hasSize(5);
            assertThat(agenda[0].meetings()).hasSize(2);
            assertThat(agenda[0].upcoming()).hasSize(56);
            assertThat(agenda[0].overdue()).isEmpty();
        }

        @Test
        @DisplayName("completing a task is one select and one update, whatever the number of tasks")
        void completingIsConstant() {
            Task first = task(TaskKind.CALL, 1, NOW.plusSeconds(600));
            Map<String, Long> alone = counter.counted(() -> crm.tasks().complete(first.id(), first.version()));
            for (int n = 2; n < 60; n++) {
                task(TaskKind.CALL, n, NOW.plusSeconds(600L * n));
            }
            Task last = task(TaskKind.CALL, 60, NOW.plusSeconds(600));
            Map<String, Long> among = counter.counted(() -> crm.tasks().complete(last.id(), last.version()));

            assertThat(alone).isEqualTo(Map.of("select", 1L, "update", 1L));
            assertThat(among).isEqualTo(alone);
            assertThat(crm.tasks().get(last.id()).status()).isEqualTo(TaskStatus.DONE);
        }

        @Test
        @DisplayName("recording a call with a next contact adds its follow-up: one select and one insert, once")
        void followUp() {
            crm.classifiers().defineMissing(org.crm4j.core.classifier.Classifiers.defaults());
            ClientCard card = ClientFixture.organisation(1);
            storage.clients().save(card);
            Interaction call = Interaction.builder().id(InteractionId.of(new UUID(12, 1))).externalId("pbx-12")
                    .type("call-in").direction(Direction.INBOUND).channel(Channel.PHONE).at(NOW)
                    .manager(ANNA).client(card.id()).subject("Звонок").nextContact(LocalDate.of(2026, 3, 12))
                    .recordedAt(NOW).build();

            Map<String, Long> recording = counter.counted(() -> crm.interactions().record(call));
            Map<String, Long> again = counter.counted(() -> crm.interactions().record(call));

            assertThat(recording).isEqualTo(Map.of("select", 4L, "insert", 2L));
            assertThat(again).isEqualTo(Map.of("select", 1L));
            List<Task> tasks = crm.tasks().ofClient(card.id(), 10);
            assertThat(tasks).singleElement().satisfies(t -> {
                assertThat(t.kind()).isEqualTo(TaskKind.FOLLOW_UP);
                assertThat(t.dueDate()).isEqualTo(LocalDate.of(2026, 3, 12));
                assertThat(t.due()).isEqualTo(Instant.parse("2026-03-12T20:59:59.999999Z"));
            });
        }

        @Test
        @DisplayName("with three tasks overdue past the grace, a new task is refused with one select and nothing written")
        void policyRefusal() {
            for (int n = 1; n <= 3; n++) {
                task(TaskKind.INVOICE, n, NOW.plusSeconds(60L * n));
            }
            clock.set(NOW.plus(Duration.ofHours(3)));

            Map<String, Long> refused = counter.counted(() -> {
                try {
                    task(TaskKind.CALL, 4, NOW.plus(Duration.ofDays(1)));
                    throw new AssertionError("the policy let a blocked employee take a task");
                } catch (WorkBlockedException e) {
                    assertThat(e.blocking()).hasSize(3);
                    assertThat(e.getMessage()).contains("Задача 1", "Задача 2", "Задача 3");
                }
            });

            assertThat(refused).isEqualTo(Map.of("select", 1L));
            assertThat(crm.tasks().openOf(ANNA, NOW.plus(Duration.ofDays(2)), 10)).hasSize(3);
        }
    }
}
