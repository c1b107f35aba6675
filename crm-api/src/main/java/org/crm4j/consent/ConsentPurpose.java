package org.crm4j.consent;

/** What a message is for, and so which consent it needs. */
public enum ConsentPurpose {
    /** Advertising, offers, newsletters: never sent without the recipient's consent. */
    MARKETING,
    /** What the client's business with the company needs (an invoice, a delivery notice): sent unless withdrawn. */
    SERVICE
}
