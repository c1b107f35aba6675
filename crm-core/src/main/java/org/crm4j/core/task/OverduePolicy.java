package org.crm4j.core.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;
import org.crm4j.task.Task;
import org.crm4j.task.WorkBlockedException;

/**
 * The optional rule that an employee with overdue work may not take new work (M-5.5): with
 * {@link #blockAfter(int, Duration)}, giving a task to someone who has more than {@code allowed} open tasks overdue
 * by more than {@code grace} is refused with a {@link WorkBlockedException} naming those tasks. Off by default
 * ({@link #off()}). Immutable and thread-safe.
 */
public final class OverduePolicy {
    private static final OverduePolicy OFF = new OverduePolicy(-1, Duration.ZERO);

    private final int allowed;
    private final Duration grace;

    private OverduePolicy(int allowed, Duration grace) {
        this.allowed = allowed;
        this.grace = grace;
    }

    /** No blocking: anyone may take new work. */
    public static OverduePolicy off() {
        return OFF;
    }

    /**
     * Blocks an employee who has more than {@code allowed} tasks overdue by more than {@code grace}.
     *
     * @throws ValidationException {@code overdue-policy.allowed} when {@code allowed} is negative,
     *                             {@code overdue-policy.grace} when the grace is negative
     */
    public static OverduePolicy blockAfter(int allowed, Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (allowed < 0) {
            throw new ValidationException("allowed", "overdue-policy.allowed", allowed,
                    "the number of overdue tasks allowed is not negative, was " + allowed);
        }
        if (grace.isNegative()) {
            throw new ValidationException("grace", "overdue-policy.grace", grace,
                    "the grace period is not negative, was " + grace);
        }
        return new OverduePolicy(allowed, grace);
    }

    /** Whether the policy blocks anyone at all. */
    public boolean isOn() {
        return allowed >= 0;
    }

    /** How many overdue tasks an employee may have and still take new work; -1 when off. */
    public int allowed() {
        return allowed;
    }

    /** How long past its deadline a task must be to count. */
    public Duration grace() {
        return grace;
    }

    /** Tasks due before this moment count as overdue at {@code now}. */
    public Instant overdueBefore(Instant now) {
        return now.minus(grace);
    }

    /**
     * How many of an employee's overdue tasks to read: enough to decide, and to name every blocking task up to a
     * sane number.
     */
    int lookupLimit() {
        return allowed + 100;
    }

    /**
     * Refuses new work for {@code employee} whose open tasks due before {@link #overdueBefore(Instant)} are
     * {@code overdue}; does nothing when the policy is off or they are few enough.
     *
     * @throws WorkBlockedException listing the overdue tasks
     */
    public void check(EmployeeId employee, List<Task> overdue) {
        if (isOn() && overdue.size() > allowed) {
            throw new WorkBlockedException(employee, allowed, overdue.stream()
                    .map(t -> new WorkBlockedException.BlockingTask(t.id(), t.title(), t.due())).toList());
        }
    }

    @Override
    public String toString() {
        return isOn() ? "block after " + allowed + " tasks overdue by more than " + grace : "off";
    }
}
