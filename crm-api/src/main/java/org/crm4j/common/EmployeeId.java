package org.crm4j.common;

import java.util.Objects;

/**
 * An employee of the embedding system (a manager, an agent, a supervisor), identified by the ERP's own user key.
 * crm4j does not own employees; it refers to them by this id. Immutable.
 *
 * @param value the ERP's key, 1 to 64 characters without surrounding blanks
 */
public record EmployeeId(String value) {
    public EmployeeId {
        Objects.requireNonNull(value, "value");
        value = value.strip();
        if (value.isEmpty() || value.length() > 64) {
            throw new ValidationException("employeeId", "employee-id.length", value,
                    "employee id must have 1 to 64 characters, was '" + value + "'");
        }
    }

    public static EmployeeId of(String value) {
        return new EmployeeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
