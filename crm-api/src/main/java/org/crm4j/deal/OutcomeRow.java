package org.crm4j.deal;

import java.time.Duration;
import java.util.Objects;
import org.crm4j.common.EmployeeId;
import org.jspecify.annotations.Nullable;

/**
 * How many deals of one lead source, manager and campaign, created in a period, are closed with a result kind,
 * and the total time from their creation to their closing. Immutable.
 *
 * @param kind       the kind of result (never {@link StageKind#OPEN})
 * @param leadSource the deals' lead source, or {@code null}
 * @param manager    their manager
 * @param campaign   their campaign, or {@code null}
 * @param deals      how many
 * @param totalCycle the sum over them of closing moment minus creation moment, to the second
 */
public record OutcomeRow(StageKind kind, @Nullable String leadSource, EmployeeId manager, @Nullable String campaign,
                         long deals, Duration totalCycle) {
    public OutcomeRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(totalCycle, "totalCycle");
    }
}
