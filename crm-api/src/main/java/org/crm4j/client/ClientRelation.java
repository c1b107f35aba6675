package org.crm4j.client;

/**
 * How the company relates to a client. External relations are parties outside the company; internal ones are
 * a department or an employee served as an internal client (seed 004, M-1.1).
 */
public enum ClientRelation {
    PROSPECT(false),
    CUSTOMER(false),
    SUPPLIER(false),
    PARTNER(false),
    DEALER(false),
    COMPETITOR(false),
    OTHER(false),
    DEPARTMENT(true),
    EMPLOYEE(true);

    private final boolean internal;

    ClientRelation(boolean internal) {
        this.internal = internal;
    }

    /** True for a department or an employee of the company itself. */
    public boolean isInternal() {
        return internal;
    }
}
