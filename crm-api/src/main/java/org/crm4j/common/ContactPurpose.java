package org.crm4j.common;

/** What a phone or an e-mail address is for. */
public enum ContactPurpose {
    WORK,
    MOBILE,
    HOME,
    FAX,
    /** Accounting and invoices (бухгалтерия). */
    ACCOUNTING,
    /** Reception or the main line of an organisation. */
    MAIN,
    OTHER
}
