package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.crm4j.assignment.AssignmentQuery;
import org.crm4j.assignment.AssignmentTally;
import org.crm4j.assignment.ManagerLoad;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientId;
import org.crm4j.client.ManagerAssignment;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.common.ValidationException;
import org.crm4j.deal.Deal;
import org.crm4j.deal.StageKind;
import org.crm4j.storage.CrmStorage;
import org.crm4j.task.Task;
import org.crm4j.task.TaskId;
import org.crm4j.task.TaskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link AssignmentQuery} must keep, over the client, task and deal stores of the
 * {@link CrmStorage} it belongs to; an adapter extends this class and returns an empty storage from
 * {@link #emptyStorage()}. Pages of clients come in the store's own order of ids, so the contract asserts what
 * a walk visits, never the order it visits in.
 */
public abstract class AssignmentQueryContract {
    private static final EmployeeId ANNA = EmployeeId.of("anna");
    private static final EmployeeId BORIS = EmployeeId.of("boris");
    private static final EmployeeId VERA = EmployeeId.of("vera");

    /** A storage with nothing in it; called before every test. */
    protected abstract CrmStorage emptyStorage();

    protected CrmStorage storage;
    private int tasks;

    @BeforeEach
    void createStorage() {
        storage = emptyStorage();
        tasks = 0;
    }

    private AssignmentQuery query() {
        return storage.assignments();
    }

    private static Instant minute(long m) {
        return ClientFixture.T0.plus(Duration.ofMinutes(m));
    }

    /** Saves client {@code n} whose history makes each of {@code managers} responsible in turn, a minute apart. */
    protected ClientCard client(long n, EmployeeId... managers) {
        ClientCard.Builder card = ClientFixture.minimal(n, "Клиент " + n).toBuilder();
        for (int i = 0; i < managers.length; i++) {
            card.assignment(new ManagerAssignment(managers[i], minute(n * 10 + i), null, "test"));
        }
        return storage.clients().save(card.build());
    }

    private Task task(EmployeeId responsible, ClientId client, TaskStatus status) {
        int n = ++tasks;
        Task task = Task.builder().id(TaskId.of(new UUID(0x0190_0000_0000_7a00L, n))).title("Задача " + n)
                .responsible(responsible).due(minute(1000 + n)).client(client).createdAt(minute(n)).build();
        Task saved = storage.tasks().save(task);
        if (status.isOpen() && status != TaskStatus.IN_PROGRESS) {
            return saved;
        }
        Instant closed = status.isOpen() ? null : minute(2000 + n);
        return storage.tasks().save(saved.withStatus(status, status == TaskStatus.IN_PROGRESS ? "doing" : "done",
                closed));
    }

    private Deal deal(long n, EmployeeId manager, boolean closed) {
        Deal deal = storage.deals().save(DealFixture.open(n, DealFixture.SALES, manager, Money.of("100", "RUB"), n,
                null, null, null));
        return closed ? storage.deals().save(DealFixture.move(deal, "won", StageKind.WON, "1", n + 5, null)) : deal;
    }

    @Test
    @DisplayName("a manager's load counts their open deals and their open and in-progress tasks, nothing closed")
    void loads() {
        ClientCard c1 = client(1, ANNA);
        client(2, BORIS);
        client(3, BORIS);
        deal(1, ANNA, false);
        deal(2, ANNA, false);
        deal(3, ANNA, true);
        deal(4, BORIS, false);
        task(ANNA, c1.id(), TaskStatus.OPEN);
        task(ANNA, c1.id(), TaskStatus.IN_PROGRESS);
        task(ANNA, c1.id(), TaskStatus.DONE);
        task(BORIS, c1.id(), TaskStatus.CANCELLED);
        task(VERA, c1.id(), TaskStatus.OPEN);

        Map<EmployeeId, ManagerLoad> loads = query().loads(List.of(ANNA, BORIS));

        assertThat(loads).containsOnly(
                Map.entry(ANNA, new ManagerLoad(ANNA, 2, 2)),
                Map.entry(BORIS, new ManagerLoad(BORIS, 1, 0)));
    }

    @Test
    @DisplayName("a manager without open work has a load of zero, and asking for nobody answers nothing")
    void emptyLoads() {
        assertThat(query().loads(List.of(VERA))).containsOnly(Map.entry(VERA, ManagerLoad.none(VERA)));
        assertThat(query().loads(List.of())).isEmpty();
    }

    @Test
    @DisplayName("a tally counts every entry of every history naming the manager, current or past, and the latest")
    void tallies() {
        client(1, ANNA, BORIS);          // anna at 10, boris at 11
        client(2, BORIS, ANNA, BORIS);   // boris at 20 and 22, anna at 21
        client(3, VERA);                 // vera at 30, not asked

        Map<EmployeeId, AssignmentTally> tallies = query().tallies(Set.of(ANNA, BORIS, EmployeeId.of("nobody")));

        assertThat(tallies).containsOnly(
                Map.entry(ANNA, new AssignmentTally(ANNA, minute(21), 2)),
                Map.entry(BORIS, new AssignmentTally(BORIS, minute(22), 3)));
    }

    @Test
    @DisplayName("the clients of a manager are those they are responsible for now, in pages that visit each once")
    void clientsOf() {
        List<ClientId> annas = new ArrayList<>();
        for (int n = 1; n <= 7; n++) {
            annas.add(client(n, BORIS, ANNA).id());
        }
        client(8, ANNA, BORIS);
        client(9);

        List<ClientId> walked = new ArrayList<>();
        ClientId after = null;
        for (;;) {
            List<ClientId> page = query().clientsOf(ANNA, after, 3);
            assertThat(page).hasSizeLessThanOrEqualTo(3);
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            after = page.get(page.size() - 1);
        }
        assertThat(walked).containsExactlyInAnyOrderElementsOf(annas);
        assertThat(query().clientsOf(VERA, null, 10)).isEmpty();
    }

    @Test
    @DisplayName("the unassigned clients are those never assigned and those whose manager was taken away")
    void unassigned() {
        ClientId never = client(1).id();
        ClientCard unassigned = client(2, ANNA);
        unassigned = storage.clients().save(unassigned.toBuilder()
                .assignment(new ManagerAssignment(null, minute(100), null, "left")).build());
        client(3, BORIS);

        assertThat(query().unassigned(null, 10)).containsExactlyInAnyOrder(never, unassigned.id());
        List<ClientId> first = query().unassigned(null, 1);
        assertThat(first).hasSize(1);
        assertThat(query().unassigned(first.get(0), 10)).hasSize(1).doesNotContainAnyElementsOf(first);
    }

    @Test
    @DisplayName("a page limit outside 1 to 1000 and more than 1000 managers are refused")
    void refusals() {
        assertThatThrownBy(() -> query().clientsOf(ANNA, null, 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> query().unassigned(null, 1001)).isInstanceOf(ValidationException.class);
        List<EmployeeId> many = new ArrayList<>();
        for (int i = 0; i <= AssignmentQuery.MAX_MANAGERS; i++) {
            many.add(EmployeeId.of("m" + i));
        }
        assertThatThrownBy(() -> query().loads(many)).isInstanceOf(ValidationException.class);
    }
}
