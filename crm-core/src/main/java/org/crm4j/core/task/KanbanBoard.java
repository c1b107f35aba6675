package org.crm4j.core.task;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violations;
import org.crm4j.task.TaskStatus;
import org.jspecify.annotations.Nullable;

/**
 * The Kanban board tasks move on (M-5.5): columns in display order, each meaning a {@link TaskStatus}, so that
 * moving a task to a column starts, completes, cancels or reopens it, and a column of an open status may have a
 * work-in-progress limit: the number of open tasks it holds at most, whoever is responsible for them. Every
 * status has at least one column; the first column of a status is where a task lands when its status changes by
 * a command ({@code start}, {@code complete}, …) rather than by a move. Immutable and thread-safe.
 */
public final class KanbanBoard {
    /**
     * A column of the board.
     *
     * @param code     a code, stored on each task in the column
     * @param name     what people see
     * @param status   the status of a task in this column
     * @param wipLimit the most open tasks the column holds, or {@code null} for no limit; only on a column of an
     *                 open status
     */
    public record Column(String code, String name, TaskStatus status, @Nullable Integer wipLimit) {
        public Column {
            Objects.requireNonNull(status, "status");
            Violations v = new Violations();
            code = code == null ? "" : code.strip();
            if (!ClassifierEntry.isCode(code)) {
                v.add("code", "classifier.code", code, "a column's code must be a code, was '" + code + "'");
            }
            name = name == null ? "" : name.strip();
            if (name.isEmpty() || name.length() > 100) {
                v.add("name", "kanban.column-name", name, "a column's name has 1 to 100 characters");
            }
            if (wipLimit != null && wipLimit < 1) {
                v.add("wipLimit", "kanban.wip-limit", wipLimit, "a work-in-progress limit is at least 1, was "
                        + wipLimit);
            }
            if (wipLimit != null && !status.isOpen()) {
                v.add("wipLimit", "kanban.wip-limit-closed", wipLimit, "a column of " + status
                        + " tasks holds every closed task and has no work-in-progress limit");
            }
            v.throwIfAny();
        }

        /** A column without a limit. */
        public static Column of(String code, String name, TaskStatus status) {
            return new Column(code, name, status, null);
        }

        /** This column holding at most {@code limit} open tasks. */
        public Column limitedTo(int limit) {
            return new Column(code, name, status, limit);
        }
    }

    private final List<Column> columns;

    private KanbanBoard(List<Column> columns) {
        this.columns = columns;
    }

    /**
     * A board of the given columns, in display order.
     *
     * @throws ValidationException {@code kanban.column-duplicate} when two columns share a code,
     *                             {@code kanban.status-missing} when a status has no column
     */
    public static KanbanBoard of(List<Column> columns) {
        List<Column> list = List.copyOf(columns);
        Violations v = new Violations();
        Set<String> codes = new HashSet<>();
        Set<TaskStatus> missing = EnumSet.allOf(TaskStatus.class);
        for (int i = 0; i < list.size(); i++) {
            Column c = list.get(i);
            if (!codes.add(c.code())) {
                v.add("columns[" + i + "].code", "kanban.column-duplicate", c.code(),
                        "two columns have the code '" + c.code() + "'");
            }
            missing.remove(c.status());
        }
        for (TaskStatus status : missing) {
            v.add("columns", "kanban.status-missing", status, "the board has no column for " + status + " tasks");
        }
        v.throwIfAny();
        return new KanbanBoard(list);
    }

    /**
     * The board used when none is configured: {@code to-do} (open), {@code in-progress}, {@code done} and
     * {@code cancelled}, without limits.
     */
    public static KanbanBoard standard() {
        return of(List.of(Column.of("to-do", "To do", TaskStatus.OPEN),
                Column.of("in-progress", "In progress", TaskStatus.IN_PROGRESS),
                Column.of("done", "Done", TaskStatus.DONE),
                Column.of("cancelled", "Cancelled", TaskStatus.CANCELLED)));
    }

    /** The columns in display order. */
    public List<Column> columns() {
        return columns;
    }

    /**
     * The column of a code.
     *
     * @throws ValidationException {@code kanban.column-unknown} naming the code and the board's codes
     */
    public Column column(String code) {
        Objects.requireNonNull(code, "code");
        return columns.stream().filter(c -> c.code().equals(code.strip())).findFirst()
                .orElseThrow(() -> new ValidationException("column", "kanban.column-unknown", code,
                        "the board has no column '" + code + "'; its columns are "
                                + columns.stream().map(Column::code).toList()));
    }

    /** The first column of a status: where a task lands when a command gives it that status. */
    public Column first(TaskStatus status) {
        return columns.stream().filter(c -> c.status() == status).findFirst().orElseThrow();
    }
}
