package org.crm4j.task;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a task. Immutable.
 *
 * @param value the UUID
 */
public record TaskId(UUID value) {
    public TaskId {
        Objects.requireNonNull(value, "value");
    }

    public static TaskId of(UUID value) {
        return new TaskId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
