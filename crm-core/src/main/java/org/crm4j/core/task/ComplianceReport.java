package org.crm4j.core.task;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.common.EmployeeId;

/**
 * Regulation compliance and manager performance over the regulated tasks due in {@code [from, to)}, judged at
 * {@code at} in the CRM's business calendar (M-5.3, M-5.4). Immutable.
 *
 * @param from         the start of the period, inclusive
 * @param to           the end of the period, exclusive
 * @param at           the moment open tasks were judged at
 * @param byRegulation per regulation and employee, by regulation code then employee id
 * @param byManager    per employee over all regulations, by employee id
 */
public record ComplianceReport(Instant from, Instant to, Instant at, List<RegulationCompliance> byRegulation,
                               List<ManagerPerformance> byManager) {
    public ComplianceReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        byRegulation = List.copyOf(byRegulation);
        byManager = List.copyOf(byManager);
    }

    /** How {@code responsible} kept {@code regulation}, if they had tasks of it due in the period. */
    public Optional<RegulationCompliance> of(String regulation, EmployeeId responsible) {
        return byRegulation.stream()
                .filter(r -> r.regulation().equals(regulation) && r.responsible().equals(responsible)).findFirst();
    }

    /** How {@code responsible} kept all regulations, if they had regulated tasks due in the period. */
    public Optional<ManagerPerformance> of(EmployeeId responsible) {
        return byManager.stream().filter(m -> m.responsible().equals(responsible)).findFirst();
    }
}
