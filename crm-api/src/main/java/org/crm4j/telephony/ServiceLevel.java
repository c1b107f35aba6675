package org.crm4j.telephony;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The service level of a line over a period (M-7.2): the share of calls answered within a threshold ("80% within
 * 20 s"), counted under a stated convention for abandoned calls, with the abandoned calls and the average waits.
 * Immutable and thread-safe.
 *
 * @param line         the line
 * @param from         the start of the period (calls offered from it, included)
 * @param to           the end of the period (excluded)
 * @param threshold    the answer time a call must meet
 * @param convention   how abandoned calls count
 * @param shortAbandon the short-abandon limit of {@link AbandonedCalls#SHORT_EXCLUDED}
 * @param counts       the counts the share is computed from
 */
public record ServiceLevel(String line, Instant from, Instant to, Duration threshold, AbandonedCalls convention,
                           Duration shortAbandon, ServiceLevelCounts counts) {
    public ServiceLevel {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(convention, "convention");
        Objects.requireNonNull(shortAbandon, "shortAbandon");
        Objects.requireNonNull(counts, "counts");
    }

    /**
     * The share of calls that met the threshold under the convention, 0 to 1 with four decimals; empty when no
     * call counts (no share can be told).
     */
    public Optional<BigDecimal> share() {
        ServiceLevelCounts c = counts;
        long met;
        long total;
        switch (convention) {
            case EXCLUDED -> {
                met = c.answeredWithin();
                total = c.answered();
            }
            case COUNTED -> {
                met = c.answeredWithin();
                total = c.handled();
            }
            case SHORT_EXCLUDED -> {
                met = c.answeredWithin();
                total = c.handled() - c.abandonedShort();
            }
            case WITHIN_THRESHOLD_MET -> {
                met = c.answeredWithin() + c.abandonedWithin();
                total = c.handled();
            }
            default -> throw new IllegalStateException(convention.name());
        }
        if (total == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(met).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP));
    }

    /** Whether the share reaches {@code target} (0.8 for "80%"); a period without calls meets any target. */
    public boolean meets(BigDecimal target) {
        Objects.requireNonNull(target, "target");
        return share().map(s -> s.compareTo(target) >= 0).orElse(true);
    }

    /** The calls abandoned before an answer. */
    public long abandoned() {
        return counts.abandoned();
    }

    /** The share of handled calls that were abandoned, four decimals; empty without calls. */
    public Optional<BigDecimal> abandonRate() {
        if (counts.handled() == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(counts.abandoned())
                .divide(BigDecimal.valueOf(counts.handled()), 4, RoundingMode.HALF_UP));
    }

    /** The average wait of answered calls (the average speed of answer); zero without answered calls. */
    public Duration averageWait() {
        return counts.answered() == 0 ? Duration.ZERO
                : Duration.ofMillis(counts.answeredWaitMillis() / counts.answered());
    }

    /** The average time callers waited before they gave up; zero without abandoned calls. */
    public Duration averageAbandonWait() {
        return counts.abandoned() == 0 ? Duration.ZERO
                : Duration.ofMillis(counts.abandonedWaitMillis() / counts.abandoned());
    }
}
