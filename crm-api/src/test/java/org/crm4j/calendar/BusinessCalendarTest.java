package org.crm4j.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crm4j.tck.Refusals.refused;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final WorkingInterval MORNING = WorkingInterval.parse("09:00-13:00");
    static final WorkingInterval AFTERNOON = WorkingInterval.parse("14:00-18:00");

    /** Monday to Friday 09:00-13:00 and 14:00-18:00 in Moscow; 2025-12-31 a holiday, 2026-01-10 (Sat) worked. */
    static BusinessCalendar office() {
        return BusinessCalendar.builder(MOSCOW)
                .week(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, List.of(MORNING, AFTERNOON))
                .holiday(LocalDate.of(2025, 12, 31))
                .workday(LocalDate.of(2026, 1, 10), DayOfWeek.MONDAY)
                .shortened(LocalDate.of(2025, 12, 30), Duration.ofHours(1))
                .build();
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    @Nested
    class Days {
        @Test
        @DisplayName("weekends and holidays are days off; a transferred Saturday is worked with Monday's hours")
        void workingDays() {
            BusinessCalendar c = office();
            assertThat(c.isWorkingDay(LocalDate.of(2025, 12, 29))).isTrue();
            assertThat(c.isWorkingDay(LocalDate.of(2025, 12, 27))).isFalse();
            assertThat(c.isWorkingDay(LocalDate.of(2025, 12, 31))).isFalse();
            assertThat(c.workingHours(LocalDate.of(2026, 1, 10))).containsExactly(MORNING, AFTERNOON);
        }

        @Test
        @DisplayName("a shortened day loses its last hour")
        void shortenedDay() {
            assertThat(office().workingHours(LocalDate.of(2025, 12, 30)))
                    .containsExactly(MORNING, WorkingInterval.parse("14:00-17:00"));
        }

        @Test
        @DisplayName("a cut longer than the last interval eats into the one before")
        void longCut() {
            BusinessCalendar c = BusinessCalendar.builder(MOSCOW)
                    .week(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, List.of(MORNING, AFTERNOON))
                    .shortened(LocalDate.of(2026, 3, 2), Duration.ofHours(5)).build();
            assertThat(c.workingHours(LocalDate.of(2026, 3, 2))).containsExactly(WorkingInterval.parse("09:00-12:00"));
        }

        @Test
        @DisplayName("working days are counted over a holiday and a worked Saturday, both ways")
        void plusWorkingDays() {
            BusinessCalendar c = office();
            LocalDate tuesday = LocalDate.of(2025, 12, 30);
            assertThat(c.plusWorkingDays(tuesday, 1)).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(c.plusWorkingDays(LocalDate.of(2026, 1, 9), 1)).isEqualTo(LocalDate.of(2026, 1, 10));
            assertThat(c.plusWorkingDays(LocalDate.of(2026, 1, 1), -1)).isEqualTo(tuesday);
            assertThat(c.minusWorkingDays(LocalDate.of(2026, 1, 12), 1)).isEqualTo(LocalDate.of(2026, 1, 10));
            assertThat(c.plusWorkingDays(LocalDate.of(2025, 12, 27), 0)).isEqualTo(LocalDate.of(2025, 12, 29));
            assertThat(c.plusWorkingDays(tuesday, 0)).isEqualTo(tuesday);
            assertThat(c.plusWorkingDays(LocalDate.of(2025, 12, 27), -1)).isEqualTo(LocalDate.of(2025, 12, 26));
            assertThat(c.workingDaysBetween(LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 12))).isEqualTo(10);
        }

        @Test
        @DisplayName("counting far ahead leaves the precomputed years and still answers")
        void farAhead() {
            BusinessCalendar c = office();
            LocalDate monday = LocalDate.of(2026, 1, 12);
            assertThat(c.plusWorkingDays(monday, 5 * 52 * 40)).isEqualTo(monday.plusWeeks(52 * 40));
            assertThat(c.plusWorkingDays(monday, -5 * 52 * 60)).isEqualTo(monday.minusWeeks(52 * 60));
        }

        @Test
        @DisplayName("the end of a working day is the deadline for something due that day")
        void endOfWorkingDay() {
            BusinessCalendar c = office();
            assertThat(c.endOfWorkingDay(LocalDate.of(2025, 12, 30))).contains(at("2025-12-30T17:00"));
            assertThat(c.endOfWorkingDay(LocalDate.of(2025, 12, 31))).isEmpty();
        }
    }

    @Nested
    class Moments {
        @Test
        @DisplayName("working time includes an interval's start and excludes its end")
        void isWorkingTime() {
            BusinessCalendar c = office();
            assertThat(c.isWorkingTime(at("2025-12-29T09:00"))).isTrue();
            assertThat(c.isWorkingTime(at("2025-12-29T12:59:59.999"))).isTrue();
            assertThat(c.isWorkingTime(at("2025-12-29T13:00"))).isFalse();
            assertThat(c.isWorkingTime(at("2025-12-29T08:59:59"))).isFalse();
            assertThat(c.isWorkingTime(at("2025-12-31T10:00"))).isFalse();
            assertThat(c.isWorkingTime(at("2026-01-10T10:00"))).isTrue();
        }

        @Test
        @DisplayName("the next working moment skips the lunch break, the night and the holiday")
        void nextWorkingMoment() {
            BusinessCalendar c = office();
            assertThat(c.nextWorkingMoment(at("2025-12-29T13:30"))).isEqualTo(at("2025-12-29T14:00"));
            assertThat(c.nextWorkingMoment(at("2025-12-29T10:15"))).isEqualTo(at("2025-12-29T10:15"));
            assertThat(c.nextWorkingMoment(at("2025-12-30T17:00"))).isEqualTo(at("2026-01-01T09:00"));
        }

        @Test
        @DisplayName("adding business hours skips lunch, nights, weekends and holidays")
        void plus() {
            BusinessCalendar c = office();
            assertThat(c.plus(at("2025-12-29T12:30"), Duration.ofHours(1))).isEqualTo(at("2025-12-29T14:30"));
            assertThat(c.plus(at("2025-12-26T17:30"), Duration.ofHours(1))).isEqualTo(at("2025-12-29T09:30"));
            assertThat(c.plus(at("2025-12-30T16:00"), Duration.ofHours(2))).isEqualTo(at("2026-01-01T10:00"));
            assertThat(c.plus(at("2025-12-27T11:00"), Duration.ofMinutes(30))).isEqualTo(at("2025-12-29T09:30"));
        }

        @Test
        @DisplayName("an amount that exactly fills the day ends at the end of the day, not the next morning")
        void landsOnEnd() {
            BusinessCalendar c = office();
            assertThat(c.plus(at("2025-12-29T09:00"), Duration.ofHours(8))).isEqualTo(at("2025-12-29T18:00"));
            assertThat(c.plus(at("2025-12-29T12:00"), Duration.ofHours(1))).isEqualTo(at("2025-12-29T13:00"));
        }

        @Test
        @DisplayName("subtracting business time counts back to the latest moment, the start of an interval")
        void minus() {
            BusinessCalendar c = office();
            assertThat(c.minus(at("2025-12-29T09:30"), Duration.ofHours(1))).isEqualTo(at("2025-12-26T17:30"));
            assertThat(c.minus(at("2025-12-29T15:00"), Duration.ofHours(1))).isEqualTo(at("2025-12-29T14:00"));
        }

        @Test
        @DisplayName("business time between two moments counts only working intervals, negative when reversed")
        void between() {
            BusinessCalendar c = office();
            assertThat(c.between(at("2025-12-26T17:00"), at("2025-12-29T10:00"))).isEqualTo(Duration.ofHours(2));
            assertThat(c.between(at("2025-12-29T10:00"), at("2025-12-26T17:00"))).isEqualTo(Duration.ofHours(-2));
            assertThat(c.between(at("2025-12-27T10:00"), at("2025-12-28T10:00"))).isZero();
            assertThat(c.between(at("2025-12-29T12:30:00.5"), at("2025-12-29T14:00"))).isEqualTo(Duration.ofMillis(29 * 60_000 + 59_500));
        }

        @Test
        @DisplayName("nanoseconds of a working start survive the addition")
        void nanos() {
            BusinessCalendar c = office();
            Instant start = at("2025-12-29T17:59:59.000000001");
            assertThat(c.plus(start, Duration.ofSeconds(1))).isEqualTo(at("2025-12-30T09:00:00.000000001"));
        }

        @Test
        @DisplayName("a deadline is one instant: Vladivostok and Kaliningrad read it on their own clocks")
        void sameInstantEverywhere() {
            BusinessCalendar c = office();
            Instant due = c.plus(at("2025-12-29T17:00"), Duration.ofHours(2));
            assertThat(due.atZone(ZoneId.of("Asia/Vladivostok")).toLocalDateTime())
                    .isEqualTo(LocalDateTime.parse("2025-12-30T17:00"));
            assertThat(due.atZone(ZoneId.of("Europe/Kaliningrad")).toLocalDateTime())
                    .isEqualTo(LocalDateTime.parse("2025-12-30T09:00"));
        }

        @Test
        @DisplayName("24x7 on the night clocks go forward is 23 hours long, on the night they go back 25")
        void offsetChanges() {
            ZoneId berlin = ZoneId.of("Europe/Berlin");
            BusinessCalendar always = BusinessCalendar.builder(berlin)
                    .week(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, List.of(WorkingInterval.wholeDay())).build();
            assertThat(always.between(at("2026-03-29T00:00", berlin), at("2026-03-30T00:00", berlin)))
                    .isEqualTo(Duration.ofHours(23));
            assertThat(always.between(at("2026-10-25T00:00", berlin), at("2026-10-26T00:00", berlin)))
                    .isEqualTo(Duration.ofHours(25));
            assertThat(always.plus(at("2026-03-29T01:30", berlin), Duration.ofHours(1)))
                    .isEqualTo(at("2026-03-29T03:30", berlin));
        }

        @Test
        @DisplayName("an interval that starts in a gap starts when the gap ends")
        void intervalInGap() {
            ZoneId berlin = ZoneId.of("Europe/Berlin");
            BusinessCalendar night = BusinessCalendar.builder(berlin)
                    .week(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, List.of(WorkingInterval.parse("02:30-04:00"))).build();
            assertThat(night.between(at("2026-03-29T00:00", berlin), at("2026-03-30T00:00", berlin)))
                    .isEqualTo(Duration.ofMinutes(30));
            assertThat(night.nextWorkingMoment(at("2026-03-29T00:00", berlin)))
                    .isEqualTo(ZonedDateTime.of(2026, 3, 29, 3, 30, 0, 0, berlin).toInstant());
        }

        @Test
        @DisplayName("moments and amounts beyond the supported years are refused, naming the field")
        void range() {
            BusinessCalendar c = office();
            refused(() -> c.isWorkingTime(Instant.parse("1900-01-01T00:00:00Z")), "moment", "calendar.range",
                    "1900-01-01T00:00:00Z", "1950-01-01");
            refused(() -> c.plus(at("2026-01-05T09:00"), Duration.ofDays(200 * 366)), "amount", "calendar.range",
                    Duration.ofDays(200 * 366).toString());
            refused(() -> c.plusWorkingDays(LocalDate.of(2026, 1, 5), 200_000), "days", "calendar.range", "200000");
            BusinessCalendar always = BusinessCalendar.builder(ZoneId.of("UTC"))
                    .week(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, List.of(WorkingInterval.wholeDay())).build();
            Duration ages = Duration.ofDays(249L * 365);
            refused(() -> always.plus(Instant.parse("2199-06-01T00:00:00Z"), ages), "amount", "calendar.range",
                    ages.toString());
            refused(() -> always.minus(Instant.parse("1950-06-01T00:00:00Z"), Duration.ofDays(365)), "amount",
                    "calendar.range", Duration.ofDays(-365).toString());
            assertThat(always.plus(Instant.parse("2199-06-01T00:00:00Z"), Duration.ofDays(100)))
                    .isEqualTo(Instant.parse("2199-09-09T00:00:00Z"));
        }
    }

    @Nested
    class Refusals {
        BusinessCalendar.Builder week() {
            return BusinessCalendar.builder(MOSCOW).week(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, List.of(MORNING, AFTERNOON));
        }

        @Test
        @DisplayName("intervals that overlap or are out of order are refused")
        void overlap() {
            refused(() -> week().week(DayOfWeek.MONDAY, AFTERNOON, MORNING), "week.MONDAY", "calendar.week.overlap",
                    "14:00-18:00 09:00-13:00");
            refused(() -> week().week(DayOfWeek.MONDAY, WorkingInterval.parse("09:00-14:30"), AFTERNOON),
                    "week.MONDAY", "calendar.week.overlap", "09:00-14:30 14:00-18:00");
        }

        @Test
        @DisplayName("an interval ending before it starts, or in a bad format, is refused")
        void badInterval() {
            refused(() -> WorkingInterval.parse("18:00-09:00"), "interval", "calendar.interval.order", "18:00-09:00");
            refused(() -> WorkingInterval.parse("9-18"), "interval", "calendar.interval.format", "9-18");
            refused(() -> WorkingInterval.of(LocalTime.of(9, 0, 0, 5), LocalTime.NOON), "interval",
                    "calendar.interval.precision", "09:00:00.000000005-12:00");
            assertThat(WorkingInterval.parse("00:00-24:00")).isEqualTo(WorkingInterval.wholeDay());
            assertThat(WorkingInterval.wholeDay().length()).isEqualTo(Duration.ofHours(24));
        }

        @Test
        @DisplayName("a week without working time is refused: adding time would never end")
        void emptyWeek() {
            refused(() -> BusinessCalendar.builder(MOSCOW).build(), "week", "calendar.week.empty", null);
        }

        @Test
        @DisplayName("a date given twice, or both a holiday and a working day, is refused and changes nothing")
        void contradictions() {
            LocalDate sat = LocalDate.of(2026, 1, 10);
            refused(() -> week().holiday(sat).holiday(sat), "holidays[2026-01-10]", "calendar.date.duplicate",
                    "2026-01-10");
            refused(() -> week().holiday(sat).workday(sat, DayOfWeek.MONDAY), "workdays[2026-01-10]",
                    "calendar.date.contradiction", "2026-01-10");
            refused(() -> week().workday(sat, DayOfWeek.MONDAY).holiday(sat), "holidays[2026-01-10]",
                    "calendar.date.contradiction", "2026-01-10");
            BusinessCalendar.Builder b = week().holiday(LocalDate.of(2026, 1, 5));
            refused(() -> b.holidays(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 8)), "holidays[2026-01-05]",
                    "calendar.date.duplicate", "2026-01-05");
            assertThat(b.build().holidays()).containsExactly(LocalDate.of(2026, 1, 5));
        }

        @Test
        @DisplayName("a working day on a regular working day, or a shortened day off, is refused")
        void notAnException() {
            refused(() -> week().workday(LocalDate.of(2026, 1, 12), DayOfWeek.MONDAY), "workdays[2026-01-12]",
                    "calendar.workday.alreadyWorking", "2026-01-12");
            refused(() -> week().shortened(LocalDate.of(2026, 1, 10), Duration.ofHours(1)), "shortened[2026-01-10]",
                    "calendar.shortened.dayOff", "2026-01-10");
            refused(() -> week().shortened(LocalDate.of(2026, 1, 12), Duration.ofHours(8)), "shortened[2026-01-12]",
                    "calendar.shortened.cut", "PT8H");
            refused(() -> week().holiday(LocalDate.of(2026, 1, 12)).shortened(LocalDate.of(2026, 1, 12),
                    Duration.ofHours(1)), "shortened[2026-01-12]", "calendar.date.contradiction", "2026-01-12");
        }

        @Test
        @DisplayName("a rule that turns a transferred day into a regular one is caught when the calendar is built")
        void checkedAtBuild() {
            BusinessCalendar.Builder b = week().workday(LocalDate.of(2026, 1, 10), DayOfWeek.MONDAY)
                    .week(DayOfWeek.SATURDAY, MORNING);
            refused(b::build, "workdays[2026-01-10]", "calendar.workday.alreadyWorking", "2026-01-10");
        }
    }

    @Test
    @DisplayName("a calendar is a value: the same rules are equal, and withZone keeps the rules")
    void value() {
        assertThat(office()).isEqualTo(office()).hasSameHashCodeAs(office());
        BusinessCalendar utc = office().withZone(ZoneId.of("UTC"));
        assertThat(utc).isNotEqualTo(office());
        assertThat(utc.withZone(MOSCOW)).isEqualTo(office());
        assertThat(utc.toBuilder().build()).isEqualTo(utc);
    }
}
