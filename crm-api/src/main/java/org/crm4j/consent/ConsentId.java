package org.crm4j.consent;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of one consent record. Immutable.
 *
 * @param value the UUID
 */
public record ConsentId(UUID value) {
    public ConsentId {
        Objects.requireNonNull(value, "value");
    }

    /** The id {@code value}. */
    public static ConsentId of(UUID value) {
        return new ConsentId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
