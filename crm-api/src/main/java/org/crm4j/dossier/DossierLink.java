package org.crm4j.dossier;

import java.util.Objects;

/**
 * A directed link from the dossier holding it to another dossier. Immutable.
 *
 * @param type   how the two relate
 * @param target the dossier linked to
 */
public record DossierLink(DossierLinkType type, DossierId target) {
    public DossierLink {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
    }

    public static DossierLink of(DossierLinkType type, DossierId target) {
        return new DossierLink(type, target);
    }

    @Override
    public String toString() {
        return type + " " + target;
    }
}
