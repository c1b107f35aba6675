package org.crm4j.telephony;

/**
 * How abandoned calls (the caller hung up before anyone answered) count in a {@link ServiceLevel}: call centres
 * disagree, so the convention is stated with every figure. In the formulas, {@code A} is the number of answered
 * calls, {@code Aₜ} of those answered within the threshold, {@code B} of abandoned calls, {@code Bₜ} of those
 * abandoned within the threshold and {@code Bₛ} of those abandoned within the short-abandon limit (a caller who
 * hangs up after a few seconds probably dialled wrongly).
 */
public enum AbandonedCalls {
    /** Abandoned calls are left out: {@code Aₜ / A}. Flatters the line when callers give up. */
    EXCLUDED,
    /** Every abandoned call counts as a call not answered in time: {@code Aₜ / (A + B)}. The strictest. */
    COUNTED,
    /**
     * Calls abandoned within the short-abandon limit are left out, the others count as not answered in time:
     * {@code Aₜ / (A + B - Bₛ)}. The usual convention of contact-centre software.
     */
    SHORT_EXCLUDED,
    /**
     * Calls abandoned within the threshold count as met (nobody could have answered them in time), the others
     * as not met: {@code (Aₜ + Bₜ) / (A + B)}.
     */
    WITHIN_THRESHOLD_MET
}
