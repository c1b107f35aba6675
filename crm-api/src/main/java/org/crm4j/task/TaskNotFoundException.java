package org.crm4j.task;

import org.crm4j.common.NotFoundException;

/** No task is stored under the id. */
public final class TaskNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public TaskNotFoundException(TaskId id) {
        super("task", id);
    }
}
