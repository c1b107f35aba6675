package org.crm4j.history;

import java.time.Instant;
import org.crm4j.client.ClientId;
import org.crm4j.common.Money;

/**
 * What RFM scoring needs of one client that bought in a period: recency, frequency and monetary value. Immutable.
 *
 * @param client       the client
 * @param lastPurchase the moment of its last sale line in the period
 * @param documents    distinct sale documents in the period
 * @param sales        the amount of its sale lines in the period
 */
public record RfmInput(ClientId client, Instant lastPurchase, long documents, Money sales) {
}
