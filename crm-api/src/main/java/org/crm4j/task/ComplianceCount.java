package org.crm4j.task;

import java.util.Objects;
import org.crm4j.common.EmployeeId;

/**
 * How the tasks of one regulation given to one employee, due in a period, stand at a moment (M-5.3), judged by
 * the clock: done on time is done at or before the deadline. Business time is not looked at here; see
 * {@link TaskStore#findLateRegulated}. Immutable.
 *
 * @param regulation  the regulation's code
 * @param responsible the employee responsible for the tasks
 * @param due         the tasks due in the period, whatever their status
 * @param onTime      those done at or before their deadline
 * @param late        those done after their deadline
 * @param overdue     those still open whose deadline passed before the moment of the question
 * @param cancelled   those cancelled
 */
public record ComplianceCount(String regulation, EmployeeId responsible, long due, long onTime, long late,
                              long overdue, long cancelled) {
    public ComplianceCount {
        Objects.requireNonNull(regulation, "regulation");
        Objects.requireNonNull(responsible, "responsible");
    }

    /** Those still open and not yet overdue. */
    public long pending() {
        return due - onTime - late - overdue - cancelled;
    }
}
