package org.crm4j.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;
import org.crm4j.core.common.Decision;
import org.crm4j.task.Task;
import org.crm4j.task.TaskEvent;
import org.crm4j.task.TaskId;
import org.crm4j.task.TaskStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TaskRulesTest {
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private static final KanbanBoard BOARD = KanbanBoard.of(List.of(
            KanbanBoard.Column.of("backlog", "Backlog", TaskStatus.OPEN),
            KanbanBoard.Column.of("to-do", "To do", TaskStatus.OPEN),
            KanbanBoard.Column.of("doing", "Doing", TaskStatus.IN_PROGRESS),
            KanbanBoard.Column.of("review", "Review", TaskStatus.IN_PROGRESS),
            KanbanBoard.Column.of("done", "Done", TaskStatus.DONE),
            KanbanBoard.Column.of("cancelled", "Cancelled", TaskStatus.CANCELLED)));

    private static Task open() {
        return Task.builder().id(TaskId.of(new UUID(1, 1))).title("Выставить счёт").responsible(EmployeeId.of("anna"))
                .due(T.plusSeconds(3600)).column("backlog").createdAt(T).build();
    }

    /** A command a person may give a task, with the moment it is given. */
    enum Command { START, COMPLETE, CANCEL, REOPEN, MOVE_BACKLOG, MOVE_TODO, MOVE_DOING, MOVE_REVIEW, MOVE_DONE,
        MOVE_CANCELLED, ASSIGN }

    private static Decision<Task, TaskEvent> apply(Task task, Command c, Instant at) {
        return switch (c) {
            case START -> TaskRules.start(task, BOARD, at);
            case COMPLETE -> TaskRules.complete(task, BOARD, at);
            case CANCEL -> TaskRules.cancel(task, BOARD, at);
            case REOPEN -> TaskRules.reopen(task, BOARD, at);
            case MOVE_BACKLOG -> TaskRules.moveTo(task, BOARD.column("backlog"), at);
            case MOVE_TODO -> TaskRules.moveTo(task, BOARD.column("to-do"), at);
            case MOVE_DOING -> TaskRules.moveTo(task, BOARD.column("doing"), at);
            case MOVE_REVIEW -> TaskRules.moveTo(task, BOARD.column("review"), at);
            case MOVE_DONE -> TaskRules.moveTo(task, BOARD.column("done"), at);
            case MOVE_CANCELLED -> TaskRules.moveTo(task, BOARD.column("cancelled"), at);
            case ASSIGN -> TaskRules.assign(task, EmployeeId.of("boris"), at);
        };
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        return Arbitraries.of(Command.class).list().ofMaxSize(30);
    }

    @Property
    @Label("after any sequence of commands a task is in a column of its status, has a completion time exactly when "
            + "closed, and a refused or idle command changes nothing")
    void anySequence(@ForAll("commands") List<Command> commands) {
        Task task = open();
        Instant at = T;
        for (Command c : commands) {
            at = at.plusSeconds(60);
            Task before = task;
            try {
                Decision<Task, TaskEvent> d = apply(task, c, at);
                task = d.state();
                if (d.events().isEmpty()) {
                    assertThat(task).isEqualTo(before);
                }
                if (task.status() != before.status() && !task.status().isOpen()) {
                    assertThat(task.completedAt()).isEqualTo(at);
                }
                if (task.status() == before.status() && !task.status().isOpen()) {
                    assertThat(task.completedAt()).isEqualTo(before.completedAt());
                }
            } catch (ValidationException refused) {
                assertThat(before.status().isOpen()).isFalse();
                assertThat(refused.violationCode()).isIn("task.transition", "task.closed");
            }
            assertThat(BOARD.column(task.column()).status()).isEqualTo(task.status());
            assertThat(task.completedAt() == null).isEqualTo(task.status().isOpen());
            assertThat(task.version()).isZero();
            assertThat(task.id()).isEqualTo(before.id());
        }
    }

    @Property
    @Label("the same command given twice in a row decides no event the second time")
    void idempotent(@ForAll Command c, @ForAll @Size(max = 5) List<Command> prefix) {
        Task task = open();
        Instant at = T;
        try {
            for (Command p : prefix) {
                at = at.plusSeconds(60);
                task = apply(task, p, at).state();
            }
            task = apply(task, c, at.plusSeconds(60)).state();
        } catch (ValidationException refused) {
            return;
        }
        assertThat(apply(task, c, at.plusSeconds(120)).events()).isEmpty();
    }

    @Test
    @DisplayName("completing a task sets the completion time from the command, reopening clears it")
    void completeAndReopen() {
        Task done = TaskRules.complete(open(), BOARD, T.plusSeconds(5)).state();
        Task reopened = TaskRules.reopen(done, BOARD, T.plusSeconds(9)).state();

        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.column()).isEqualTo("done");
        assertThat(done.completedAt()).isEqualTo(T.plusSeconds(5));
        assertThat(reopened.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(reopened.column()).isEqualTo("backlog");
        assertThat(reopened.completedAt()).isNull();
    }

    @Test
    @DisplayName("a done task is not cancelled, nor given to someone else, without reopening it")
    void closedRefusals() {
        Task done = TaskRules.complete(open(), BOARD, T).state();

        assertThatThrownBy(() -> TaskRules.cancel(done, BOARD, T))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("status");
                    assertThat(e.violationCode()).isEqualTo("task.transition");
                    assertThat(e.getMessage()).contains("DONE", "CANCELLED", "reopen");
                });
        assertThatThrownBy(() -> TaskRules.assign(done, EmployeeId.of("boris"), T))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationCode()).isEqualTo("task.closed"));
    }

    @Test
    @DisplayName("moving within one status changes the column only, and tells so")
    void moveWithinStatus() {
        Decision<Task, TaskEvent> d = TaskRules.moveTo(open(), BOARD.column("to-do"), T);

        assertThat(d.state().status()).isEqualTo(TaskStatus.OPEN);
        assertThat(d.state().column()).isEqualTo("to-do");
        assertThat(d.events()).containsExactly(new TaskEvent.TaskMoved(open().id(), "backlog", "to-do", T));
    }

    @Test
    @DisplayName("a board needs a column for every status and distinct codes, and limits only open columns")
    void boardValidation() {
        assertThatThrownBy(() -> KanbanBoard.of(List.of(KanbanBoard.Column.of("a", "A", TaskStatus.OPEN),
                KanbanBoard.Column.of("a", "B", TaskStatus.DONE))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code())
                        .contains("kanban.column-duplicate", "kanban.status-missing"));
        assertThatThrownBy(() -> KanbanBoard.Column.of("done", "Done", TaskStatus.DONE).limitedTo(3))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationCode()).isEqualTo("kanban.wip-limit-closed"));
        assertThatThrownBy(() -> BOARD.column("nowhere"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("column");
                    assertThat(e.getMessage()).contains("nowhere", "backlog");
                });
    }

    @Test
    @DisplayName("a task's fields are checked all at once, and a closed task must have its completion time")
    void taskValidation() {
        assertThatThrownBy(() -> Task.builder().id(TaskId.of(new UUID(1, 2))).title(" ")
                .responsible(EmployeeId.of("anna")).due(T).column("No Code").status(TaskStatus.DONE)
                .createdAt(T).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactlyInAnyOrder("title", "column", "completedAt"));
    }
}
