package org.crm4j.common;

/** What an address is used for. */
public enum AddressPurpose {
    /** The registered (legal) address, юридический адрес. */
    LEGAL,
    /** Where the client actually works, фактический адрес. */
    ACTUAL,
    /** Where letters and documents go, почтовый адрес. */
    POSTAL,
    /** Where goods are delivered. */
    DELIVERY
}
