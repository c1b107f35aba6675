package org.crm4j.core.task;

import java.util.Objects;
import org.crm4j.common.EmployeeId;

/**
 * How one employee kept one regulation in a period (M-5.3). Immutable.
 *
 * @param regulation  the regulation's code
 * @param responsible the employee
 * @param tally       their tasks of that regulation due in the period
 */
public record RegulationCompliance(String regulation, EmployeeId responsible, ComplianceTally tally) {
    public RegulationCompliance {
        Objects.requireNonNull(regulation, "regulation");
        Objects.requireNonNull(responsible, "responsible");
        Objects.requireNonNull(tally, "tally");
    }
}
