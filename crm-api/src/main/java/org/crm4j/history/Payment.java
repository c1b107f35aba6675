package org.crm4j.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.crm4j.client.ClientId;
import org.crm4j.common.Money;
import org.crm4j.common.Violations;

/**
 * A payment received from a client, and how late it came. Immutable and thread-safe.
 *
 * @param id       crm4j's identity
 * @param key      the ERP's document and line
 * @param client   the payer
 * @param at       the moment of the payment document, kept to the microsecond
 * @param amount   the amount paid, above 0, at most 18 integer digits
 * @param method   how it was paid
 * @param daysLate days past the due date, 0 for a payment on time or early
 */
public record Payment(WorkFactId id, DocumentLine key, ClientId client, Instant at, Money amount,
                      PaymentMethod method, int daysLate) implements WorkFact {
    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
        at = at.truncatedTo(ChronoUnit.MICROS);
        Violations v = new Violations();
        Facts.amount(v, "amount", amount, true);
        if (daysLate < 0) {
            v.add("daysLate", "work-fact.days-late", daysLate, "days late are 0 or more, was " + daysLate);
        }
        v.throwIfAny();
    }

    @Override
    public WorkFactKind kind() {
        return WorkFactKind.PAYMENT;
    }

    @Override
    public Payment withId(WorkFactId id) {
        return new Payment(id, key, client, at, amount, method, daysLate);
    }
}
