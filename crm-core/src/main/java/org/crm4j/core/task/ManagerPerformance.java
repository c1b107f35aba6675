package org.crm4j.core.task;

import java.util.Objects;
import org.crm4j.common.EmployeeId;

/**
 * How one employee kept all regulations in a period (M-5.4): who does things on time and who does not. The
 * median and worst lateness are over all their late tasks, not medians of medians. Immutable.
 *
 * @param responsible the employee
 * @param tally       their regulated tasks due in the period
 */
public record ManagerPerformance(EmployeeId responsible, ComplianceTally tally) {
    public ManagerPerformance {
        Objects.requireNonNull(responsible, "responsible");
        Objects.requireNonNull(tally, "tally");
    }
}
