package org.crm4j.core.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.crm4j.common.Money;
import org.jspecify.annotations.Nullable;

/**
 * A client's figures in one month, quarter or year, in one currency. Immutable.
 *
 * @param start           the first day of the period
 * @param end             the first day after it
 * @param sales           the amount of the sale lines
 * @param saleDocuments   distinct sale documents ("checks")
 * @param saleLines       sale lines
 * @param averageCheck    sales divided by sale documents, rounded half-even to the currency's minor unit;
 *                        {@code null} without sales
 * @param paid            the amount of the payments
 * @param payments        payments
 * @param averageDaysLate the mean days late of the payments, to two decimals; {@code null} without payments
 * @param maxDaysLate     the most days late of a payment, 0 without payments
 * @param claims          claims, whatever their currency
 */
public record WorkPeriod(LocalDate start, LocalDate end, Money sales, long saleDocuments, long saleLines,
                         @Nullable Money averageCheck, Money paid, long payments, @Nullable BigDecimal averageDaysLate,
                         int maxDaysLate, long claims) {
}
