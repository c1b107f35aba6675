package org.crm4j.core.telephony;

import java.time.Duration;
import java.util.Objects;
import org.crm4j.common.ValidationException;

/**
 * How {@link Telephony} handles calls. Immutable.
 *
 * @param interactionType    the interaction type a call is recorded with, a code of the interaction-type dictionary
 * @param recentInteractions how many of the client's last interactions a screen pop shows, 0 to 20
 * @param keyDateDays        how many days ahead a screen pop looks for the client's key dates, 1 to 366
 * @param callBackWithin     how long after a missed call its call-back task is due, positive
 * @param shortAbandon       the short-abandon limit of the service level when none is given
 */
public record TelephonySettings(String interactionType, int recentInteractions, int keyDateDays,
                                Duration callBackWithin, Duration shortAbandon) {
    public TelephonySettings {
        Objects.requireNonNull(interactionType, "interactionType");
        Objects.requireNonNull(callBackWithin, "callBackWithin");
        Objects.requireNonNull(shortAbandon, "shortAbandon");
        if (recentInteractions < 0 || recentInteractions > 20) {
            throw new ValidationException("recentInteractions", "telephony.recent", recentInteractions,
                    "a screen pop shows 0 to 20 interactions, was " + recentInteractions);
        }
        if (keyDateDays < 1 || keyDateDays > 366) {
            throw new ValidationException("keyDateDays", "telephony.key-dates", keyDateDays,
                    "a screen pop looks 1 to 366 days ahead, was " + keyDateDays);
        }
        if (callBackWithin.isNegative() || callBackWithin.isZero()) {
            throw new ValidationException("callBackWithin", "telephony.call-back", callBackWithin,
                    "a call-back is due after a positive time, was " + callBackWithin);
        }
        if (shortAbandon.isNegative()) {
            throw new ValidationException("shortAbandon", "telephony.short-abandon", shortAbandon,
                    "the short-abandon limit is never negative, was " + shortAbandon);
        }
    }

    /**
     * The defaults: calls recorded as {@code call-in}, the last 5 interactions and 30 days of key dates on a screen
     * pop, a call-back due 2 hours after a missed call, a short abandon within 5 seconds.
     */
    public static TelephonySettings defaults() {
        return new TelephonySettings("call-in", 5, 30, Duration.ofHours(2), Duration.ofSeconds(5));
    }
}
