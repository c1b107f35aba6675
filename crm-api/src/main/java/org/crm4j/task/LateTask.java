package org.crm4j.task;

import java.time.Instant;
import java.util.Objects;
import org.crm4j.common.EmployeeId;
import org.jspecify.annotations.Nullable;

/**
 * A regulated task past its deadline by the clock (M-5.3): done after it, or still open after it. What a
 * compliance report needs to measure its lateness in business time, and nothing more. Immutable.
 *
 * @param id          the task
 * @param regulation  the regulation's code
 * @param responsible the employee responsible for it
 * @param due         its deadline
 * @param completedAt when it was done, or {@code null} while it is still open
 */
public record LateTask(TaskId id, String regulation, EmployeeId responsible, Instant due,
                       @Nullable Instant completedAt) {
    public LateTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(regulation, "regulation");
        Objects.requireNonNull(responsible, "responsible");
        Objects.requireNonNull(due, "due");
    }
}
