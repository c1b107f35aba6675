package org.crm4j.task;

/**
 * What a task asks for (M-5.1). A fixed list rather than a tenant's dictionary: the agenda lists the day's
 * {@link #MEETING}s apart, recording an interaction creates a {@link #FOLLOW_UP}, and regulations create
 * {@link #INVOICE} and {@link #ACT} tasks, so crm4j's own behaviour depends on these values; anything else is
 * {@link #OTHER} with a title saying what.
 */
public enum TaskKind {
    /** Call the client. */
    CALL,
    /** Meet the client; the agenda shows the day's meetings apart. */
    MEETING,
    /** Issue an invoice. */
    INVOICE,
    /** Send an act (a certificate of completed work). */
    ACT,
    /** Contact the client again, as planned when an interaction was recorded. */
    FOLLOW_UP,
    /** Write a letter. */
    LETTER,
    /** Take over a client from its previous manager, as a reassignment asks. */
    HANDOVER,
    /** Anything else. */
    OTHER
}
