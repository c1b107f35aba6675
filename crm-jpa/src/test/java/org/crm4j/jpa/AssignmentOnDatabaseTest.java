package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.classifier.ClassifierKind;
import org.crm4j.client.ClientForm;
import org.crm4j.client.ClientId;
import org.crm4j.client.ManagerAssignment;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.core.Crm;
import org.crm4j.core.assignment.AssignmentDecision;
import org.crm4j.core.assignment.AssignmentPolicy;
import org.crm4j.core.assignment.AssignmentReport;
import org.crm4j.core.assignment.AssignmentStep;
import org.crm4j.core.assignment.ReassignOptions;
import org.crm4j.core.assignment.Reassignment;
import org.crm4j.core.assignment.TieBreak;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.deal.NewDeal;
import org.crm4j.core.task.NewTask;
import org.crm4j.deal.Deal;
import org.crm4j.task.Task;
import org.crm4j.task.TaskKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Assigning and reassigning clients on crm-jpa: the rules read the managers' open work and assignment history in
 * one select each, whatever their size; a reassignment moves the open work, grows the history and creates one
 * handover in one transaction per client, on every database.
 */
class AssignmentOnDatabaseTest {

    @Nested
    class OnH2 extends Assigning {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends Assigning {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    @Nested
    class OnMariaDb extends Assigning {
        OnMariaDb() {
            super(TestDatabase.MARIADB);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Assigning {
        private static final String PREFIX = "assigning_";
        private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
        private static final Instant THURSDAY = Instant.parse("2026-04-02T07:00:00Z");
        private static final EmployeeId ANNA = EmployeeId.of("anna");
        private static final EmployeeId BORIS = EmployeeId.of("boris");
        private static final EmployeeId VERA = EmployeeId.of("vera");
        private static final EmployeeId HEAD = EmployeeId.of("head");

        private final TestDatabase database;
        private final StatementCounter counter = new StatementCounter();
        private final SettableClock clock = SettableClock.at(THURSDAY, MOSCOW);
        private JpaStorage storage;
        private Crm crm;
        private int clients;

        Assigning(TestDatabase database) {
            this.database = database;
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            storage = database.storage(counter.wrap(database.cleanSchema(PREFIX)), PREFIX);
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
            clock.set(THURSDAY);
            crm = crm(TieBreak.LEAST_LOADED);
        }

        private Crm crm(TieBreak tieBreak) {
            Crm built = Crm.builder().storage(storage).clock(clock).zone(MOSCOW)
                    .assignment(AssignmentPolicy.of(List.of(ANNA, BORIS, VERA), tieBreak,
                            AssignmentStep.ByRegion.of(Map.of("msk", List.of(ANNA, BORIS), "spb", List.of(VERA)))))
                    .build();
            built.classifiers().defineMissing(List.of(
                    ClassifierEntry.of(ClassifierKind.REGION, "msk", "Москва", "Moscow"),
                    ClassifierEntry.of(ClassifierKind.REGION, "spb", "Санкт-Петербург", "Saint Petersburg")));
            return built;
        }

        private ClientId client(String region) {
            return crm.clients().register(ClientForm.organisation("Клиент " + (++clients)).region(region).build())
                    .id();
        }

        private ClientId clientOf(String region, EmployeeId manager) {
            ClientId id = client(region);
            crm.clients().assignManager(id, manager, HEAD, "by hand");
            return id;
        }

        private Task task(ClientId client, EmployeeId responsible) {
            return crm.tasks().create(NewTask.at(TaskKind.CALL, "Позвонить", responsible,
                    THURSDAY.plus(Duration.ofDays(1))).about(client, null, null));
        }

        private Deal deal(ClientId client, EmployeeId manager) {
            return crm.deals().create(NewDeal.of(client, Money.of("1000", "RUB"), manager));
        }

        @Test
        @DisplayName("a proposal reads the open work and the histories in one select each, whatever their size")
        void proposalCost() {
            ClientId annas = clientOf("msk", ANNA);
            deal(annas, ANNA);
            ClientId asked = client("msk");

            Map<String, Long> small = counter.counted(() -> crm.assignment().propose(asked));
            for (int i = 0; i < 5; i++) {
                deal(clientOf("msk", BORIS), BORIS);
                task(annas, ANNA);
            }
            Map<String, Long> large = counter.counted(() -> crm.assignment().propose(asked));
            AssignmentDecision decision = crm.assignment().propose(asked);

            assertThat(large).isEqualTo(small);
            assertThat(small.get("select")).isEqualTo(5L); // the card (3), the tallies, the loads
            assertThat(decision.manager()).isEqualTo(BORIS);
            assertThat(decision.loads().get(ANNA).total()).isEqualTo(6);
            assertThat(decision.loads().get(BORIS).total()).isEqualTo(5);
            assertThat(decision.tallies().get(BORIS).assignments()).isEqualTo(5);
        }

        @Test
        @DisplayName("a reassignment moves the open work, grows the history and creates one handover, once")
        void reassign() {
            ClientId id = clientOf("msk", ANNA);
            Task open = task(id, ANNA);
            Task done = task(id, ANNA);
            crm.tasks().complete(done.id(), done.version());
            Deal openDeal = deal(id, ANNA);
            Deal won = deal(id, ANNA);
            crm.deals().move(won.id(), won.version(), "contract-signed", ANNA);
            clock.advance(Duration.ofMinutes(5));

            Reassignment r = crm.assignment().reassign(id, BORIS, ReassignOptions.defaults().by(HEAD, "vacation"));
            Map<String, Long> again = counter.counted(() -> crm.assignment().reassign(id, BORIS,
                    ReassignOptions.defaults()));

            assertThat(r.movedTasks()).containsExactly(open.id());
            assertThat(r.movedDeals()).containsExactly(openDeal.id());
            assertThat(crm.tasks().get(open.id()).responsible()).isEqualTo(BORIS);
            assertThat(crm.tasks().get(done.id()).responsible()).isEqualTo(ANNA);
            assertThat(crm.deals().get(openDeal.id()).manager()).isEqualTo(BORIS);
            assertThat(crm.deals().get(won.id()).manager()).isEqualTo(ANNA);
            assertThat(crm.clients().get(id).assignments()).extracting(ManagerAssignment::manager)
                    .containsExactly(ANNA, BORIS);
            assertThat(crm.clients().get(id).assignments().get(1).at()).isEqualTo(THURSDAY.plus(Duration.ofMinutes(5)));
            assertThat(crm.tasks().ofClient(id, 10)).filteredOn(t -> t.kind() == TaskKind.HANDOVER).singleElement()
                    .satisfies(t -> {
                        assertThat(t.id()).isEqualTo(r.handover());
                        assertThat(t.responsible()).isEqualTo(BORIS);
                    });
            assertThat(again).doesNotContainKeys("insert", "update", "delete");
            assertThat(storage.assignments().clientsOf(ANNA, null, 10)).isEmpty();
            assertThat(storage.assignments().clientsOf(BORIS, null, 10)).containsExactly(id);
        }

        @Test
        @DisplayName("a leaving manager's clients go round-robin to the others, each client in its own transaction")
        void reassignAll() {
            crm = crm(TieBreak.ROUND_ROBIN);
            List<ClientId> annas = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                annas.add(clientOf("msk", ANNA));
            }
            ClientId spb = clientOf("spb", ANNA);
            task(spb, ANNA);

            AssignmentReport report = crm.assignment().reassignAll(ANNA, ReassignOptions.defaults());

            assertThat(report.failed()).isEmpty();
            assertThat(report.changed()).isEqualTo(5);
            for (ClientId id : annas) {
                assertThat(crm.clients().get(id).responsibleManager()).contains(BORIS);
            }
            assertThat(crm.clients().get(spb).responsibleManager()).contains(VERA);
            assertThat(crm.tasks().openOf(VERA, THURSDAY.plus(Duration.ofDays(30)), 10)).hasSize(2);
            assertThat(storage.assignments().tallies(List.of(ANNA, BORIS, VERA)))
                    .satisfies(t -> {
                        assertThat(t.get(ANNA).assignments()).isEqualTo(5);
                        assertThat(t.get(BORIS).assignments()).isEqualTo(4);
                        assertThat(t.get(VERA).assignments()).isEqualTo(1);
                    });
        }

        @Test
        @DisplayName("the unassigned clients are assigned by the rules, in turn, and each history says which step")
        void assignUnassigned() {
            crm = crm(TieBreak.ROUND_ROBIN);
            for (int i = 0; i < 4; i++) {
                client("msk");
            }
            client("spb");

            AssignmentReport report = crm.assignment().assignUnassigned(100);

            assertThat(report.done()).hasSize(5);
            assertThat(report.done()).extracting(Reassignment::to).containsOnly(ANNA, BORIS, VERA);
            assertThat(report.done()).filteredOn(r -> r.to().equals(ANNA)).hasSize(2);
            assertThat(report.done()).filteredOn(r -> r.to().equals(BORIS)).hasSize(2);
            assertThat(storage.assignments().unassigned(null, 10)).isEmpty();
            assertThat(crm.clients().get(report.done().get(0).client()).assignments().get(0).reason())
                    .startsWith("assignment rule ");
        }
    }
}
