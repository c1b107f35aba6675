package org.crm4j.deal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.crm4j.common.EmployeeId;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a deal's stage history: the deal entered {@code to} (from {@code from}, or as it was created when
 * {@code from} is {@code null}) at a moment, by an employee's action. Immutable.
 *
 * @param from  the stage left, {@code null} for the first entry
 * @param to    the stage entered
 * @param kind  the kind of the stage entered
 * @param at    when, to the microsecond
 * @param actor who did it
 */
public record StageChange(@Nullable String from, String to, StageKind kind, Instant at, EmployeeId actor) {
    public StageChange {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        at = at.truncatedTo(ChronoUnit.MICROS);
    }
}
