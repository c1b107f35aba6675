package org.crm4j.assignment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.crm4j.common.EmployeeId;

/**
 * Who is away, as the embedding system's staff records tell (leave, sick days, business trips): an absent
 * manager is passed over when clients are assigned, and refused as the target of a reassignment.
 * Implementations are thread-safe and answer without side effects.
 */
@FunctionalInterface
public interface Absences {
    /** Whether {@code employee} is away at {@code at}. */
    boolean isAbsent(EmployeeId employee, Instant at);

    /** Nobody is ever away: the default. */
    static Absences none() {
        return (employee, at) -> false;
    }

    /** Absences from a fixed list of periods. */
    static Absences of(List<Absence> periods) {
        List<Absence> copy = List.copyOf(Objects.requireNonNull(periods, "periods"));
        return (employee, at) -> copy.stream().anyMatch(p -> p.covers(employee, at));
    }
}
