package org.crm4j.dossier;

import java.util.Objects;
import java.util.UUID;
import org.crm4j.common.ValidationException;

/**
 * The identity of a dossier: a UUID, time-ordered (version 7) when crm4j generates it. Immutable.
 *
 * @param value the UUID
 */
public record DossierId(UUID value) {
    public DossierId {
        Objects.requireNonNull(value, "value");
    }

    public static DossierId of(UUID value) {
        return new DossierId(value);
    }

    /** Parses the canonical text form, {@code 0190f1c2-...}. */
    public static DossierId parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return new DossierId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("dossierId", "dossier-id.format", text, "'" + text + "' is not a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
