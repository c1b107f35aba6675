package org.crm4j.task;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.crm4j.common.CrmException;
import org.crm4j.common.EmployeeId;

/**
 * An employee may not take new work (M-5.5): the overdue policy is on and they have more overdue tasks than it
 * allows. {@link #blocking()} lists the tasks that block, which the message names too. Code
 * {@code task.work-blocked}.
 */
public final class WorkBlockedException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** A task that blocks: its id, title and deadline. Immutable. */
    public record BlockingTask(TaskId id, String title, java.time.Instant due) {
        public BlockingTask {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(due, "due");
        }
    }

    private final String employee;
    private final int allowed;
    private final transient List<BlockingTask> blocking;

    public WorkBlockedException(EmployeeId employee, int allowed, List<BlockingTask> blocking) {
        super("task.work-blocked", employee + " has " + blocking.size() + " overdue tasks, more than the "
                + allowed + " allowed, and may not take new ones until they are done: "
                + blocking.stream().map(b -> b.id() + " '" + b.title() + "' due " + b.due())
                .collect(Collectors.joining(", ")));
        this.employee = employee.value();
        this.allowed = allowed;
        this.blocking = List.copyOf(blocking);
    }

    /** The employee who may not take new work. */
    public EmployeeId employee() {
        return EmployeeId.of(employee);
    }

    /** How many overdue tasks the policy allows. */
    public int allowed() {
        return allowed;
    }

    /** The overdue tasks that block, by deadline. */
    public List<BlockingTask> blocking() {
        return blocking;
    }
}
