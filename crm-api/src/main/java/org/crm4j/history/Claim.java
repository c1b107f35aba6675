package org.crm4j.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.crm4j.client.ClientId;
import org.crm4j.common.Money;
import org.crm4j.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A claim the client made: goods returned, a shortfall, a defect. Immutable and thread-safe.
 *
 * @param id      crm4j's identity
 * @param key     the ERP's document and line
 * @param client  the claimant
 * @param at      the moment of the claim document, kept to the microsecond
 * @param subject what it is about, 1 to 300 characters
 * @param amount  what the client claims, at least 0, or {@code null} when it names no sum
 */
public record Claim(WorkFactId id, DocumentLine key, ClientId client, Instant at, String subject,
                    @Nullable Money amount) implements WorkFact {
    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(at, "at");
        at = at.truncatedTo(ChronoUnit.MICROS);
        Violations v = new Violations();
        subject = Facts.text(v, "subject", subject, 300);
        if (amount != null) {
            Facts.amount(v, "amount", amount, false);
        }
        v.throwIfAny();
    }

    @Override
    public WorkFactKind kind() {
        return WorkFactKind.CLAIM;
    }

    @Override
    public Claim withId(WorkFactId id) {
        return new Claim(id, key, client, at, subject, amount);
    }
}
