package org.crm4j.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.crm4j.calendar.BusinessCalendar;
import org.crm4j.calendar.WorkingInterval;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegulationTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** 09:00-13:00 and 14:00-18:00 Monday to Friday; 2026-03-18 (a Wednesday) is a holiday. */
    private static final BusinessCalendar CALENDAR = BusinessCalendar.builder(MOSCOW)
            .week(DayOfWeek.MONDAY, DayOfWeek.FRIDAY,
                    java.util.List.of(WorkingInterval.parse("09:00-13:00"), WorkingInterval.parse("14:00-18:00")))
            .holiday(LocalDate.of(2026, 3, 18)).build();

    private static Instant moscow(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }

    @Test
    @DisplayName("a regulation of business time is due when that much working time has passed since the trigger")
    void businessTime() {
        Regulation invoice = Regulation.within("invoice-8h", "Выставить счёт", TaskKind.INVOICE, Duration.ofHours(8));

        assertThat(invoice.deadlineAfter(moscow("2026-03-16T10:00"), CALENDAR)).isEqualTo(moscow("2026-03-17T10:00"));
        // Tuesday 17:00 + 8h: one hour on Tuesday, Wednesday is a holiday, seven hours on Thursday.
        assertThat(invoice.deadlineAfter(moscow("2026-03-17T17:00"), CALENDAR)).isEqualTo(moscow("2026-03-19T17:00"));
        // Saturday: the clock starts on Monday morning.
        assertThat(invoice.deadlineAfter(moscow("2026-03-21T12:00"), CALENDAR)).isEqualTo(moscow("2026-03-23T18:00"));
    }

    @Test
    @DisplayName("a regulation of working days is due at the end of the working day that many days after the trigger's")
    void workingDays() {
        Regulation invoice = Regulation.withinWorkingDays("invoice", "Выставить счёт", TaskKind.INVOICE, 1);
        Regulation sameDay = Regulation.withinWorkingDays("same-day", "Перезвонить", TaskKind.CALL, 0);

        assertThat(invoice.deadlineAfter(moscow("2026-03-16T10:00"), CALENDAR)).isEqualTo(moscow("2026-03-17T18:00"));
        // Tuesday's day after is Thursday: Wednesday is a holiday.
        assertThat(invoice.deadlineAfter(moscow("2026-03-17T10:00"), CALENDAR)).isEqualTo(moscow("2026-03-19T18:00"));
        // A call after hours is handled the next working day.
        assertThat(invoice.deadlineAfter(moscow("2026-03-16T19:30"), CALENDAR)).isEqualTo(moscow("2026-03-19T18:00"));
        assertThat(invoice.deadlineAfter(moscow("2026-03-21T12:00"), CALENDAR)).isEqualTo(moscow("2026-03-24T18:00"));
        assertThat(sameDay.deadlineAfter(moscow("2026-03-16T10:00"), CALENDAR)).isEqualTo(moscow("2026-03-16T18:00"));
        assertThat(sameDay.deadlineAfter(moscow("2026-03-21T12:00"), CALENDAR)).isEqualTo(moscow("2026-03-23T18:00"));
    }

    @Test
    @DisplayName("the code is normalised and the bounds of a deadline are accepted")
    void boundaries() {
        Regulation r = new Regulation("  invoice.1d ", " Счёт ", TaskKind.INVOICE, null, Regulation.MAX_WORKING_DAYS);
        assertThat(r.code()).isEqualTo("invoice.1d");
        assertThat(r.name()).isEqualTo("Счёт");
        assertThat(Regulation.within("a", "x".repeat(300), TaskKind.OTHER, Duration.ofSeconds(1)).businessTime())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(Regulation.within("a", "x", TaskKind.OTHER, Regulation.MAX_BUSINESS_TIME).businessTime())
                .isEqualTo(Regulation.MAX_BUSINESS_TIME);
    }

    @Test
    @DisplayName("a bad code, name or deadline is refused naming each field and rule")
    void refusals() {
        assertThatThrownBy(() -> new Regulation("Invoice 1", "", TaskKind.INVOICE, Duration.ofMillis(1500), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("code", "classifier.code"),
                                org.assertj.core.groups.Tuple.tuple("name", "regulation.name"),
                                org.assertj.core.groups.Tuple.tuple("businessTime", "regulation.businessTime")));
        assertRefused(() -> new Regulation("a", "x", TaskKind.CALL, null, null), "deadline", "regulation.deadline");
        assertRefused(() -> new Regulation("a", "x", TaskKind.CALL, Duration.ofHours(1), 1), "deadline",
                "regulation.deadline");
        assertRefused(() -> Regulation.within("a", "x", TaskKind.CALL, Duration.ZERO), "businessTime",
                "regulation.businessTime");
        assertRefused(() -> Regulation.within("a", "x", TaskKind.CALL, Duration.ofHours(-1)), "businessTime",
                "regulation.businessTime");
        assertRefused(() -> Regulation.within("a", "x", TaskKind.CALL, Regulation.MAX_BUSINESS_TIME.plusSeconds(1)),
                "businessTime", "regulation.businessTime");
        assertRefused(() -> Regulation.withinWorkingDays("a", "x", TaskKind.CALL, -1), "workingDays",
                "regulation.workingDays");
        assertRefused(() -> Regulation.withinWorkingDays("a", "x", TaskKind.CALL, Regulation.MAX_WORKING_DAYS + 1),
                "workingDays", "regulation.workingDays");
        assertRefused(() -> Regulation.withinWorkingDays("a", "x".repeat(301), TaskKind.CALL, 1), "name",
                "regulation.name");
        assertRefused(() -> Regulation.withinWorkingDays(null, "x", TaskKind.CALL, 1), "code", "classifier.code");
    }

    @Test
    @DisplayName("null kind, trigger or calendar is refused")
    void nulls() {
        Regulation r = Regulation.withinWorkingDays("a", "x", TaskKind.CALL, 1);
        assertThatThrownBy(() -> Regulation.withinWorkingDays("a", "x", null, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("kind");
        assertThatThrownBy(() -> Regulation.within("a", "x", TaskKind.CALL, null))
                .isInstanceOf(NullPointerException.class).hasMessage("businessTime");
        assertThatThrownBy(() -> r.deadlineAfter(null, CALENDAR)).isInstanceOf(NullPointerException.class)
                .hasMessage("trigger");
        assertThatThrownBy(() -> r.deadlineAfter(Instant.EPOCH, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("calendar");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
                                      String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, code)));
    }
}
