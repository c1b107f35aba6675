package org.crm4j.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.task.Task;
import org.crm4j.task.TaskKind;

/** A task due on a date stays on that date in its zone, whatever the zone and the date (DST days included). */
class TaskDeadlineTest {

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.getAvailableZoneIds()).map(ZoneId::of);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2040, 12, 31)
                .toEpochDay()).map(LocalDate::ofEpochDay);
    }

    @Property
    @Label("the deadline of a date is on that date in its zone, and the next microsecond is on the next date")
    void endOfDate(@ForAll("dates") LocalDate date, @ForAll("zones") ZoneId zone) {
        Assume.that(existsIn(date, zone));
        Instant due = Task.endOf(date, zone);

        assertThat(due.atZone(zone).toLocalDate()).isEqualTo(date);
        assertThat(due.plus(1, ChronoUnit.MICROS).atZone(zone).toLocalDate()).isEqualTo(date.plusDays(1));
    }

    @Property(tries = 200)
    @Label("a task due on a date in the CRM's zone is due today on that date's agenda there, and overdue the next day")
    void agendaOfDate(@ForAll("dates") LocalDate date, @ForAll("zones") ZoneId zone) {
        Assume.that(existsIn(date, zone));
        Crm crm = Crm.builder().clock(SettableClock.at(Instant.parse("2000-01-01T00:00:00Z"), zone)).zone(zone)
                .build();
        EmployeeId anna = EmployeeId.of("anna");
        Task task = crm.tasks().create(NewTask.on(TaskKind.CALL, "Позвонить", anna, date));

        assertThat(crm.agenda().of(anna, date, zone, 0).dueToday()).containsExactly(task);
        assertThat(crm.agenda().of(anna, date.plusDays(1), zone, 0).overdue()).containsExactly(task);
        assertThat(crm.agenda().of(anna, date.minusDays(1), zone, 1).upcoming()).containsExactly(task);
    }

    /** Whether the zone lived through the date: Samoa skipped 30 December 2011 as it crossed the date line. */
    private static boolean existsIn(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toLocalDate().equals(date);
    }

    @Example
    @Label("a date the zone skipped ends where the next date begins")
    void skippedDate() {
        ZoneId apia = ZoneId.of("Pacific/Apia");

        assertThat(Task.endOf(LocalDate.of(2011, 12, 30), apia).plus(1, ChronoUnit.MICROS))
                .isEqualTo(LocalDate.of(2011, 12, 31).atStartOfDay(apia).toInstant());
    }
}
