package org.crm4j.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crm4j.client.ClientNotFoundException;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.CrmEvent;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.task.Task;
import org.crm4j.task.TaskEvent;
import org.crm4j.task.TaskKind;
import org.crm4j.task.TaskStatus;
import org.crm4j.task.WipLimitException;
import org.crm4j.task.WorkBlockedException;
import org.crm4j.tck.ClientFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TasksTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant NOW = Instant.parse("2026-03-10T07:00:00Z");
    private static final EmployeeId ANNA = EmployeeId.of("anna");
    private static final EmployeeId BORIS = EmployeeId.of("boris");

    private final SettableClock clock = SettableClock.at(NOW, MOSCOW);
    private final List<CrmEvent> events = new ArrayList<>();

    private Crm crm(KanbanBoard board, OverduePolicy policy) {
        Crm crm = Crm.builder().clock(clock).zone(MOSCOW).board(board).overduePolicy(policy).listener(events::add)
                .build();
        crm.storage().clients().save(ClientFixture.organisation(1));
        return crm;
    }

    private Crm crm() {
        return crm(KanbanBoard.standard(), OverduePolicy.off());
    }

    private static Interaction call(int n, EmployeeId manager, LocalDate next) {
        return Interaction.builder().id(InteractionId.of(new UUID(77, n))).externalId("pbx-" + n).type("call-in")
                .direction(Direction.INBOUND).channel(Channel.PHONE).at(NOW.minusSeconds(600))
                .manager(manager).client(ClientFixture.id(1)).subject("Запрос прайс-листа").dealRef("D-9")
                .nextContact(next).recordedAt(NOW).build();
    }

    @Test
    @DisplayName("a call with a next contact creates one follow-up for its manager, however often it is recorded")
    void followUpOnce() {
        Crm crm = crm();
        LocalDate next = LocalDate.of(2026, 3, 12);
        Interaction call = call(1, ANNA, next);

        crm.interactions().record(call);
        crm.interactions().record(Interaction.builder().id(InteractionId.of(new UUID(77, 99))).externalId("pbx-1")
                .type("call-in").direction(Direction.INBOUND).at(NOW).client(ClientFixture.id(1))
                .manager(ANNA).subject("повтор").nextContact(next).recordedAt(NOW).build());
        crm.tasks().followUp(call);

        List<Task> tasks = crm.tasks().ofClient(ClientFixture.id(1), 10);
        assertThat(tasks).hasSize(1);
        Task followUp = tasks.get(0);
        assertThat(followUp.kind()).isEqualTo(TaskKind.FOLLOW_UP);
        assertThat(followUp.responsible()).isEqualTo(ANNA);
        assertThat(followUp.dueDate()).isEqualTo(next);
        assertThat(followUp.due()).isEqualTo(Instant.parse("2026-03-12T20:59:59.999999Z"));
        assertThat(followUp.interaction()).isEqualTo(call.id());
        assertThat(followUp.dealRef()).isEqualTo("D-9");
        assertThat(followUp.sourceKey()).isEqualTo("interaction:" + call.id() + ":follow-up");
        assertThat(followUp.status()).isEqualTo(TaskStatus.OPEN);
    }

    @Test
    @DisplayName("a call without a manager, or without a next contact, creates no task")
    void noFollowUp() {
        Crm crm = crm();
        crm.interactions().record(Interaction.builder().id(InteractionId.of(new UUID(77, 5))).type("call-in")
                .direction(Direction.INBOUND).at(NOW).client(ClientFixture.id(1)).subject("Без менеджера")
                .nextContact(LocalDate.of(2026, 3, 12)).recordedAt(NOW).build());
        crm.interactions().record(call(6, ANNA, null));

        assertThat(crm.tasks().ofClient(ClientFixture.id(1), 10)).isEmpty();
    }

    @Test
    @DisplayName("a column at its work-in-progress limit refuses a task moved or created into it, changing nothing")
    void wipLimit() {
        KanbanBoard board = KanbanBoard.of(List.of(
                KanbanBoard.Column.of("to-do", "To do", TaskStatus.OPEN).limitedTo(2),
                KanbanBoard.Column.of("doing", "Doing", TaskStatus.IN_PROGRESS).limitedTo(1),
                KanbanBoard.Column.of("done", "Done", TaskStatus.DONE),
                KanbanBoard.Column.of("cancelled", "Cancelled", TaskStatus.CANCELLED)));
        Crm crm = crm(board, OverduePolicy.off());
        Task first = crm.tasks().create(NewTask.at(TaskKind.CALL, "Позвонить", ANNA, NOW.plusSeconds(3600)));
        Task second = crm.tasks().create(NewTask.at(TaskKind.CALL, "Перезвонить", BORIS, NOW.plusSeconds(3600)));
        crm.tasks().start(first.id(), first.version());

        assertThatThrownBy(() -> crm.tasks().move(second.id(), second.version(), "doing"))
                .isInstanceOfSatisfying(WipLimitException.class, e -> {
                    assertThat(e.column()).isEqualTo("doing");
                    assertThat(e.limit()).isEqualTo(1);
                    assertThat(e.code()).isEqualTo("task.wip-limit");
                    assertThat(e.getMessage()).contains("'doing'", "1");
                });
        assertThat(crm.tasks().get(second.id())).isEqualTo(second);

        crm.tasks().create(NewTask.at(TaskKind.CALL, "Третий", BORIS, NOW.plusSeconds(3600)));
        assertThatThrownBy(() -> crm.tasks().create(NewTask.at(TaskKind.CALL, "Четвёртый", BORIS,
                NOW.plusSeconds(3600))))
                .isInstanceOfSatisfying(WipLimitException.class, e -> assertThat(e.column()).isEqualTo("to-do"));
        assertThat(crm.tasks().openOf(BORIS, NOW.plusSeconds(7200), 10)).hasSize(2);
    }

    @Test
    @DisplayName("with the overdue policy on, an employee with too many overdue tasks gets no new one, and is told which")
    void overduePolicy() {
        Crm crm = crm(KanbanBoard.standard(), OverduePolicy.blockAfter(1, Duration.ofHours(1)));
        Task invoice = crm.tasks().create(NewTask.at(TaskKind.INVOICE, "Выставить счёт", ANNA, NOW.plusSeconds(60)));
        Task act = crm.tasks().create(NewTask.at(TaskKind.ACT, "Отправить акт", ANNA, NOW.plusSeconds(120)));
        Task fresh = crm.tasks().create(NewTask.at(TaskKind.CALL, "Позвонить", ANNA, NOW.plusSeconds(10_000)));
        clock.set(NOW.plus(Duration.ofHours(2)));

        assertThatThrownBy(() -> crm.tasks().create(NewTask.at(TaskKind.CALL, "Ещё звонок", ANNA,
                NOW.plus(Duration.ofDays(1)))))
                .isInstanceOfSatisfying(WorkBlockedException.class, e -> {
                    assertThat(e.employee()).isEqualTo(ANNA);
                    assertThat(e.allowed()).isEqualTo(1);
                    assertThat(e.blocking()).extracting(WorkBlockedException.BlockingTask::id)
                            .containsExactly(invoice.id(), act.id());
                    assertThat(e.getMessage()).contains("Выставить счёт", "Отправить акт", invoice.id().toString())
                            .doesNotContain("Позвонить");
                });
        Task borisTask = crm.tasks().create(NewTask.at(TaskKind.CALL, "Звонок", BORIS, NOW.plus(Duration.ofDays(1))));
        assertThatThrownBy(() -> crm.tasks().assign(borisTask.id(), borisTask.version(), ANNA))
                .isInstanceOf(WorkBlockedException.class);
        assertThat(crm.tasks().get(borisTask.id()).responsible()).isEqualTo(BORIS);
        assertThat(crm.tasks().openOf(ANNA, NOW.plus(Duration.ofDays(30)), 10))
                .containsExactly(invoice, act, fresh);

        Task done = crm.tasks().complete(act.id(), act.version());
        assertThat(done.completedAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(crm.tasks().assign(borisTask.id(), borisTask.version(), ANNA).responsible()).isEqualTo(ANNA);
    }

    @Test
    @DisplayName("overdue tasks within the grace period do not block")
    void grace() {
        Crm crm = crm(KanbanBoard.standard(), OverduePolicy.blockAfter(0, Duration.ofHours(1)));
        crm.tasks().create(NewTask.at(TaskKind.CALL, "Позвонить", ANNA, NOW.plusSeconds(60)));
        clock.set(NOW.plus(Duration.ofMinutes(30)));

        assertThat(crm.tasks().create(NewTask.at(TaskKind.CALL, "Ещё", ANNA, NOW.plusSeconds(9000))).version())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("each change bumps the version, a stale version is refused, and the listener hears each change")
    void versionsAndEvents() {
        Crm crm = crm();
        Task task = crm.tasks().create(NewTask.at(TaskKind.MEETING, "Встреча", ANNA, NOW.plusSeconds(3600))
                .about(ClientFixture.id(1), null, null));
        Task started = crm.tasks().start(task.id(), task.version());
        Task same = crm.tasks().start(started.id(), started.version());

        assertThat(task.version()).isEqualTo(1);
        assertThat(started.version()).isEqualTo(2);
        assertThat(same).isEqualTo(started);
        assertThatThrownBy(() -> crm.tasks().cancel(task.id(), task.version()))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThat(events).extracting(CrmEvent::type).containsExactly("task.created", "task.status-changed");
        assertThat(events.get(1)).isEqualTo(new TaskEvent.TaskStatusChanged(task.id(), TaskStatus.OPEN,
                TaskStatus.IN_PROGRESS, NOW));
    }

    @Test
    @DisplayName("a task for a client not stored is refused; a source key makes creation idempotent")
    void clientAndSourceKey() {
        Crm crm = crm();
        assertThatThrownBy(() -> crm.tasks().create(NewTask.at(TaskKind.CALL, "Кому?", ANNA, NOW)
                .about(ClientFixture.id(404), null, null)))
                .isInstanceOf(ClientNotFoundException.class);

        NewTask monthly = NewTask.on(TaskKind.INVOICE, "Счёт за март", ANNA, LocalDate.of(2026, 3, 31))
                .from("monthly-invoice", "monthly-invoice:2026-03:client-1");
        Task first = crm.tasks().create(monthly);
        Task again = crm.tasks().create(monthly);

        assertThat(again).isEqualTo(first);
        assertThat(first.regulation()).isEqualTo("monthly-invoice");
        assertThat(crm.tasks().openOf(ANNA, NOW.plus(Duration.ofDays(60)), 10)).containsExactly(first);
    }
}
