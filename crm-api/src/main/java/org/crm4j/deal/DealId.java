package org.crm4j.deal;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a deal. Immutable.
 *
 * @param value the UUID
 */
public record DealId(UUID value) {
    public DealId {
        Objects.requireNonNull(value, "value");
    }

    /** The deal id of {@code value}. */
    public static DealId of(UUID value) {
        return new DealId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
