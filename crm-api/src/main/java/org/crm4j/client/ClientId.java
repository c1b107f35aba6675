package org.crm4j.client;

import java.util.Objects;
import java.util.UUID;
import org.crm4j.common.ValidationException;

/**
 * The identity of a client card: a UUID, time-ordered (version 7) when crm4j generates it. Immutable.
 *
 * @param value the UUID
 */
public record ClientId(UUID value) {
    public ClientId {
        Objects.requireNonNull(value, "value");
    }

    public static ClientId of(UUID value) {
        return new ClientId(value);
    }

    /** Parses the canonical text form, {@code 0190f1c2-...}. */
    public static ClientId parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return new ClientId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("clientId", "client-id.format", text, "'" + text + "' is not a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
