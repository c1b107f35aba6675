package org.crm4j.deal;

/** Where a deal's probability comes from. */
public enum ProbabilitySource {
    /** The default probability of the deal's stage; it follows the deal from stage to stage. */
    STAGE,
    /** Set by hand; it stays until it is set again, reset to the stage's, or the deal closes. */
    MANUAL
}
