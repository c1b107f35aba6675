package org.crm4j.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    @DisplayName("ids are version 7 UUIDs of the IETF variant carrying the clock's milliseconds")
    void versionAndTime() {
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T06:00:00.123Z"));

        UUID id = new Ids(clock).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(clock.millis());
    }

    @Test
    @DisplayName("an id made a millisecond later sorts later, as text too")
    void timeOrdered() {
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T06:00:00Z"));
        Ids ids = new Ids(clock);
        UUID first = ids.next();
        clock.advance(Duration.ofMillis(1));

        UUID second = ids.next();

        assertThat(second.toString()).isGreaterThan(first.toString());
    }

    @Test
    @DisplayName("100,000 ids made in the same millisecond are distinct")
    void distinct() {
        Ids ids = new Ids(SettableClock.at(Instant.EPOCH));
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(ids.next());
        }
        assertThat(seen).hasSize(100_000);
    }

    @Test
    @DisplayName("ids made in the same millisecond, or while the clock goes back, still increase, as text too")
    void increasing() {
        SettableClock clock = SettableClock.at(Instant.parse("2026-04-01T07:00:00Z"));
        Ids ids = new Ids(clock);
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            if (i == 5_000) {
                clock.advance(Duration.ofMillis(-3));
            }
            made.add(ids.next());
        }
        for (int i = 1; i < made.size(); i++) {
            assertThat(made.get(i).toString()).isGreaterThan(made.get(i - 1).toString());
            assertThat(made.get(i).version()).isEqualTo(7);
            assertThat(made.get(i).variant()).isEqualTo(2);
        }
    }

    @Property
    @Label("the layout keeps version and variant whatever the random bits")
    void layout(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFF_FFFFL) long millis, @ForAll long a, @ForAll long b) {
        UUID id = Ids.timeOrdered(millis, a, b);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }
}
