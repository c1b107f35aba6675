package org.crm4j.task;

/**
 * Where a task stands. {@link #OPEN} and {@link #IN_PROGRESS} are open: the task is still to be done and may be
 * overdue; {@link #DONE} and {@link #CANCELLED} are closed, and a closed task has the moment it was closed.
 */
public enum TaskStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    CANCELLED;

    /** Whether a task in this status is still to be done. */
    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
