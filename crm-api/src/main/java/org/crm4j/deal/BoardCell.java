package org.crm4j.deal;

import java.util.Objects;
import org.crm4j.common.Money;

/**
 * One column of a pipeline's board in one currency: how many deals are in the stage, what they are worth, their
 * weighted worth and how many of them are idle. Immutable.
 *
 * @param stage    the stage's code
 * @param deals    how many deals are in it
 * @param amount   the sum of their amounts
 * @param weighted the sum of amount times probability, rounded half-even to the currency's minor unit once summed
 * @param idle     how many of them are idle
 */
public record BoardCell(String stage, long deals, Money amount, Money weighted, long idle) {
    public BoardCell {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(weighted, "weighted");
    }
}
