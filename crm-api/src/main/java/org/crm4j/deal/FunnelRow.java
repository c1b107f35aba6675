package org.crm4j.deal;

import java.util.Objects;
import org.crm4j.common.EmployeeId;
import org.jspecify.annotations.Nullable;

/**
 * How many deals of one lead source, manager and campaign, created in a period, ever entered a stage. Immutable.
 *
 * @param stage      the stage's code
 * @param leadSource the deals' lead source, or {@code null} for deals without one
 * @param manager    their manager
 * @param campaign   their campaign, or {@code null}
 * @param deals      how many of them entered the stage
 */
public record FunnelRow(String stage, @Nullable String leadSource, EmployeeId manager, @Nullable String campaign,
                        long deals) {
    public FunnelRow {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(manager, "manager");
    }
}
