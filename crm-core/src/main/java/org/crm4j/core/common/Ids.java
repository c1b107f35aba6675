package org.crm4j.core.common;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): 48 bits of Unix milliseconds from the injected clock, then random
 * bits. Ids made later sort later, which keeps database indexes compact. The ids of one instance are strictly
 * increasing (RFC 9562's method 3): one made in the same millisecond as the one before it, or while the clock
 * stands still or went back, is that one plus one in its random bits; so things created one after the other in
 * the same millisecond (an outbox's entries) keep their order when sorted by id. Ids are unique, not secret: the
 * random part comes from {@link ThreadLocalRandom}. Thread-safe.
 */
public final class Ids {
    private static final long RANDOM_B = 0x3FFF_FFFF_FFFF_FFFFL;
    private static final long VARIANT = 0x8000_0000_0000_0000L;

    private final Clock clock;
    private long lastMsb;
    private long lastLsb;

    public Ids(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new version 7 UUID, after every one this instance made before. */
    public UUID next() {
        UUID fresh = timeOrdered(clock.millis(), ThreadLocalRandom.current().nextLong(),
                ThreadLocalRandom.current().nextLong());
        long msb = fresh.getMostSignificantBits();
        long lsb = fresh.getLeastSignificantBits();
        synchronized (this) {
            int order = Long.compareUnsigned(msb, lastMsb);
            if (order < 0 || order == 0 && Long.compareUnsigned(lsb, lastLsb) <= 0) {
                msb = lastMsb;
                lsb = lastLsb + 1;
                if ((lsb & RANDOM_B) == 0) {
                    lsb = VARIANT;
                    msb++;
                }
            }
            lastMsb = msb;
            lastLsb = lsb;
        }
        return new UUID(msb, lsb);
    }

    /** The version 7 UUID of a moment and 74 random bits (taken from {@code randA} and {@code randB}). */
    static UUID timeOrdered(long unixMillis, long randA, long randB) {
        long msb = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (randA & 0x0FFFL);
        long lsb = randB & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
