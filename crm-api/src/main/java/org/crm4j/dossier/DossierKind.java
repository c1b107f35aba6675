package org.crm4j.dossier;

/** What a dossier is about (M-2.1). */
public enum DossierKind {
    /** A firm: a client, a competitor, a supplier, a notable market player. */
    FIRM,
    /** A notable person: a competitor's top manager, a supplier, an intermediary. */
    PERSON,
    /** A product the company makes or sells, or an analogue or substitute of one. */
    PRODUCT
}
