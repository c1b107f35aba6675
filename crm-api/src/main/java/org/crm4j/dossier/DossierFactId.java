package org.crm4j.dossier;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a fact in a dossier's timeline. Immutable.
 *
 * @param value the UUID
 */
public record DossierFactId(UUID value) {
    public DossierFactId {
        Objects.requireNonNull(value, "value");
    }

    public static DossierFactId of(UUID value) {
        return new DossierFactId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
