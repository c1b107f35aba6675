package org.crm4j.interaction;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of an interaction. Immutable.
 *
 * @param value the UUID
 */
public record InteractionId(UUID value) {
    public InteractionId {
        Objects.requireNonNull(value, "value");
    }

    public static InteractionId of(UUID value) {
        return new InteractionId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
