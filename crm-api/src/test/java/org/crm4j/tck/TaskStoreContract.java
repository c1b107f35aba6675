package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.EmployeeId;
import org.crm4j.interaction.InteractionId;
import org.crm4j.task.ComplianceCount;
import org.crm4j.task.LateTask;
import org.crm4j.task.Task;
import org.crm4j.task.TaskId;
import org.crm4j.task.TaskKind;
import org.crm4j.task.TaskNotFoundException;
import org.crm4j.task.TaskPriority;
import org.crm4j.task.TaskStatus;
import org.crm4j.task.TaskStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TaskStore} must keep; an adapter extends this class and returns an empty store from
 * {@link #emptyStore()}.
 */
public abstract class TaskStoreContract {
    private static final EmployeeId ANNA = EmployeeId.of("anna");
    private static final EmployeeId BORIS = EmployeeId.of("boris");

    /** A store with no tasks; called before every test. */
    protected abstract TaskStore emptyStore();

    protected TaskStore store;

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    /** An open task numbered {@code n} of {@code who}, due {@code minutes} after the fixture's time. */
    public static Task task(int n, EmployeeId who, long minutes) {
        return Task.builder().id(TaskId.of(new UUID(0x0190000000007300L, n))).kind(TaskKind.CALL)
                .title("Позвонить по счёту " + n).notes("уточнить дату оплаты").responsible(who)
                .due(ClientFixture.later(minutes)).priority(TaskPriority.HIGH).client(ClientFixture.id(1))
                .dealRef("D-" + n).column("to-do").createdAt(ClientFixture.T0).build();
    }

    @Test
    @DisplayName("a saved task comes back equal with version 1, by id and by source key")
    void roundTrip() {
        Task dated = Task.builder().id(TaskId.of(new UUID(7, 7))).kind(TaskKind.FOLLOW_UP).title("Перезвонить")
                .responsible(ANNA).dueOn(LocalDate.of(2026, 3, 10), ZoneId.of("Asia/Vladivostok"))
                .client(ClientFixture.id(2)).interaction(InteractionId.of(new UUID(8, 8)))
                .regulation("after-call").sourceKey("interaction:8:follow-up").createdAt(ClientFixture.T0).build();

        Task saved = store.save(dated);

        assertThat(saved).isEqualTo(dated.withVersion(1));
        assertThat(store.findById(dated.id())).contains(saved);
        assertThat(store.findBySourceKey("interaction:8:follow-up")).contains(saved);
        assertThat(store.findBySourceKey("interaction:9:follow-up")).isEmpty();
        assertThat(saved.due()).isEqualTo(java.time.Instant.parse("2026-03-10T13:59:59.999999Z"));
    }

    @Test
    @DisplayName("a save replaces exactly the stored version, and a stale one is refused")
    void optimisticLock() {
        Task v1 = store.save(task(1, ANNA, 60));
        Task done = store.save(v1.withStatus(TaskStatus.DONE, "done", ClientFixture.later(30)));

        assertThat(done.version()).isEqualTo(2);
        assertThat(store.findById(v1.id())).contains(done);
        assertThatThrownBy(() -> store.save(v1.withResponsible(BORIS)))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThatThrownBy(() -> store.save(task(2, ANNA, 60).withVersion(3)))
                .isInstanceOf(TaskNotFoundException.class);
        assertThat(store.findById(v1.id())).contains(done);
        assertThat(store.findById(task(2, ANNA, 60).id())).isEmpty();
    }

    @Test
    @DisplayName("a taken id or source key is refused and nothing is written")
    void duplicates() {
        store.save(task(1, ANNA, 60));
        Task keyed = Task.builder().id(TaskId.of(new UUID(5, 5))).title("Первый").responsible(ANNA)
                .due(ClientFixture.later(10)).sourceKey("k-1").createdAt(ClientFixture.T0).build();
        store.save(keyed);
        Task sameKey = Task.builder().id(TaskId.of(new UUID(6, 6))).title("Второй").responsible(BORIS)
                .due(ClientFixture.later(10)).sourceKey("k-1").createdAt(ClientFixture.T0).build();

        assertThatThrownBy(() -> store.save(sameKey))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("sourceKey"));
        assertThatThrownBy(() -> store.save(task(1, BORIS, 5)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(store.findById(sameKey.id())).isEmpty();
        Task otherCase = Task.builder().id(TaskId.of(new UUID(6, 7))).title("Другой ключ").responsible(BORIS)
                .due(ClientFixture.later(10)).sourceKey("K-1").createdAt(ClientFixture.T0).build();
        assertThat(store.save(otherCase).version()).isEqualTo(1);   // source keys compare exactly
        assertThat(store.findBySourceKey("k-1")).map(Task::id).contains(keyed.id());
        assertThat(store.findById(task(1, ANNA, 60).id()).orElseThrow().responsible()).isEqualTo(ANNA);
    }

    @Test
    @DisplayName("a person's open tasks due before a moment come by deadline, without closed ones or others'")
    void openByResponsible() {
        Task late = store.save(task(1, ANNA, 300));
        Task early = store.save(task(2, ANNA, 10));
        Task middle = store.save(task(3, ANNA, 100));
        store.save(task(4, BORIS, 20));
        Task closed = store.save(task(5, ANNA, 50));
        store.save(closed.withStatus(TaskStatus.CANCELLED, "cancelled", ClientFixture.later(1)));
        Task started = store.save(store.save(task(6, ANNA, 200))
                .withStatus(TaskStatus.IN_PROGRESS, "doing", null));
        store.save(task(7, ANNA, 400));
        store.save(task(8, EmployeeId.of("Anna"), 30));   // employee ids compare exactly

        assertThat(store.findOpenByResponsible(ANNA, ClientFixture.later(400), 10))
                .containsExactly(early, middle, started, late);
        assertThat(store.findOpenByResponsible(ANNA, ClientFixture.later(400), 2)).containsExactly(early, middle);
        assertThat(store.findOpenByResponsible(ANNA, ClientFixture.later(10), 10)).isEmpty();
        assertThat(store.findOpenByResponsible(ANNA, ClientFixture.later(400), 0)).isEmpty();
    }

    @Test
    @DisplayName("a client's tasks come by deadline, open and closed")
    void byClient() {
        Task second = store.save(task(1, ANNA, 300));
        Task first = store.save(task(2, BORIS, 10));
        Task closed = store.save(store.save(task(3, ANNA, 100)).withStatus(TaskStatus.DONE, "done",
                ClientFixture.later(5)));
        Task other = Task.builder().id(TaskId.of(new UUID(9, 9))).title("Другой клиент").responsible(ANNA)
                .due(ClientFixture.later(1)).client(ClientFixture.id(2)).createdAt(ClientFixture.T0).build();
        store.save(other);

        assertThat(store.findByClient(ClientFixture.id(1), 10)).containsExactly(first, closed, second);
        assertThat(store.findByClient(ClientFixture.id(1), 1)).containsExactly(first);
        assertThat(store.findByClient(ClientFixture.id(3), 10)).isEmpty();
    }

    @Test
    @DisplayName("the open tasks of a board column are counted, closed ones are not")
    void countInColumn() {
        store.save(task(1, ANNA, 10));
        store.save(task(2, BORIS, 10));
        Task moved = store.save(task(3, ANNA, 10));
        store.save(moved.withStatus(TaskStatus.IN_PROGRESS, "doing", null));
        Task closed = store.save(task(4, ANNA, 10));
        store.save(closed.withStatus(TaskStatus.DONE, "to-do", ClientFixture.later(1)));

        assertThat(store.countOpenInColumn("to-do")).isEqualTo(2);
        assertThat(store.countOpenInColumn("doing")).isEqualTo(1);
        assertThat(store.countOpenInColumn("review")).isZero();
    }

    /**
     * Task {@code n} of {@code who} under {@code regulation}, due {@code dueMinutes} after the fixture's time, in
     * {@code status}, closed {@code closedMinutes} after it when not open.
     */
    public static Task regulated(int n, EmployeeId who, String regulation, long dueMinutes, TaskStatus status,
                                 long closedMinutes) {
        return Task.builder().id(TaskId.of(new UUID(0x0190000000007400L, n))).kind(TaskKind.INVOICE)
                .title("Выставить счёт " + n).responsible(who).due(ClientFixture.later(dueMinutes))
                .status(status).column(status.isOpen() ? "to-do" : "done")
                .completedAt(status.isOpen() ? null : ClientFixture.later(closedMinutes)).regulation(regulation)
                .createdAt(ClientFixture.T0).build();
    }

    /** Tasks due from minute 0 to minute 1000, judged at minute 500. */
    private void storeRegulatedTasks() {
        store.save(regulated(1, ANNA, "invoice", 0, TaskStatus.DONE, 0));              // on time, at the deadline
        store.save(regulated(2, ANNA, "invoice", 100, TaskStatus.DONE, 40));           // on time, early
        store.save(regulated(3, ANNA, "invoice", 100, TaskStatus.DONE, 101));          // late by a minute
        store.save(regulated(4, ANNA, "invoice", 200, TaskStatus.OPEN, 0));            // overdue
        store.save(regulated(5, ANNA, "invoice", 300, TaskStatus.IN_PROGRESS, 0));     // overdue, started
        store.save(regulated(6, ANNA, "invoice", 600, TaskStatus.OPEN, 0));            // pending
        store.save(regulated(7, ANNA, "invoice", 400, TaskStatus.CANCELLED, 450));     // cancelled
        store.save(regulated(8, ANNA, "call-back", 400, TaskStatus.DONE, 900));        // late, another regulation
        store.save(regulated(9, BORIS, "invoice", 100, TaskStatus.DONE, 90));          // on time, another person
        store.save(regulated(10, ANNA, "invoice", -1, TaskStatus.DONE, 900));          // before the period
        store.save(regulated(11, ANNA, "invoice", 1000, TaskStatus.OPEN, 0));          // at its end: excluded
        store.save(task(12, ANNA, 200).withStatus(TaskStatus.DONE, "done", ClientFixture.later(900))); // no regulation
    }

    @Test
    @DisplayName("regulated tasks due in a period are counted per regulation and person: on time, late, overdue, cancelled")
    void countRegulated() {
        storeRegulatedTasks();

        var counts = store.countRegulated(ClientFixture.later(0), ClientFixture.later(1000), ClientFixture.later(500));

        assertThat(counts).containsExactlyInAnyOrder(
                new ComplianceCount("invoice", ANNA, 7, 2, 1, 2, 1),
                new ComplianceCount("call-back", ANNA, 1, 0, 1, 0, 0),
                new ComplianceCount("invoice", BORIS, 1, 1, 0, 0, 0));
        assertThat(counts).filteredOn(c -> c.responsible().equals(ANNA) && c.regulation().equals("invoice"))
                .singleElement().extracting(ComplianceCount::pending).isEqualTo(1L);
        assertThat(store.countRegulated(ClientFixture.later(2000), ClientFixture.later(3000),
                ClientFixture.later(500))).isEmpty();
    }

    @Test
    @DisplayName("the late regulated tasks of a period are those done after their deadline and those open past it")
    void lateRegulated() {
        storeRegulatedTasks();

        var late = store.findLateRegulated(ClientFixture.later(0), ClientFixture.later(1000),
                ClientFixture.later(500));

        assertThat(late).containsExactlyInAnyOrder(
                new LateTask(regulated(3, ANNA, "invoice", 100, TaskStatus.DONE, 101).id(), "invoice", ANNA,
                        ClientFixture.later(100), ClientFixture.later(101)),
                new LateTask(regulated(4, ANNA, "invoice", 200, TaskStatus.OPEN, 0).id(), "invoice", ANNA,
                        ClientFixture.later(200), null),
                new LateTask(regulated(5, ANNA, "invoice", 300, TaskStatus.IN_PROGRESS, 0).id(), "invoice", ANNA,
                        ClientFixture.later(300), null),
                new LateTask(regulated(8, ANNA, "call-back", 400, TaskStatus.DONE, 900).id(), "call-back", ANNA,
                        ClientFixture.later(400), ClientFixture.later(900)));
        assertThat(store.findLateRegulated(ClientFixture.later(0), ClientFixture.later(1000),
                ClientFixture.later(-10))).extracting(LateTask::id).containsExactlyInAnyOrder(
                regulated(3, ANNA, "invoice", 100, TaskStatus.DONE, 101).id(),
                regulated(8, ANNA, "call-back", 400, TaskStatus.DONE, 900).id());
    }
}
