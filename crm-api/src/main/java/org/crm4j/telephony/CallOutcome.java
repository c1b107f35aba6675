package org.crm4j.telephony;

/** Where a call stands or how it ended. */
public enum CallOutcome {
    /** Offered, nobody has answered yet. */
    RINGING,
    /** Answered, not ended yet. */
    TALKING,
    /** Answered and ended. */
    ANSWERED,
    /** Ended or missed before anyone answered: the caller hung up while waiting, or the PBX gave up. */
    ABANDONED;

    /** Whether the call is over ({@link #ANSWERED} or {@link #ABANDONED}). */
    public boolean isFinal() {
        return this == ANSWERED || this == ABANDONED;
    }
}
