package org.crm4j.template;

import java.util.Optional;
import org.crm4j.common.EmployeeId;

/**
 * Who an employee is, by name: the port through which message templates learn the name of the manager they are
 * signed by ({@code {manager.name}}). crm4j keeps employees' keys only; the embedding system knows their names.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface EmployeeNames {
    /** The name to show for {@code employee} ("Анна Петрова"), or empty when it is not known. */
    Optional<String> nameOf(EmployeeId employee);

    /** Names of no one: {@code {manager.name}} renders as its fallback. */
    static EmployeeNames none() {
        return employee -> Optional.empty();
    }
}
