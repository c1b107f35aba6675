package org.crm4j.interaction;

/** Who started an interaction. */
public enum Direction {
    /** The client: an incoming call, a letter received, a visit. */
    INBOUND,
    /** The company: a call made, a letter sent, materials mailed. */
    OUTBOUND
}
