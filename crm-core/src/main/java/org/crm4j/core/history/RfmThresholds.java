package org.crm4j.core.history;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.crm4j.common.Violations;
import org.crm4j.history.RfmInput;

/**
 * The thresholds of RFM scoring: four strictly ascending values for each of recency, frequency and monetary
 * value, which cut the clients into scores 1 (worst) to 5 (best). Immutable; scoring is a pure function.
 * <ul>
 *   <li>Recency: the whole days from the last purchase to the end of the period; at most {@code recencyDays[0]}
 *       scores 5, at most {@code recencyDays[1]} 4, …, more than {@code recencyDays[3]} 1.</li>
 *   <li>Frequency: distinct sale documents; below {@code frequency[0]} scores 1, from {@code frequency[0]} 2,
 *       …, from {@code frequency[3]} 5.</li>
 *   <li>Monetary value: the sales amount, in the same way with {@code monetary}.</li>
 * </ul>
 *
 * @param recencyDays four ascending day counts, from 0
 * @param frequency   four ascending document counts, from 1
 * @param monetary    four ascending amounts, from 0, in the currency the scores are taken in
 */
public record RfmThresholds(List<Long> recencyDays, List<Long> frequency, List<BigDecimal> monetary) {
    /** Recency 30, 60, 90, 180 days; frequency 2, 3, 5, 10 documents; monetary 10 000, 50 000, 100 000, 500 000. */
    public static final RfmThresholds DEFAULT = new RfmThresholds(List.of(30L, 60L, 90L, 180L),
            List.of(2L, 3L, 5L, 10L), List.of(new BigDecimal("10000"), new BigDecimal("50000"),
                    new BigDecimal("100000"), new BigDecimal("500000")));

    public RfmThresholds {
        Violations v = new Violations();
        recencyDays = List.copyOf(Objects.requireNonNull(recencyDays, "recencyDays"));
        frequency = List.copyOf(Objects.requireNonNull(frequency, "frequency"));
        monetary = List.copyOf(Objects.requireNonNull(monetary, "monetary"));
        ascending(v, "recencyDays", recencyDays, 0L);
        ascending(v, "frequency", frequency, 1L);
        ascending(v, "monetary", monetary, BigDecimal.ZERO);
        v.throwIfAny();
    }

    private static <T extends Comparable<T>> void ascending(Violations v, String field, List<T> values, T least) {
        boolean ok = values.size() == 4 && values.get(0).compareTo(least) >= 0;
        for (int i = 1; ok && i < values.size(); i++) {
            ok = values.get(i - 1).compareTo(values.get(i)) < 0;
        }
        if (!ok) {
            v.add(field, "rfm.thresholds", values, field + " needs four strictly ascending values from " + least
                    + ", were " + values);
        }
    }

    /** The recency score of a last purchase {@code days} whole days before the end of the period. */
    public int recency(long days) {
        int score = 5;
        for (long t : recencyDays) {
            if (days > t) {
                score--;
            }
        }
        return score;
    }

    /** The frequency score of {@code documents} distinct sale documents. */
    public int frequency(long documents) {
        int score = 1;
        for (long t : frequency) {
            if (documents >= t) {
                score++;
            }
        }
        return score;
    }

    /** The monetary score of a sales amount. */
    public int monetary(BigDecimal amount) {
        int score = 1;
        for (BigDecimal t : monetary) {
            if (amount.compareTo(t) >= 0) {
                score++;
            }
        }
        return score;
    }

    /** The scores of a client, its recency measured at {@code asOf} (the end of the period). */
    public RfmScore score(RfmInput input, Instant asOf) {
        long days = Math.max(0, Duration.between(input.lastPurchase(), asOf).toDays());
        return new RfmScore(input.client(), input.lastPurchase(), input.documents(), input.sales(), recency(days),
                frequency(input.documents()), monetary(input.sales().amount()));
    }
}
