package org.crm4j.telephony;

/** What happened to a call, as the PBX reports it; a call takes each kind of event once. */
public enum CallEventKind {
    /** The call came in and rings on a line. */
    OFFERED,
    /** An agent picked it up. */
    ANSWERED,
    /** It was passed to another agent. */
    TRANSFERRED,
    /** It ended: hung up after a conversation, or by the caller before anyone answered. */
    ENDED,
    /** Nobody answered: the caller hung up while waiting, or the PBX gave up. */
    MISSED
}
