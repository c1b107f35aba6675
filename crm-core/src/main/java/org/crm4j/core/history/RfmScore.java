package org.crm4j.core.history;

import java.time.Instant;
import org.crm4j.client.ClientId;
import org.crm4j.common.Money;

/**
 * A client's RFM scores over a period, each from 1 (worst) to 5 (best), with the figures they come from.
 * Immutable.
 *
 * @param client       the client
 * @param lastPurchase its last sale line in the period
 * @param documents    its distinct sale documents in the period
 * @param sales        its sales amount in the period
 * @param recency      how recently it bought
 * @param frequency    how often
 * @param monetary     how much
 */
public record RfmScore(ClientId client, Instant lastPurchase, long documents, Money sales, int recency,
                       int frequency, int monetary) {
    /** The three scores as digits, such as {@code 545}. */
    public String code() {
        return "" + recency + frequency + monetary;
    }
}
