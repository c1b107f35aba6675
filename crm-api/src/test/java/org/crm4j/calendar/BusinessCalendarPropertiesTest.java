package org.crm4j.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of business-time arithmetic, on an office calendar (weekdays 09:00-13:00 and 14:00-18:00, with a
 * holiday, a worked Saturday and a shortened day) in any zone the JDK knows.
 */
class BusinessCalendarPropertiesTest {
    private static final Map<ZoneId, BusinessCalendar> CALENDARS = new ConcurrentHashMap<>();

    static BusinessCalendar office(ZoneId zone) {
        return CALENDARS.computeIfAbsent(zone, z -> BusinessCalendar.builder(z)
                .week(DayOfWeek.MONDAY, DayOfWeek.FRIDAY,
                        List.of(WorkingInterval.parse("09:00-13:00"), WorkingInterval.parse("14:00-18:00")))
                .holidays(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 9))
                .workday(LocalDate.of(2026, 1, 17), DayOfWeek.FRIDAY)
                .shortened(LocalDate.of(2026, 2, 20), Duration.ofHours(1))
                .build());
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.getAvailableZoneIds()).map(ZoneId::of);
    }

    /** Start at any second of 2025-2027, as a local date-time, so that it may be working time or not. */
    static LocalDateTime local(long secondOf2025to2027) {
        return LocalDateTime.of(2025, 1, 1, 0, 0).plusSeconds(secondOf2025to2027);
    }

    @Property
    void addingLandsOnWorkingTimeOrTheEndOfAnInterval(@ForAll("zones") ZoneId zone,
                                                       @ForAll @LongRange(max = 94_000_000L) long start,
                                                       @ForAll @LongRange(min = 1, max = 2_000_000L) long seconds) {
        BusinessCalendar c = office(zone);
        Instant result = c.plus(local(start).atZone(zone).toInstant(), Duration.ofSeconds(seconds));
        assertThat(c.isWorkingTime(result) || c.isWorkingTime(result.minusNanos(1))).isTrue();
    }

    @Property
    void measuringWhatWasAddedGivesItBack(@ForAll("zones") ZoneId zone,
                                          @ForAll @LongRange(max = 94_000_000L) long start,
                                          @ForAll @LongRange(min = 0, max = 2_000_000L) long seconds,
                                          @ForAll @IntRange(max = 999_999_999) int nanos) {
        BusinessCalendar c = office(zone);
        Instant t = local(start).atZone(zone).toInstant();
        Duration d = Duration.ofSeconds(seconds, nanos);
        assertThat(c.between(t, c.plus(t, d))).isEqualTo(d);
        assertThat(c.between(c.minus(t, d), t)).isEqualTo(d);
    }

    @Property
    void resultsAreMonotonicInTheAmount(@ForAll("zones") ZoneId zone,
                                        @ForAll @LongRange(max = 94_000_000L) long start,
                                        @ForAll @LongRange(min = 1, max = 2_000_000L) long smaller,
                                        @ForAll @LongRange(min = 1, max = 2_000_000L) long larger) {
        Assume.that(smaller < larger);
        BusinessCalendar c = office(zone);
        Instant t = local(start).atZone(zone).toInstant();
        assertThat(c.plus(t, Duration.ofSeconds(smaller))).isBefore(c.plus(t, Duration.ofSeconds(larger)));
        assertThat(c.minus(t, Duration.ofSeconds(smaller))).isAfter(c.minus(t, Duration.ofSeconds(larger)));
    }

    @Property
    void agreesWithAWalkOverTheDays(@ForAll("zones") ZoneId zone,
                                    @ForAll @LongRange(max = 94_000_000L) long start,
                                    @ForAll @LongRange(min = 1, max = 2_000_000L) long seconds) {
        BusinessCalendar c = office(zone);
        Instant t = local(start).atZone(zone).toInstant();
        Duration d = Duration.ofSeconds(seconds);
        assertThat(c.plus(t, d)).isEqualTo(walk(c, t, d));
    }

    /**
     * In every zone the same local start gives the same local result as in UTC, as long as the zone's offset
     * does not change on the way (where it does, the elapsed working time differs by the change).
     */
    @Property
    void theSameInEveryZone(@ForAll("zones") ZoneId zone,
                            @ForAll @LongRange(max = 94_000_000L) long start,
                            @ForAll @LongRange(min = 1, max = 2_000_000L) long seconds) {
        LocalDateTime from = local(start);
        Duration d = Duration.ofSeconds(seconds);
        BusinessCalendar utc = office(ZoneOffset.UTC);
        LocalDateTime expected = LocalDateTime.ofInstant(utc.plus(from.toInstant(ZoneOffset.UTC), d), ZoneOffset.UTC);
        ZonedDateTime zonedFrom = from.atZone(zone);
        ZoneOffsetTransition next = zone.getRules().nextTransition(zonedFrom.toInstant().minusSeconds(86_400));
        Assume.that(next == null || next.getDateTimeBefore().isAfter(expected.plusDays(1)));
        BusinessCalendar c = office(zone);
        assertThat(LocalDateTime.ofInstant(c.plus(zonedFrom.toInstant(), d), zone)).isEqualTo(expected);
        assertThat(c.between(zonedFrom.toInstant(), expected.atZone(zone).toInstant())).isEqualTo(d);
    }

    /** The plain algorithm: walk the days from the start, spending the amount on each day's intervals. */
    static Instant walk(BusinessCalendar c, Instant start, Duration amount) {
        Duration left = amount;
        LocalDate date = LocalDate.ofInstant(start, c.zone()).minusDays(1);
        while (true) {
            for (WorkingInterval i : c.workingHours(date)) {
                Instant s = ZonedDateTime.of(date, i.start(), c.zone()).toInstant();
                Instant e = i.untilMidnight() ? date.plusDays(1).atStartOfDay(c.zone()).toInstant()
                        : ZonedDateTime.of(date, i.end(), c.zone()).toInstant();
                if (!e.isAfter(start)) {
                    continue;
                }
                Instant from = s.isAfter(start) ? s : start;
                Duration available = Duration.between(from, e);
                if (left.compareTo(available) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
            date = date.plusDays(1);
        }
    }
}
