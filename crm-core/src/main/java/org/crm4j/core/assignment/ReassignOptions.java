package org.crm4j.core.assignment;

import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * What a reassignment takes along. Open tasks and open deals move only when they are the previous manager's:
 * work the client's tasks give to others (a lawyer, an accountant) stays with them, and closed tasks and deals
 * keep the manager who closed them. Immutable.
 *
 * @param moveOpenTasks       whether the previous manager's open tasks about the client go to the new manager
 * @param moveOpenDeals       whether the previous manager's open deals with the client go to the new manager
 * @param handover            whether the new manager gets a {@link org.crm4j.task.TaskKind#HANDOVER} task
 * @param handoverWorkingDays the handover task is due at the end of this many working days after today, 0 to
 *                            30 (0: today, or the next working day when today is not one)
 * @param assignedBy          who reassigns, written to the assignment history, or {@code null}
 * @param reason              why, written to the assignment history, or {@code null}
 */
public record ReassignOptions(boolean moveOpenTasks, boolean moveOpenDeals, boolean handover, int handoverWorkingDays,
                              @Nullable EmployeeId assignedBy, @Nullable String reason) {
    public ReassignOptions {
        if (handoverWorkingDays < 0 || handoverWorkingDays > 30) {
            throw new ValidationException("handoverWorkingDays", "reassign.handover-days", handoverWorkingDays,
                    "a handover is due within 0 to 30 working days, was " + handoverWorkingDays);
        }
        reason = reason == null || reason.isBlank() ? null : reason.strip();
        if (reason != null && reason.length() > 400) {
            throw new ValidationException("reason", "reassign.reason", reason,
                    "a reason has at most 400 characters");
        }
    }

    /** Open tasks and deals move, and a handover task is due at the end of the next working day. */
    public static ReassignOptions defaults() {
        return new ReassignOptions(true, true, true, 1, null, null);
    }

    public ReassignOptions withOpenTasks(boolean move) {
        return new ReassignOptions(move, moveOpenDeals, handover, handoverWorkingDays, assignedBy, reason);
    }

    public ReassignOptions withOpenDeals(boolean move) {
        return new ReassignOptions(moveOpenTasks, move, handover, handoverWorkingDays, assignedBy, reason);
    }

    public ReassignOptions withHandover(boolean create, int workingDays) {
        return new ReassignOptions(moveOpenTasks, moveOpenDeals, create, workingDays, assignedBy, reason);
    }

    /** Who reassigns and why. */
    public ReassignOptions by(@Nullable EmployeeId assignedBy, @Nullable String reason) {
        return new ReassignOptions(moveOpenTasks, moveOpenDeals, handover, handoverWorkingDays, assignedBy, reason);
    }
}
