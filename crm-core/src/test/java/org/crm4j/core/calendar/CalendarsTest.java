package org.crm4j.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.crm4j.calendar.BusinessCalendar;
import org.crm4j.calendar.WorkingInterval;
import org.crm4j.common.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarsTest {
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final BusinessCalendar RUSSIA = Calendars.russia();

    static Instant msk(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }

    @Nested
    class RussianProductionCalendar {
        @ParameterizedTest(name = "{0}: {1} working days, {2} hours")
        @CsvSource({"2025, 247, 1972", "2026, 247, 1972", "2027, 249, 1987"})
        @DisplayName("each year has the working days and hours of the production calendar (2027: Labour Code only)")
        void yearTotals(int year, long days, long hours) {
            LocalDate first = LocalDate.of(year, 1, 1);
            LocalDate next = first.plusYears(1);
            assertThat(RUSSIA.workingDaysBetween(first, next)).isEqualTo(days);
            assertThat(RUSSIA.between(first.atStartOfDay(MOSCOW).toInstant(), next.atStartOfDay(MOSCOW).toInstant()))
                    .isEqualTo(Duration.ofHours(hours));
        }

        @Test
        @DisplayName("the 2025 transfers: 2, 8 May, 13 June, 3 November and 31 December off; Saturday 1 November worked, shortened")
        void transfers2025() {
            for (String off : List.of("2025-05-02", "2025-05-08", "2025-06-13", "2025-11-03", "2025-12-31",
                    "2025-01-08", "2025-11-04")) {
                assertThat(RUSSIA.isWorkingDay(LocalDate.parse(off))).as(off).isFalse();
            }
            assertThat(RUSSIA.workingHours(LocalDate.of(2025, 11, 1)))
                    .containsExactly(WorkingInterval.parse("09:00-13:00"), WorkingInterval.parse("14:00-17:00"));
            assertThat(RUSSIA.isWorkingDay(LocalDate.of(2025, 2, 24))).isTrue();
            assertThat(RUSSIA.isWorkingDay(LocalDate.of(2025, 3, 10))).isTrue();
        }

        @Test
        @DisplayName("the 2026 New Year holidays run from 31 December 2025 to 11 January 2026")
        void newYear2026() {
            assertThat(RUSSIA.plus(msk("2025-12-30T17:00"), Duration.ofHours(2))).isEqualTo(msk("2026-01-12T10:00"));
            assertThat(RUSSIA.plusWorkingDays(LocalDate.of(2025, 12, 30), 1)).isEqualTo(LocalDate.of(2026, 1, 12));
            assertThat(RUSSIA.isWorkingDay(LocalDate.of(2026, 1, 9))).isFalse();
            assertThat(RUSSIA.isWorkingDay(LocalDate.of(2026, 12, 31))).isFalse();
        }

        @Test
        @DisplayName("the eve of 1 May 2026 ends at 17:00; an hour from 16:30 lands on Monday 4 May at 09:30")
        void shortenedDay() {
            assertThat(RUSSIA.endOfWorkingDay(LocalDate.of(2026, 4, 30))).contains(msk("2026-04-30T17:00"));
            assertThat(RUSSIA.plus(msk("2026-04-30T16:30"), Duration.ofHours(1))).isEqualTo(msk("2026-05-04T09:30"));
        }

        @Test
        @DisplayName("2027 has only the Labour Code's own transfers: 3 May, 10 May and 14 June off")
        void labourCode2027() {
            assertThat(RUSSIA.isWorkingDay(LocalDate.of(2027, 5, 3))).isFalse();
            assertThat(RUSSIA.isWorkingDay(LocalDate.of(2027, 5, 10))).isFalse();
            assertThat(RUSSIA.isWorkingDay(LocalDate.of(2027, 6, 14))).isFalse();
            assertThat(RUSSIA.isWorkingDay(LocalDate.of(2027, 11, 5))).isTrue();
        }

        @Test
        @DisplayName("outside 2025-2027 it is the plain five-day week")
        void otherYears() {
            assertThat(RUSSIA.isWorkingDay(LocalDate.of(2028, 1, 3))).isTrue();
            assertThat(RUSSIA.plus(msk("2030-03-01T17:30"), Duration.ofHours(1))).isEqualTo(msk("2030-03-04T09:30"));
        }
    }

    @Nested
    class Regulations {
        @Test
        @DisplayName("a call on Monday at 10:00 with an invoice due one business day later: due Tuesday at 10:00")
        void invoiceDueNextBusinessDay() {
            Instant call = msk("2026-02-02T10:00");
            Instant due = RUSSIA.plus(call, Duration.ofHours(8));
            assertThat(due).isEqualTo(msk("2026-02-03T10:00"));
            assertThat(RUSSIA.plusWorkingDays(LocalDate.of(2026, 2, 2), 1)).isEqualTo(LocalDate.of(2026, 2, 3));
            assertThat(RUSSIA.endOfWorkingDay(LocalDate.of(2026, 2, 3))).contains(msk("2026-02-03T18:00"));
        }

        @Test
        @DisplayName("called on Monday, invoiced on Friday: the client waited four business days")
        void mondayToFridayIsFourDays() {
            assertThat(RUSSIA.between(msk("2026-02-02T10:00"), msk("2026-02-06T10:00"))).isEqualTo(Duration.ofHours(32));
        }

        @Test
        @DisplayName("a call on Friday at 17:30 plus one business hour lands on Monday at 09:30")
        void fridayEvening() {
            assertThat(RUSSIA.plus(msk("2026-02-06T17:30"), Duration.ofHours(1))).isEqualTo(msk("2026-02-09T09:30"));
            BusinessCalendar plain = Calendars.mondayToFriday(MOSCOW);
            assertThat(plain.plus(msk("2026-02-06T17:30"), Duration.ofHours(1))).isEqualTo(msk("2026-02-09T09:30"));
        }

        @Test
        @DisplayName("a manager in Vladivostok and a client in Kaliningrad see the same deadline on their own clocks")
        void sameDeadline() {
            Instant due = RUSSIA.plus(msk("2026-02-06T17:30"), Duration.ofHours(1));
            assertThat(LocalDateTime.ofInstant(due, ZoneId.of("Asia/Vladivostok")))
                    .isEqualTo(LocalDateTime.parse("2026-02-09T16:30"));
            assertThat(LocalDateTime.ofInstant(due, ZoneId.of("Europe/Kaliningrad")))
                    .isEqualTo(LocalDateTime.parse("2026-02-09T08:30"));
        }

        @Test
        @DisplayName("the same calendar in Vladivostok ends its working day seven hours before Moscow")
        void calendarInAnotherZone() {
            BusinessCalendar vladivostok = Calendars.russia(ZoneId.of("Asia/Vladivostok"));
            LocalDate day = LocalDate.of(2026, 2, 3);
            assertThat(Duration.between(vladivostok.endOfWorkingDay(day).orElseThrow(),
                    RUSSIA.endOfWorkingDay(day).orElseThrow())).isEqualTo(Duration.ofHours(7));
            assertThat(vladivostok.workingHours(day)).isEqualTo(RUSSIA.workingHours(day));
        }
    }

    @Nested
    class Shipped {
        @Test
        @DisplayName("Monday to Friday is 09:00-18:00 without a break")
        void mondayToFriday() {
            BusinessCalendar c = Calendars.mondayToFriday(ZoneId.of("UTC"));
            assertThat(c.weeklyHours(DayOfWeek.WEDNESDAY)).containsExactly(WorkingInterval.parse("09:00-18:00"));
            assertThat(c.weeklyHours(DayOfWeek.SATURDAY)).isEmpty();
            assertThat(c.isWorkingDay(LocalDate.of(2026, 1, 1))).isTrue();
        }

        @Test
        @DisplayName("24x7 counts every moment")
        void twentyFourSeven() {
            BusinessCalendar c = Calendars.twentyFourSeven(ZoneId.of("UTC"));
            Instant sunday = Instant.parse("2026-02-08T23:30:00Z");
            assertThat(c.isWorkingTime(sunday)).isTrue();
            assertThat(c.plus(sunday, Duration.ofHours(49))).isEqualTo(sunday.plus(Duration.ofHours(49)));
            assertThat(c.between(sunday, sunday.plus(Duration.ofDays(10)))).isEqualTo(Duration.ofDays(10));
        }
    }

    @Nested
    class Loading {
        static BusinessCalendar load(String text) {
            return Calendars.load(new StringReader(text), null);
        }

        @Test
        @DisplayName("a file reads zone, week, holidays, transfers and shortened days; week lines count wherever they stand")
        void reads(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("office.calendar");
            Files.writeString(file, """
                    # an office
                    zone Asia/Yekaterinburg
                    holiday 2026-03-02..2026-03-03   # two days
                    workday 2026-03-07 10:00-15:00
                    workday 2026-03-14 like Monday
                    shortened 2026-03-06 1h30m
                    shortened 2026-03-05 PT30M
                    week mon-fri 09:00-17:00
                    """);
            BusinessCalendar c = Calendars.load(file);
            assertThat(c.zone()).isEqualTo(ZoneId.of("Asia/Yekaterinburg"));
            assertThat(c.holidays()).containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3));
            assertThat(c.workingHours(LocalDate.of(2026, 3, 7))).containsExactly(WorkingInterval.parse("10:00-15:00"));
            assertThat(c.workingHours(LocalDate.of(2026, 3, 14))).containsExactly(WorkingInterval.parse("09:00-17:00"));
            assertThat(c.workingHours(LocalDate.of(2026, 3, 6))).containsExactly(WorkingInterval.parse("09:00-15:30"));
            assertThat(c.workingHours(LocalDate.of(2026, 3, 5))).containsExactly(WorkingInterval.parse("09:00-16:30"));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "holiday 2025-02-30                     | calendar.file.date",
                "holiday 2025-01-01..2025-13-01         | calendar.file.date",
                "vacation 2025-01-01                    | calendar.file.directive",
                "holiday 2025-01-05..2025-01-06         | calendar.date.duplicate",
                "holiday 2025-01-09..2025-01-08         | calendar.period.order",
                "workday 2025-01-04 like mon            | calendar.date.contradiction",
                "workday 2025-01-13 like mon            | calendar.workday.alreadyWorking",
                "workday 2025-01-18 18:00-09:00         | calendar.interval.order",
                "workday 2025-01-18 like someday        | calendar.file.day",
                "shortened 2025-01-18 1h                | calendar.shortened.dayOff",
                "shortened 2025-01-14 an hour           | calendar.file.syntax",
                "shortened 2025-01-14 1x                | calendar.file.duration",
                "shortened 2025-01-14 9h                | calendar.shortened.cut",
                "shortened 2025-01-02 1h                | calendar.date.contradiction",
                "zone Europe/Atlantis                   | calendar.file.zone",
                "week mon 09:00-13:00 12:00-18:00       | calendar.week.overlap"})
        @DisplayName("a bad line is refused, naming its number and quoting it")
        void badLine(String line, String code) {
            String text = "zone Europe/Moscow\nweek mon-fri 09:00-18:00\n# the New Year\nholiday 2025-01-01..2025-01-08\n"
                    + line + "   # the line at fault\n";
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> load(text));
            assertThat(e).as(line).isNotNull();
            assertThat(e.violations()).hasSize(1);
            assertThat(e.field()).isEqualTo("line 5");
            assertThat(e.violationCode()).isEqualTo(code);
            assertThat(e.rejectedValue()).contains(line.strip());
            assertThat(e.first().message()).startsWith("line 5 \"" + line.strip());
        }

        @Test
        @DisplayName("a second zone line is refused, naming the first")
        void twoZones() {
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> load("zone UTC\nweek mon 09:00-18:00\nzone Europe/Moscow\n"));
            assertThat(e.field()).isEqualTo("line 3");
            assertThat(e.first().message()).contains("line 1");
        }

        @Test
        @DisplayName("a file without a zone or without working time is refused")
        void incomplete() {
            ValidationException noZone = catchThrowableOfType(ValidationException.class,
                    () -> load("week mon 09:00-18:00\n"));
            assertThat(noZone.field()).isEqualTo("zone");
            assertThat(noZone.violationCode()).isEqualTo("calendar.file.zone");
            ValidationException noWork = catchThrowableOfType(ValidationException.class,
                    () -> load("zone UTC\nweek mon-sun off\n"));
            assertThat(noWork.field()).isEqualTo("calendar");
            assertThat(noWork.violationCode()).isEqualTo("calendar.week.empty");
            assertThat(Calendars.load(new StringReader("week mon 09:00-18:00\n"), MOSCOW).zone()).isEqualTo(MOSCOW);
        }
    }
}
