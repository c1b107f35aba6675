package org.crm4j.assignment;

import java.time.Instant;
import java.util.Objects;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;

/**
 * One period an employee is away: from {@code from} (included) to {@code to} (excluded). Immutable.
 *
 * @param employee who is away
 * @param from     the first moment away
 * @param to       the moment they are back, after {@code from}
 */
public record Absence(EmployeeId employee, Instant from, Instant to) {
    public Absence {
        Objects.requireNonNull(employee, "employee");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new ValidationException("to", "absence.period", to,
                    "an absence ends after it begins at " + from + ", was " + to);
        }
    }

    /** Whether this period keeps {@code who} away at {@code at}. */
    public boolean covers(EmployeeId who, Instant at) {
        return employee.equals(who) && !at.isBefore(from) && at.isBefore(to);
    }
}
