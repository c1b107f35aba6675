package org.crm4j.schedule;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a reminder. Immutable.
 *
 * @param value the UUID
 */
public record ReminderId(UUID value) {
    public ReminderId {
        Objects.requireNonNull(value, "value");
    }

    public static ReminderId of(UUID value) {
        return new ReminderId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
