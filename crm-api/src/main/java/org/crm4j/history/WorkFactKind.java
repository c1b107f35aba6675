package org.crm4j.history;

/** What a fact of the work history is; with the document and line it forms the fact's idempotency key. */
public enum WorkFactKind {
    /** A line of a sale document: {@link SaleLine}. */
    SALE,
    /** A payment received: {@link Payment}. */
    PAYMENT,
    /** A claim the client made: {@link Claim}. */
    CLAIM
}
