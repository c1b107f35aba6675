package org.crm4j.keydate;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a notable event. Immutable.
 *
 * @param value the UUID
 */
public record NotableEventId(UUID value) {
    public NotableEventId {
        Objects.requireNonNull(value, "value");
    }

    public static NotableEventId of(UUID value) {
        return new NotableEventId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
