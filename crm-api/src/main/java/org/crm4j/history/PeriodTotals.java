package org.crm4j.history;

import org.crm4j.common.Money;

/**
 * A client's figures in one period of a report, in one currency; what the store sums, from which the use case
 * derives averages. Immutable.
 *
 * @param period        the period's index, from 0
 * @param sales         the amount of the sale lines
 * @param saleDocuments distinct sale documents ("checks")
 * @param saleLines     sale lines
 * @param paid          the amount of the payments
 * @param payments      payments
 * @param daysLateTotal the days late of the payments, summed
 * @param maxDaysLate   the most days late of a payment, 0 without payments
 * @param claims        claims, whatever their currency
 */
public record PeriodTotals(int period, Money sales, long saleDocuments, long saleLines, Money paid, long payments,
                           long daysLateTotal, int maxDaysLate, long claims) {
}
