package org.crm4j.core.task;

import java.time.Instant;
import java.util.Objects;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;
import org.crm4j.core.common.Decision;
import org.crm4j.task.Task;
import org.crm4j.task.TaskEvent;
import org.crm4j.task.TaskStatus;

/**
 * The rules of a task, as pure functions: a task, a command's input and the time go in; the new task and the
 * events come out. A command that would change nothing (completing a done task, moving a task to its own column)
 * decides no event, and its use case saves nothing. Status changes:
 * <ul>
 *   <li>an open task ({@code OPEN}, {@code IN_PROGRESS}) may take any status; closing it sets
 *       {@link Task#completedAt()} to the time of the command;</li>
 *   <li>a closed task ({@code DONE}, {@code CANCELLED}) may only be reopened, to an open status, which clears
 *       its completion time; a done task is not cancelled nor a cancelled one done without reopening it.</li>
 * </ul>
 * A refusal is a {@link ValidationException} naming the field and the rule. Stateless.
 */
public final class TaskRules {
    private TaskRules() {
    }

    /** Creates a task (built open, version 0, in a column of its status on the board). */
    public static Decision<Task, TaskEvent> create(Task task, KanbanBoard board, Instant at) {
        Objects.requireNonNull(task, "task");
        KanbanBoard.Column column = board.column(task.column());
        if (!task.status().isOpen() || column.status() != task.status()) {
            throw new ValidationException("column", "task.create-closed", task.column(),
                    "a new task starts in a column of an open status; '" + column.code() + "' holds "
                            + column.status() + " tasks and the task is " + task.status());
        }
        return Decision.of(task, new TaskEvent.TaskCreated(task.id(), task.kind(), task.responsible(), at));
    }

    /**
     * Gives an open task to another employee.
     *
     * @throws ValidationException {@code task.closed} when the task is done or cancelled
     */
    public static Decision<Task, TaskEvent> assign(Task task, EmployeeId to, Instant at) {
        Objects.requireNonNull(to, "to");
        if (!task.status().isOpen()) {
            throw new ValidationException("status", "task.closed", task.status(),
                    "a " + task.status() + " task is not given to anyone; reopen it first");
        }
        if (task.responsible().equals(to)) {
            return Decision.of(task);
        }
        return Decision.of(task.withResponsible(to), new TaskEvent.TaskAssigned(task.id(), task.responsible(), to, at));
    }

    /** Starts an open task: it goes to the board's first in-progress column. */
    public static Decision<Task, TaskEvent> start(Task task, KanbanBoard board, Instant at) {
        if (task.status() == TaskStatus.IN_PROGRESS) {
            return Decision.of(task);
        }
        return moveTo(task, board.first(TaskStatus.IN_PROGRESS), at);
    }

    /** Completes an open task at {@code at}: it goes to the board's first done column. */
    public static Decision<Task, TaskEvent> complete(Task task, KanbanBoard board, Instant at) {
        if (task.status() == TaskStatus.DONE) {
            return Decision.of(task);
        }
        return moveTo(task, board.first(TaskStatus.DONE), at);
    }

    /** Cancels an open task at {@code at}: it goes to the board's first cancelled column. */
    public static Decision<Task, TaskEvent> cancel(Task task, KanbanBoard board, Instant at) {
        if (task.status() == TaskStatus.CANCELLED) {
            return Decision.of(task);
        }
        return moveTo(task, board.first(TaskStatus.CANCELLED), at);
    }

    /** Reopens a closed task: it goes to the board's first open column and loses its completion time. */
    public static Decision<Task, TaskEvent> reopen(Task task, KanbanBoard board, Instant at) {
        if (task.status().isOpen()) {
            return Decision.of(task);
        }
        return moveTo(task, board.first(TaskStatus.OPEN), at);
    }

    /**
     * Moves a task to a column of the board, taking the column's status.
     *
     * @throws ValidationException {@code task.transition} when a closed task would go to another closed status
     */
    public static Decision<Task, TaskEvent> moveTo(Task task, KanbanBoard.Column column, Instant at) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(column, "column");
        TaskStatus from = task.status();
        TaskStatus to = column.status();
        if (from == to) {
            if (task.column().equals(column.code())) {
                return Decision.of(task);
            }
            return Decision.of(task.withStatus(to, column.code(), task.completedAt()),
                    new TaskEvent.TaskMoved(task.id(), task.column(), column.code(), at));
        }
        if (!from.isOpen() && !to.isOpen()) {
            throw new ValidationException("status", "task.transition", to, "a " + from + " task does not become "
                    + to + " (column '" + column.code() + "'); reopen it first");
        }
        return Decision.of(task.withStatus(to, column.code(), to.isOpen() ? null : at),
                new TaskEvent.TaskStatusChanged(task.id(), from, to, at));
    }
}
