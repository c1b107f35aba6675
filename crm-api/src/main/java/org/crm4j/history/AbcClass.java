package org.crm4j.history;

/** A client's class by its share of the sales (see {@link AbcXyzThresholds}). */
public enum AbcClass {
    /** The biggest clients, who together make the first share of the sales (80 % by default). */
    A,
    /** The next ones, up to the second share (95 % by default). */
    B,
    /** The rest. */
    C
}
