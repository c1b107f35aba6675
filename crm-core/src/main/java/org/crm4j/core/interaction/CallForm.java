package org.crm4j.core.interaction;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The call form of a month (M-3.3): how many calls came each day, by lead source, days counted in the tenant's
 * zone. Immutable.
 *
 * @param month   the month
 * @param zone    the zone its days are counted in
 * @param counts  per lead source ({@link Optional#empty()} for calls without one), the count of each day of the
 *                month, day 1 first
 */
public record CallForm(YearMonth month, ZoneId zone, Map<Optional<String>, List<Long>> counts) {
    public CallForm {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(zone, "zone");
        counts = Map.copyOf(counts);
    }

    /** Calls with this lead source ({@code null}: without one) on a day of the month. */
    public long count(@Nullable String leadSource, LocalDate day) {
        if (!YearMonth.from(day).equals(month)) {
            throw new IllegalArgumentException(day + " is not in " + month);
        }
        List<Long> perDay = counts.get(Optional.ofNullable(leadSource));
        return perDay == null ? 0 : perDay.get(day.getDayOfMonth() - 1);
    }

    /** All calls of a day. */
    public long total(LocalDate day) {
        return counts.keySet().stream().mapToLong(source -> count(source.orElse(null), day)).sum();
    }
}
