package org.crm4j.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.crm4j.common.Money;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violation;
import org.crm4j.history.RfmInput;
import org.crm4j.tck.ClientFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RfmThresholdsTest {
    private static final RfmThresholds T = RfmThresholds.DEFAULT;

    @Property(tries = 300)
    @Label("every score is within 1..5")
    void scoresWithinRange(@ForAll @LongRange(min = 0, max = 100_000) long days,
                           @ForAll @LongRange(min = 1, max = 100_000) long documents,
                           @ForAll @LongRange(min = 0, max = 10_000_000) long amount) {
        assertThat(T.recency(days)).isBetween(1, 5);
        assertThat(T.frequency(documents)).isBetween(1, 5);
        assertThat(T.monetary(BigDecimal.valueOf(amount))).isBetween(1, 5);
    }

    @Property(tries = 300)
    @Label("scores are monotonic: a more recent, more frequent, bigger buyer never scores lower")
    void monotonic(@ForAll @LongRange(min = 0, max = 1000) long a, @ForAll @LongRange(min = 0, max = 1000) long b) {
        long low = Math.min(a, b);
        long high = Math.max(a, b);
        assertThat(T.recency(low)).isGreaterThanOrEqualTo(T.recency(high));
        assertThat(T.frequency(high + 1)).isGreaterThanOrEqualTo(T.frequency(low + 1));
        assertThat(T.monetary(BigDecimal.valueOf(high * 1000))).isGreaterThanOrEqualTo(
                T.monetary(BigDecimal.valueOf(low * 1000)));
    }

    @Test
    @DisplayName("the boundaries: at a threshold the better score, past it the next one")
    void boundaries() {
        assertThat(List.of(T.recency(0), T.recency(30), T.recency(31), T.recency(180), T.recency(181)))
                .containsExactly(5, 5, 4, 2, 1);
        assertThat(List.of(T.frequency(1), T.frequency(2), T.frequency(4), T.frequency(10)))
                .containsExactly(1, 2, 3, 5);
        assertThat(List.of(T.monetary(new BigDecimal("9999.99")), T.monetary(new BigDecimal("10000")),
                T.monetary(new BigDecimal("500000")))).containsExactly(1, 2, 5);
    }

    @Test
    @DisplayName("a client's score measures recency at the end of the period")
    void score() {
        RfmInput input = new RfmInput(ClientFixture.id(1), Instant.parse("2026-03-01T00:00:00Z"), 3,
                Money.of("60000", "RUB"));

        RfmScore score = T.score(input, Instant.parse("2026-04-01T00:00:00Z"));

        assertThat(score.code()).as("31 days: recency 4; 3 documents: 3; 60,000: 3").isEqualTo("433");
        assertThat(score.documents()).isEqualTo(3);
    }

    @Test
    @DisplayName("thresholds that do not ascend, or are not four, are refused, each list named")
    void refused() {
        assertThatThrownBy(() -> new RfmThresholds(List.of(30L, 30L, 90L, 180L), List.of(2L, 3L, 5L),
                List.of(BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("5"), new BigDecimal("100"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("recencyDays", "frequency", "monetary"));
        assertThatThrownBy(() -> new RfmThresholds(List.of(-1L, 30L, 90L, 180L), List.of(0L, 3L, 5L, 6L),
                T.monetary())).isInstanceOf(ValidationException.class);
    }
}
