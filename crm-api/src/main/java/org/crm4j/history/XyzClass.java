package org.crm4j.history;

/** A client's class by the steadiness of its monthly purchases (see {@link AbcXyzThresholds}). */
public enum XyzClass {
    /** Steady: a coefficient of variation up to 10 % by default. */
    X,
    /** Fluctuating: up to 25 % by default. */
    Y,
    /** Irregular: above. */
    Z
}
