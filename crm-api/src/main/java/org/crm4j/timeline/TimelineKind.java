package org.crm4j.timeline;

/**
 * What a timeline entry is, and which store holds the whole record: {@code InteractionStore},
 * {@code NotableEventStore} or {@code WorkHistoryStore}. Entries of one moment are ordered by the kind's name,
 * descending, then by the record's id, descending.
 */
public enum TimelineKind {
    /** A call, letter or meeting; the moment it began. */
    INTERACTION,
    /** A notable event on the card; the start of its date in the tenant's zone. */
    NOTABLE_EVENT,
    /** A sale line of an ERP document; the document's moment. */
    SALE,
    /** A payment of the client; the document's moment. */
    PAYMENT,
    /** A claim of the client; the document's moment. */
    CLAIM
}
