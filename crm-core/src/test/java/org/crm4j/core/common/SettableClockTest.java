package org.crm4j.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SettableClockTest {
    @Test
    @DisplayName("the clock stands still until advanced, and a zoned view moves with it")
    void advance() {
        SettableClock clock = SettableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        Clock vladivostok = clock.withZone(ZoneId.of("Asia/Vladivostok"));

        clock.advance(Duration.ofDays(14));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
        assertThat(vladivostok.instant()).isEqualTo(clock.instant());
        assertThat(vladivostok.getZone()).isEqualTo(ZoneId.of("Asia/Vladivostok"));
        clock.set(Instant.EPOCH);
        assertThat(vladivostok.millis()).isZero();
    }
}
