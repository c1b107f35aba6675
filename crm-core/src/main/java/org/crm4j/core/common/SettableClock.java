package org.crm4j.core.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock for tests that stands still until told to move: {@code clock.advance(Duration.ofDays(14))} makes two
 * weeks pass for every component given this clock. Shipped for the embedding system's own tests. Thread-safe.
 */
public final class SettableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock standing at {@code start} in {@code zone}. */
    public static SettableClock at(Instant start, ZoneId zone) {
        return new SettableClock(new AtomicReference<>(Objects.requireNonNull(start, "start")),
                Objects.requireNonNull(zone, "zone"));
    }

    /** A clock standing at {@code start}, in UTC. */
    public static SettableClock at(Instant start) {
        return at(start, ZoneId.of("UTC"));
    }

    /** Moves the clock forward (or back, for a negative amount). */
    public void advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        now.updateAndGet(t -> t.plus(amount));
    }

    /** Sets the clock to a moment. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time seen in another zone: advancing either moves both. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new SettableClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public long millis() {
        return now.get().toEpochMilli();
    }
}
