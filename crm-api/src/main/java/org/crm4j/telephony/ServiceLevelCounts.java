package org.crm4j.telephony;

/**
 * The counts a {@link CallStore} gives for the service level of a line and a period: the calls offered in the
 * period that were answered or abandoned (calls still ringing are not counted). Immutable.
 *
 * @param answered           calls answered
 * @param answeredWithin     of those, answered within the threshold (waiting at most the threshold)
 * @param abandoned          calls abandoned before an answer
 * @param abandonedWithin    of those, abandoned within the threshold
 * @param abandonedShort     of those, abandoned within the short-abandon limit
 * @param answeredWaitMillis the total waiting time of the answered calls, in milliseconds
 * @param abandonedWaitMillis the total waiting time of the abandoned calls, in milliseconds
 */
public record ServiceLevelCounts(long answered, long answeredWithin, long abandoned, long abandonedWithin,
                                 long abandonedShort, long answeredWaitMillis, long abandonedWaitMillis) {
    /** No calls. */
    public static final ServiceLevelCounts NONE = new ServiceLevelCounts(0, 0, 0, 0, 0, 0, 0);

    public ServiceLevelCounts {
        if (answered < 0 || answeredWithin < 0 || abandoned < 0 || abandonedWithin < 0 || abandonedShort < 0
                || answeredWaitMillis < 0 || abandonedWaitMillis < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
        if (answeredWithin > answered || abandonedWithin > abandoned || abandonedShort > abandoned) {
            throw new IllegalArgumentException("a part is never more than its whole");
        }
    }

    /** The calls answered or abandoned. */
    public long handled() {
        return answered + abandoned;
    }
}
