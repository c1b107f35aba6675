package org.crm4j.dossier;

import java.util.Objects;

/**
 * How one dossier relates to another. Each type links a dossier of one kind to a dossier of one kind:
 * {@link #from()} to {@link #to()}. The link is directed: "Petrov works at Romashka" is a link of the person's
 * dossier; the firm's dossier finds it as an inbound link ({@link DossierStore#findLinkingTo}).
 */
public enum DossierLinkType {
    /** A person works at a firm. */
    WORKS_AT(DossierKind.PERSON, DossierKind.FIRM),
    /** A firm competes with a firm. */
    COMPETITOR_OF(DossierKind.FIRM, DossierKind.FIRM),
    /** A firm supplies a firm. */
    SUPPLIER_OF(DossierKind.FIRM, DossierKind.FIRM),
    /** A product is an analogue of a product: the same thing from another maker. */
    ANALOGUE_OF(DossierKind.PRODUCT, DossierKind.PRODUCT),
    /** A product can replace a product: another thing serving the same need. */
    SUBSTITUTE_FOR(DossierKind.PRODUCT, DossierKind.PRODUCT);

    private final DossierKind from;
    private final DossierKind to;

    DossierLinkType(DossierKind from, DossierKind to) {
        this.from = from;
        this.to = to;
    }

    /** The kind of dossier the link belongs to. */
    public DossierKind from() {
        return from;
    }

    /** The kind of dossier the link points to. */
    public DossierKind to() {
        return to;
    }

    /** Whether a dossier of kind {@code source} may link to a dossier of kind {@code target} with this type. */
    public boolean allows(DossierKind source, DossierKind target) {
        return from == Objects.requireNonNull(source, "source") && to == Objects.requireNonNull(target, "target");
    }
}
