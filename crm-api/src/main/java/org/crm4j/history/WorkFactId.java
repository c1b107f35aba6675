package org.crm4j.history;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity crm4j gives a fact of the work history (time-ordered by default). Immutable.
 *
 * @param value the UUID
 */
public record WorkFactId(UUID value) {
    public WorkFactId {
        Objects.requireNonNull(value, "value");
    }

    public static WorkFactId of(UUID value) {
        return new WorkFactId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
