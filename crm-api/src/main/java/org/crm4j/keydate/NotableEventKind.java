package org.crm4j.keydate;

/** What a notable event on a client's card is about (M-1.3). */
public enum NotableEventKind {
    /** A change of the organisation: a merger, a new name, a move. */
    ORGANISATIONAL_CHANGE,
    /** A change of its structure: a new branch, a closed department. */
    STRUCTURAL_CHANGE,
    /** A change among its responsible people: a new director, a new chief accountant. */
    STAFF_CHANGE,
    /** The day the company was founded. */
    FOUNDING_ANNIVERSARY,
    /** A person's birthday. */
    BIRTHDAY,
    /** Another date that matters to the client. */
    OTHER
}
