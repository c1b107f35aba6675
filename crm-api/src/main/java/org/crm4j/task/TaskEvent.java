package org.crm4j.task;

import org.crm4j.common.CrmEvent;
import org.crm4j.common.EmployeeId;

/** What happened to a task. Immutable records. */
public sealed interface TaskEvent extends CrmEvent {
    TaskId taskId();

    /** A task was created. */
    record TaskCreated(TaskId taskId, TaskKind kind, EmployeeId responsible, java.time.Instant at)
            implements TaskEvent {
        @Override
        public String type() {
            return "task.created";
        }
    }

    /** A task was given to another employee. */
    record TaskAssigned(TaskId taskId, EmployeeId from, EmployeeId to, java.time.Instant at) implements TaskEvent {
        @Override
        public String type() {
            return "task.assigned";
        }
    }

    /** A task changed status (and column). */
    record TaskStatusChanged(TaskId taskId, TaskStatus from, TaskStatus to, java.time.Instant at)
            implements TaskEvent {
        @Override
        public String type() {
            return "task.status-changed";
        }
    }

    /** A task moved to another column of the board without changing status. */
    record TaskMoved(TaskId taskId, String fromColumn, String toColumn, java.time.Instant at) implements TaskEvent {
        @Override
        public String type() {
            return "task.moved";
        }
    }
}
