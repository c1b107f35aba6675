package org.crm4j.core.assignment;

/**
 * How an {@link AssignmentPolicy} chooses among the candidates its steps left. Both read only stored state
 * (the clients' assignment histories, the open deals and tasks), so every node of an application chooses alike.
 */
public enum TieBreak {
    /**
     * The candidate made responsible for a client least recently, by the clients' assignment histories: one
     * never assigned a client first, then the oldest latest assignment, then (for equal moments) the fewer
     * assignments, then the team's order.
     */
    ROUND_ROBIN("round-robin"),
    /**
     * The candidate with the least open work (open deals and open or in-progress tasks together), equal loads
     * decided as {@link #ROUND_ROBIN} decides.
     */
    LEAST_LOADED("least-loaded");

    private final String code;

    TieBreak(String code) {
        this.code = code;
    }

    /** The name decisions give the step: {@code round-robin}, {@code least-loaded}. */
    public String code() {
        return code;
    }
}
