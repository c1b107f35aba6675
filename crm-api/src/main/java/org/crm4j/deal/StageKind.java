package org.crm4j.deal;

/**
 * What a stage of a pipeline means for the deals in it. A deal in an {@link #OPEN} stage is being worked on; the
 * other kinds are results, and a deal in a result stage is closed: it moves again only by being reopened.
 */
public enum StageKind {
    /** Work goes on: prospects, interested, contacts. */
    OPEN,
    /** The deal is won: a contract signed, a purchase made. */
    WON,
    /** The deal is lost, for a reason from the refusal-reason dictionary. */
    LOST,
    /** The client is a prospect for later: the deal rests until it is reopened. */
    POSTPONED;

    /** Whether a deal in a stage of this kind is closed (every kind but {@link #OPEN}). */
    public boolean isClosed() {
        return this != OPEN;
    }
}
