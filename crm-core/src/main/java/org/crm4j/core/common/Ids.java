package org.crm4j.core.common;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): 48 bits of Unix milliseconds from the injected clock, then random
 * bits. Ids made later sort later, which keeps database indexes compact. Ids are unique, not secret: the random
 * part comes from {@link ThreadLocalRandom}. Thread-safe.
 */
public final class Ids {
    private final Clock clock;

    public Ids(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new version 7 UUID. */
    public UUID next() {
        return timeOrdered(clock.millis(), ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong());
    }

    /** The version 7 UUID of a moment and 74 random bits (taken from {@code randA} and {@code randB}). */
    static UUID timeOrdered(long unixMillis, long randA, long randB) {
        long msb = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (randA & 0x0FFFL);
        long lsb = randB & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
