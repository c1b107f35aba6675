package org.crm4j.history;

/** How a client paid. */
public enum PaymentMethod {
    BANK_TRANSFER, CARD, CASH,
    /** A mutual offset of claims. */
    OFFSET,
    OTHER
}
