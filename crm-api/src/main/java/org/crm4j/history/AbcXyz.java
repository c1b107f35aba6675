package org.crm4j.history;

import org.crm4j.client.ClientId;
import org.crm4j.common.Money;

/**
 * A client's ABC and XYZ classes over a period. Immutable.
 *
 * @param client the client
 * @param sales  its sales amount in the period, above 0
 * @param abc    its class by share of the sales
 * @param xyz    its class by steadiness of the monthly sales
 */
public record AbcXyz(ClientId client, Money sales, AbcClass abc, XyzClass xyz) {
    /** The two classes together, such as {@code AX}. */
    public String code() {
        return abc.name() + xyz.name();
    }
}
