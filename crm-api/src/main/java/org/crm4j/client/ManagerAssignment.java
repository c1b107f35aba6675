package org.crm4j.client;

import java.time.Instant;
import java.util.Objects;
import org.crm4j.common.EmployeeId;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a client's assignment history (M-6.4): from {@code at} on, {@code manager} is responsible for
 * the client ({@code null}: nobody is). Immutable.
 *
 * @param manager    the responsible manager from now on, or {@code null} when the client was unassigned
 * @param at         when the assignment took effect
 * @param assignedBy who made it, or {@code null} when a rule or an import did
 * @param reason     why, free text, or {@code null}
 */
public record ManagerAssignment(@Nullable EmployeeId manager, Instant at, @Nullable EmployeeId assignedBy,
                                @Nullable String reason) {
    public ManagerAssignment {
        Objects.requireNonNull(at, "at");
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
