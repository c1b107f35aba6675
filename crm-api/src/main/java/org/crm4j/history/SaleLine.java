package org.crm4j.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A line of a sale document: what the client bought, how much of it and for how much. Immutable and thread-safe.
 *
 * @param id          crm4j's identity
 * @param key         the ERP's document and line
 * @param client      the buyer
 * @param at          the moment of the document, kept to the microsecond
 * @param productCode the ERP's product code, 1 to 64 characters
 * @param productName the product's name, 1 to 300 characters
 * @param quantity    how much, above 0, at most 6 fraction and 12 integer digits; kept without trailing zeros
 * @param amount      the line's amount, at least 0 (a free sample is 0), at most 18 integer digits
 * @param manager     the manager who sold, or {@code null}
 */
public record SaleLine(WorkFactId id, DocumentLine key, ClientId client, Instant at, String productCode,
                       String productName, BigDecimal quantity, Money amount, @Nullable EmployeeId manager)
        implements WorkFact {
    public SaleLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(amount, "amount");
        at = at.truncatedTo(ChronoUnit.MICROS);
        Violations v = new Violations();
        productCode = Facts.text(v, "productCode", productCode, 64);
        productName = Facts.text(v, "productName", productName, 300);
        quantity = quantity.stripTrailingZeros();
        if (quantity.scale() < 0) {
            quantity = quantity.setScale(0);
        }
        if (quantity.signum() <= 0) {
            v.add("quantity", "work-fact.quantity", quantity.toPlainString(),
                    "the quantity must be above zero, was " + quantity.toPlainString());
        } else if (quantity.scale() > 6 || Facts.integerDigits(quantity) > 12) {
            v.add("quantity", "work-fact.quantity-range", quantity.toPlainString(),
                    "the quantity has at most 12 integer and 6 fraction digits, was " + quantity.toPlainString());
        }
        Facts.amount(v, "amount", amount, false);
        v.throwIfAny();
    }

    @Override
    public WorkFactKind kind() {
        return WorkFactKind.SALE;
    }

    @Override
    public SaleLine withId(WorkFactId id) {
        return new SaleLine(id, key, client, at, productCode, productName, quantity, amount, manager);
    }
}
