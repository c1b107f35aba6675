package org.crm4j.deal;

import java.time.YearMonth;
import java.util.Objects;
import org.crm4j.common.Money;

/**
 * The open deals of a pipeline expected to close in one month, in one currency. Immutable.
 *
 * @param month    the month of their expected close date
 * @param deals    how many
 * @param amount   the sum of their amounts
 * @param weighted the sum of amount times probability, rounded half-even to the currency's minor unit once summed
 */
public record ForecastRow(YearMonth month, long deals, Money amount, Money weighted) {
    public ForecastRow {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(weighted, "weighted");
    }
}
