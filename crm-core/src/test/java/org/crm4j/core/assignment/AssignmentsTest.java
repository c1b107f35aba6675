package org.crm4j.core.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crm4j.assignment.Absence;
import org.crm4j.assignment.Absences;
import org.crm4j.assignment.NoManagerException;
import org.crm4j.classifier.ClassifierKind;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientEvent;
import org.crm4j.client.ClientForm;
import org.crm4j.client.ClientId;
import org.crm4j.client.ManagerAssignment;
import org.crm4j.common.CrmEvent;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.common.ValidationException;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.deal.NewDeal;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealEvent;
import org.crm4j.task.Task;
import org.crm4j.task.TaskEvent;
import org.crm4j.task.TaskKind;
import org.crm4j.task.TaskPriority;
import org.crm4j.task.TaskStatus;
import org.crm4j.core.task.NewTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AssignmentsTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** A Thursday morning in Moscow. */
    private static final Instant THURSDAY = Instant.parse("2026-04-02T07:00:00Z");
    private static final EmployeeId ANNA = EmployeeId.of("anna");
    private static final EmployeeId BORIS = EmployeeId.of("boris");
    private static final EmployeeId VERA = EmployeeId.of("vera");
    private static final EmployeeId LAWYER = EmployeeId.of("lawyer");
    private static final EmployeeId HEAD = EmployeeId.of("head");
    private static final AssignmentPolicy POLICY = AssignmentPolicy.of(List.of(ANNA, BORIS, VERA),
            TieBreak.LEAST_LOADED, AssignmentStep.ByRegion.of(Map.of("msk", List.of(ANNA, BORIS), "spb",
                    List.of(VERA))));

    private final SettableClock clock = SettableClock.at(THURSDAY, MOSCOW);
    private final List<CrmEvent> events = new ArrayList<>();
    private final List<Absence> absences = new ArrayList<>();
    private Crm crm;
    private int clients;

    @BeforeEach
    void setUp() {
        crm = crm(POLICY);
    }

    private Crm crm(AssignmentPolicy policy) {
        Crm built = Crm.builder().clock(clock).listener(events::add).assignment(policy)
                .absences((employee, at) -> Absences.of(absences).isAbsent(employee, at)).build();
        built.classifiers().define(ClassifierKind.REGION, "msk", "Москва", "Moscow");
        built.classifiers().define(ClassifierKind.REGION, "spb", "Санкт-Петербург", "Saint Petersburg");
        return built;
    }

    private ClientId client(String region) {
        return crm.clients().register(ClientForm.organisation("Клиент " + (++clients)).region(region).build()).id();
    }

    private ClientId clientOf(String region, EmployeeId manager) {
        ClientId id = client(region);
        crm.clients().assignManager(id, manager, HEAD, "by hand");
        return id;
    }

    private Task task(ClientId client, EmployeeId responsible) {
        return crm.tasks().create(NewTask.at(TaskKind.CALL, "Позвонить", responsible, THURSDAY.plus(Duration.ofDays(1)))
                .about(client, null, null));
    }

    private Deal deal(ClientId client, EmployeeId manager) {
        return crm.deals().create(NewDeal.of(client, Money.of("1000", "RUB"), manager));
    }

    @Test
    @DisplayName("a proposal changes nothing; assigning writes the manager and the deciding step to the history")
    void proposeThenAssign() {
        ClientId id = client("spb");

        AssignmentDecision proposed = crm.assignment().propose(id);
        assertThat(crm.clients().get(id).responsibleManager()).isEmpty();
        events.clear();
        AssignmentDecision applied = crm.assignment().assign(id);

        assertThat(proposed).isEqualTo(applied);
        assertThat(applied.manager()).isEqualTo(VERA);
        assertThat(applied.decidedBy()).isEqualTo("region");
        ClientCard card = crm.clients().get(id);
        assertThat(card.responsibleManager()).contains(VERA);
        ManagerAssignment entry = card.assignments().get(0);
        assertThat(entry.reason()).isEqualTo(applied.reason()).startsWith("assignment rule region: vera");
        assertThat(entry.assignedBy()).isNull();
        assertThat(events).containsExactly(new ClientEvent.ResponsibleManagerAssigned(id, null, VERA, THURSDAY));
    }

    @Test
    @DisplayName("a client that has a manager is not assigned again: it is reassigned")
    void assignRefusesAssigned() {
        ClientId id = clientOf("msk", ANNA);

        assertThatThrownBy(() -> crm.assignment().assign(id)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationCode()).isEqualTo("assignment.assigned"));
        assertThat(crm.clients().get(id).assignments()).hasSize(1);
    }

    @Test
    @DisplayName("least loaded counts open deals and open tasks: Moscow clients go to whoever has less open work")
    void leastLoadedFromStores() {
        ClientId annas = clientOf("msk", ANNA);
        deal(annas, ANNA);
        Task done = task(annas, BORIS);
        crm.tasks().complete(done.id(), done.version());

        AssignmentDecision first = crm.assignment().assign(client("msk"));
        task(annas, BORIS);
        task(annas, BORIS);
        AssignmentDecision second = crm.assignment().assign(client("msk"));

        assertThat(first.manager()).isEqualTo(BORIS);
        assertThat(first.loads().get(ANNA).openDeals()).isEqualTo(1);
        assertThat(first.loads().get(BORIS).total()).isZero();
        assertThat(second.manager()).isEqualTo(ANNA);
    }

    @Test
    @DisplayName("round-robin spreads new clients over the team in turn, reading the histories, with the clock still")
    void roundRobinInTurn() {
        crm = crm(AssignmentPolicy.of(List.of(ANNA, BORIS, VERA), TieBreak.ROUND_ROBIN));
        List<EmployeeId> got = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            got.add(crm.assignment().assign(client("msk")).manager());
        }

        assertThat(got).containsExactly(ANNA, BORIS, VERA, ANNA, BORIS, VERA);
    }

    @Test
    @DisplayName("reassigning moves the previous manager's open tasks and deals, keeps closed ones and others' work")
    void reassignMovesOpenWork() {
        ClientId id = clientOf("msk", ANNA);
        Task open = task(id, ANNA);
        Task closed = task(id, ANNA);
        closed = crm.tasks().complete(closed.id(), closed.version());
        Task lawyers = task(id, LAWYER);
        Deal openDeal = deal(id, ANNA);
        Deal wonDeal = deal(id, ANNA);
        wonDeal = crm.deals().move(wonDeal.id(), wonDeal.version(), "contract-signed", ANNA);
        clock.advance(Duration.ofHours(1));
        events.clear();

        Reassignment r = crm.assignment().reassign(id, BORIS, ReassignOptions.defaults().by(HEAD, "Anna is leaving"));

        assertThat(r.changed()).isTrue();
        assertThat(r.from()).isEqualTo(ANNA);
        assertThat(r.to()).isEqualTo(BORIS);
        assertThat(r.movedTasks()).containsExactly(open.id());
        assertThat(r.movedDeals()).containsExactly(openDeal.id());
        assertThat(crm.tasks().get(open.id()).responsible()).isEqualTo(BORIS);
        assertThat(crm.tasks().get(closed.id()).responsible()).isEqualTo(ANNA);
        assertThat(crm.tasks().get(lawyers.id()).responsible()).isEqualTo(LAWYER);
        assertThat(crm.deals().get(openDeal.id()).manager()).isEqualTo(BORIS);
        assertThat(crm.deals().get(wonDeal.id()).manager()).isEqualTo(ANNA);

        ClientCard card = crm.clients().get(id);
        assertThat(card.assignments()).extracting(ManagerAssignment::manager).containsExactly(ANNA, BORIS);
        assertThat(card.assignments().get(1).assignedBy()).isEqualTo(HEAD);
        assertThat(card.assignments().get(1).reason()).isEqualTo("Anna is leaving");

        Task handover = crm.tasks().get(r.handover());
        assertThat(handover.kind()).isEqualTo(TaskKind.HANDOVER);
        assertThat(handover.responsible()).isEqualTo(BORIS);
        assertThat(handover.client()).isEqualTo(id);
        assertThat(handover.priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(handover.dueDate()).isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(handover.notes()).contains("Taken over from anna", "Open tasks moved: 1; open deals moved: 1");
        assertThat(handover.sourceKey()).isEqualTo("handover:" + id + ":1");

        Instant at = THURSDAY.plus(Duration.ofHours(1));
        assertThat(events).containsExactly(
                new ClientEvent.ResponsibleManagerAssigned(id, ANNA, BORIS, at),
                new TaskEvent.TaskAssigned(open.id(), ANNA, BORIS, at),
                new DealEvent.DealManagerChanged(openDeal.id(), ANNA, BORIS, HEAD, at));
    }

    @Test
    @DisplayName("reassigning again to the same manager changes nothing and creates no second handover")
    void reassignIsIdempotent() {
        ClientId id = clientOf("msk", ANNA);
        Reassignment first = crm.assignment().reassign(id, BORIS, ReassignOptions.defaults());
        Reassignment again = crm.assignment().reassign(id, BORIS, ReassignOptions.defaults());

        assertThat(again.changed()).isFalse();
        assertThat(again.handover()).isNull();
        assertThat(crm.clients().get(id).assignments()).hasSize(2);
        assertThat(crm.tasks().ofClient(id, 10)).extracting(Task::id).containsExactly(first.handover());
    }

    @Test
    @DisplayName("a client given back and forth gets a handover for each new assignment, the unfinished one cancelled")
    void handoverPerAssignment() {
        ClientId id = clientOf("msk", ANNA);
        crm.assignment().reassign(id, BORIS, ReassignOptions.defaults());
        crm.assignment().reassign(id, ANNA, ReassignOptions.defaults());
        crm.assignment().reassign(id, BORIS, ReassignOptions.defaults());

        List<Task> handovers = crm.tasks().ofClient(id, 10).stream().filter(t -> t.kind() == TaskKind.HANDOVER)
                .toList();
        assertThat(handovers).extracting(Task::responsible).containsExactlyInAnyOrder(BORIS, BORIS, ANNA);
        assertThat(handovers).extracting(Task::status)
                .containsExactlyInAnyOrder(TaskStatus.CANCELLED, TaskStatus.CANCELLED, TaskStatus.OPEN);
        assertThat(handovers).filteredOn(t -> t.status() == TaskStatus.OPEN).singleElement()
                .satisfies(t -> assertThat(t.responsible()).isEqualTo(BORIS));
    }

    @Test
    @DisplayName("the options may leave tasks, deals and the handover where they are")
    void optionsLeaveWork() {
        ClientId id = clientOf("msk", ANNA);
        Task open = task(id, ANNA);
        Deal openDeal = deal(id, ANNA);

        Reassignment r = crm.assignment().reassign(id, BORIS, ReassignOptions.defaults().withOpenTasks(false)
                .withOpenDeals(false).withHandover(false, 0));

        assertThat(r.movedTasks()).isEmpty();
        assertThat(r.movedDeals()).isEmpty();
        assertThat(r.handover()).isNull();
        assertThat(crm.tasks().get(open.id()).responsible()).isEqualTo(ANNA);
        assertThat(crm.deals().get(openDeal.id()).manager()).isEqualTo(ANNA);
        assertThat(crm.clients().get(id).responsibleManager()).contains(BORIS);
    }

    @Test
    @DisplayName("a leaving manager's clients all go to the one named; other clients are left alone")
    void reassignAllToOne() {
        ClientId a1 = clientOf("msk", ANNA);
        ClientId a2 = clientOf("spb", ANNA);
        ClientId b1 = clientOf("msk", BORIS);
        task(a1, ANNA);

        AssignmentReport report = crm.assignment().reassignAll(ANNA, VERA, ReassignOptions.defaults());

        assertThat(report.failed()).isEmpty();
        assertThat(report.done()).extracting(Reassignment::client).containsExactlyInAnyOrder(a1, a2);
        assertThat(report.changed()).isEqualTo(2);
        assertThat(crm.clients().get(a1).responsibleManager()).contains(VERA);
        assertThat(crm.clients().get(a2).responsibleManager()).contains(VERA);
        assertThat(crm.clients().get(b1).responsibleManager()).contains(BORIS);
        assertThat(crm.tasks().openOf(VERA, THURSDAY.plus(Duration.ofDays(30)), 10)).hasSize(3);
        assertThat(crm.storage().assignments().clientsOf(ANNA, null, 10)).isEmpty();
    }

    @Test
    @DisplayName("without a target, each client of the leaving manager goes where the policy says, never back to them")
    void reassignAllByPolicy() {
        ClientId msk = clientOf("msk", ANNA);
        ClientId spb = clientOf("spb", ANNA);

        AssignmentReport report = crm.assignment().reassignAll(ANNA, ReassignOptions.defaults());

        assertThat(report.failed()).isEmpty();
        assertThat(crm.clients().get(msk).responsibleManager()).contains(BORIS);
        assertThat(crm.clients().get(spb).responsibleManager()).contains(VERA);
        Reassignment first = report.done().stream().filter(r -> r.client().equals(msk)).findFirst().orElseThrow();
        assertThat(first.decision()).isNotNull();
        assertThat(first.decision().excluded()).anySatisfy(e -> {
            assertThat(e.manager()).isEqualTo(ANNA);
            assertThat(e.step()).isEqualTo("leaving");
        });
        assertThat(crm.clients().get(msk).assignments().get(1).reason()).startsWith("assignment rule region: boris");
    }

    @Test
    @DisplayName("a client nobody can take stays with the leaving manager, is reported, and the others still move")
    void reassignAllReportsRefusals() {
        crm = crm(AssignmentPolicy.of(List.of(ANNA, BORIS, VERA), TieBreak.ROUND_ROBIN,
                new AssignmentStep.ByRegion(Map.of("spb", List.of(VERA)), true)));
        ClientId msk = clientOf("msk", VERA);
        ClientId spb = clientOf("spb", VERA);

        AssignmentReport report = crm.assignment().reassignAll(VERA, ReassignOptions.defaults());

        assertThat(report.done()).extracting(Reassignment::client).containsExactly(msk);
        assertThat(report.failed()).singleElement().satisfies(f -> {
            assertThat(f.client()).isEqualTo(spb);
            assertThat(f.code()).isEqualTo("assignment.no-manager");
            assertThat(f.message()).contains("step 'region'");
        });
        assertThat(crm.clients().get(spb).responsibleManager()).contains(VERA);
        assertThat(crm.tasks().ofClient(spb, 10)).isEmpty();
    }

    @Test
    @DisplayName("an absent target, or the leaving manager as the target, is refused and nothing changes")
    void refusals() {
        ClientId id = clientOf("msk", ANNA);
        absences.add(new Absence(VERA, THURSDAY.minusSeconds(1), THURSDAY.plus(Duration.ofDays(14))));

        assertThatThrownBy(() -> crm.assignment().reassign(id, VERA, ReassignOptions.defaults()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationCode()).isEqualTo("assignment.absent"));
        assertThatThrownBy(() -> crm.assignment().reassignAll(ANNA, ANNA, ReassignOptions.defaults()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationCode()).isEqualTo("assignment.same-manager"));
        assertThatThrownBy(() -> ReassignOptions.defaults().withHandover(true, 31))
                .isInstanceOf(ValidationException.class);
        assertThat(crm.clients().get(id).assignments()).hasSize(1);
    }

    @Test
    @DisplayName("absent managers get no new clients; with everyone away assignment is refused and nothing changes")
    void absentManagers() {
        absences.add(new Absence(VERA, THURSDAY.minusSeconds(1), THURSDAY.plus(Duration.ofDays(14))));
        ClientId spb = client("spb");

        AssignmentDecision d = crm.assignment().assign(spb);
        assertThat(d.manager()).isIn(ANNA, BORIS);

        absences.add(new Absence(ANNA, THURSDAY, THURSDAY.plusSeconds(60)));
        absences.add(new Absence(BORIS, THURSDAY, THURSDAY.plusSeconds(60)));
        ClientId other = client("msk");
        assertThatThrownBy(() -> crm.assignment().assign(other)).isInstanceOf(NoManagerException.class);
        assertThat(crm.clients().get(other).assignments()).isEmpty();
    }

    @Test
    @DisplayName("without a policy, automatic assignment is refused, naming the team step")
    void noPolicy() {
        crm = crm(AssignmentPolicy.none());
        ClientId id = client("msk");

        assertThatThrownBy(() -> crm.assignment().propose(id)).isInstanceOfSatisfying(NoManagerException.class,
                e -> assertThat(e.step()).isEqualTo("team"));
    }

    @Test
    @DisplayName("the unassigned clients are assigned one by one; clients with a manager are left alone")
    void assignUnassigned() {
        ClientId kept = clientOf("msk", ANNA);
        List<ClientId> fresh = List.of(client("msk"), client("spb"), client("msk"));

        AssignmentReport report = crm.assignment().assignUnassigned(100);

        assertThat(report.done()).extracting(Reassignment::client).containsExactlyInAnyOrderElementsOf(fresh);
        assertThat(report.failed()).isEmpty();
        assertThat(crm.clients().get(kept).assignments()).hasSize(1);
        assertThat(crm.storage().assignments().unassigned(null, 10)).isEmpty();
        assertThat(crm.assignment().assignUnassigned(100).done()).isEmpty();
    }

    @Test
    @DisplayName("a closed deal is not given to another manager by the rules")
    void closedDealKeepsManager() {
        ClientId id = clientOf("msk", ANNA);
        Deal won = deal(id, ANNA);
        Deal closed = crm.deals().move(won.id(), won.version(), "contract-signed", ANNA);

        assertThatThrownBy(() -> org.crm4j.core.deal.DealRules.changeManager(closed, BORIS, null, THURSDAY))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationCode()).isEqualTo("deal.closed"));
        assertThat(org.crm4j.core.deal.DealRules.changeManager(won, ANNA, null, THURSDAY).events()).isEmpty();
    }
}
