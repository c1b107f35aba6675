package org.crm4j.core.assignment;

import java.util.Objects;
import org.crm4j.common.EmployeeId;

/**
 * Why a manager of the team was not a candidate for a client. Immutable.
 *
 * @param manager the manager left out
 * @param step    the step that left them out: {@code leaving}, {@code absences}, {@code region}, {@code industry}
 * @param why     in words
 */
public record Exclusion(EmployeeId manager, String step, String why) {
    public Exclusion {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(why, "why");
    }
}
