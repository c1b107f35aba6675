package org.crm4j.assignment;

import java.time.Instant;
import java.util.Objects;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;

/**
 * What the clients' assignment histories say of one manager: when they were last made responsible for a client,
 * and how many times that happened. Round-robin reads it from storage, so every node of an application takes
 * the same turn. Immutable.
 *
 * @param manager        the manager
 * @param lastAssignedAt the latest moment an entry of a client's history made them responsible
 * @param assignments    how many entries of the clients' histories made them responsible, at least 1
 */
public record AssignmentTally(EmployeeId manager, Instant lastAssignedAt, long assignments) {
    public AssignmentTally {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(lastAssignedAt, "lastAssignedAt");
        if (assignments < 1) {
            throw new ValidationException("assignments", "tally.count", assignments,
                    "a tally counts at least one assignment, was " + assignments);
        }
    }
}
