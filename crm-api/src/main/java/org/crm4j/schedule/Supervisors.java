package org.crm4j.schedule;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.common.EmployeeId;

/**
 * Who supervises whom, as the embedding system's staff records tell: the person an overdue task is escalated to.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface Supervisors {
    /** The supervisor of {@code employee}, or empty when they have none (or are not known). */
    Optional<EmployeeId> of(EmployeeId employee);

    /** Nobody has a supervisor: escalations go only to those a rule names. */
    static Supervisors none() {
        return employee -> Optional.empty();
    }

    /** Supervisors from a fixed map of employee to supervisor. */
    static Supervisors of(Map<EmployeeId, EmployeeId> supervisorOf) {
        Map<EmployeeId, EmployeeId> copy = Map.copyOf(Objects.requireNonNull(supervisorOf, "supervisorOf"));
        return employee -> Optional.ofNullable(copy.get(employee));
    }
}
