package org.crm4j.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.crm4j.calendar.BusinessCalendar;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.Crm;
import org.crm4j.core.calendar.Calendars;
import org.crm4j.core.common.SettableClock;
import org.crm4j.task.LateTask;
import org.crm4j.task.Regulation;
import org.crm4j.task.Task;
import org.crm4j.task.TaskId;
import org.crm4j.task.TaskKind;
import org.crm4j.task.TaskStatus;

/**
 * Properties of lateness under regulations, in the Russian production calendar seen from any of a few zones:
 * lateness is zero exactly for tasks done before any working time passed after their deadline (so exactly for
 * those done on time when the deadline lies in working time), it never shrinks as the completion moves later,
 * and a compliance report puts every task in exactly one place.
 */
class RegulationLatenessPropertiesTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant START = LocalDateTime.of(2025, 1, 1, 0, 0).atZone(MOSCOW).toInstant();
    private static final EmployeeId ANNA = EmployeeId.of("anna");

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("Europe/Moscow", "Asia/Vladivostok", "Europe/Kaliningrad", "Asia/Yekaterinburg")
                .map(ZoneId::of);
    }

    @Provide
    Arbitrary<Regulation> regulations() {
        Arbitrary<Regulation> hours = Arbitraries.integers().between(1, 40 * 60)
                .map(m -> Regulation.within("r-time", "Сделать", TaskKind.OTHER, Duration.ofMinutes(m)));
        Arbitrary<Regulation> days = Arbitraries.integers().between(0, 5)
                .map(d -> Regulation.withinWorkingDays("r-days", "Сделать", TaskKind.OTHER, d));
        return Arbitraries.oneOf(hours, days);
    }

    private static Crm crm(ZoneId zone, Instant now) {
        return Crm.builder().clock(SettableClock.at(now, zone)).zone(zone).calendar(Calendars.russia(zone)).build();
    }

    private static Duration lateness(Crm crm, Instant due, Instant done) {
        return crm.regulations().lateness(new LateTask(TaskId.of(new UUID(1, 1)), "r", ANNA, due, done), done);
    }

    @Property
    void latenessIsZeroExactlyWhenNoWorkingTimePassedAfterTheDeadline(
            @ForAll("zones") ZoneId zone, @ForAll("regulations") Regulation regulation,
            @ForAll @LongRange(max = 92_000_000L) long triggerSecond,
            @ForAll @LongRange(min = -400_000L, max = 2_000_000L) long doneAfterDue) {
        Crm crm = crm(zone, START);
        BusinessCalendar calendar = crm.calendar();
        Instant due = crm.regulations().deadline(regulation, START.plusSeconds(triggerSecond));
        Instant done = due.plusSeconds(doneAfterDue);

        Duration late = lateness(crm, due, done);

        assertThat(late.isNegative()).isFalse();
        assertThat(late.isZero()).isEqualTo(!calendar.nextWorkingMoment(due).isBefore(done));
        if (!done.isAfter(due)) {
            assertThat(late).isZero();
        }
        if (calendar.isWorkingTime(due)) {
            assertThat(late.isZero()).isEqualTo(!done.isAfter(due));
        }
    }

    @Property
    void latenessGrowsWithTheCompletionMoment(@ForAll("zones") ZoneId zone,
                                              @ForAll("regulations") Regulation regulation,
                                              @ForAll @LongRange(max = 92_000_000L) long triggerSecond,
                                              @ForAll @LongRange(min = -400_000L, max = 2_000_000L) long first,
                                              @ForAll @LongRange(max = 2_000_000L) long further) {
        Crm crm = crm(zone, START);
        Instant due = crm.regulations().deadline(regulation, START.plusSeconds(triggerSecond));
        Instant earlier = due.plusSeconds(first);
        Instant later = earlier.plusSeconds(further);

        Duration a = lateness(crm, due, earlier);
        Duration b = lateness(crm, due, later);

        assertThat(b).isGreaterThanOrEqualTo(a);
        if (!earlier.isBefore(due)) {
            assertThat(b.minus(a)).isEqualTo(crm.calendar().between(earlier, later));
        }
    }

    /** A task: due at a minute of a fortnight, done (or cancelled) some minutes after, or still open. */
    record Outcome(int dueMinute, int closedAfter, int status) {
    }

    @Provide
    Arbitrary<Outcome> outcomes() {
        return Combinators.combine(Arbitraries.integers().between(0, 14 * 24 * 60),
                Arbitraries.integers().between(-3000, 6000), Arbitraries.integers().between(0, 3))
                .as(Outcome::new);
    }

    @Property(tries = 200)
    void aReportPutsEveryTaskInExactlyOnePlace(@ForAll @Size(max = 30) List<@From("outcomes") Outcome> outcomes,
                                              @ForAll @IntRange(max = 14 * 24 * 60) int nowMinute) {
        Instant from = LocalDateTime.of(2026, 3, 16, 0, 0).atZone(MOSCOW).toInstant();
        Instant now = from.plusSeconds(60L * nowMinute);
        Crm crm = crm(MOSCOW, now);
        long onTime = 0;
        long late = 0;
        long overdue = 0;
        long cancelled = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            Instant due = from.plusSeconds(60L * o.dueMinute());
            Instant closed = due.plusSeconds(60L * o.closedAfter());
            TaskStatus status = switch (o.status()) {
                case 0 -> TaskStatus.OPEN;
                case 1 -> TaskStatus.CANCELLED;
                default -> TaskStatus.DONE;
            };
            crm.storage().tasks().save(Task.builder().id(TaskId.of(new UUID(9, i))).title("Задача " + i)
                    .responsible(ANNA).due(due).status(status).column(status.isOpen() ? "to-do" : "done")
                    .completedAt(status.isOpen() ? null : closed).regulation("r").createdAt(from).build());
            Duration lateness = crm.calendar().between(due, status.isOpen() ? now : closed);
            boolean isLate = lateness.compareTo(Duration.ZERO) > 0;
            switch (status) {
                case DONE -> {
                    if (isLate) {
                        late++;
                    } else {
                        onTime++;
                    }
                }
                case CANCELLED -> cancelled++;
                default -> overdue += isLate ? 1 : 0;
            }
        }

        ComplianceReport report = crm.regulations().compliance(from, from.plus(Duration.ofDays(15)));

        if (outcomes.isEmpty()) {
            assertThat(report.byManager()).isEmpty();
            return;
        }
        ComplianceTally tally = report.of(ANNA).orElseThrow().tally();
        assertThat(tally.due()).isEqualTo(outcomes.size());
        assertThat(List.of(tally.onTime(), tally.late(), tally.overdue(), tally.cancelled()))
                .containsExactly(onTime, late, overdue, cancelled);
        assertThat(tally.onTime() + tally.late() + tally.overdue() + tally.cancelled() + tally.pending())
                .isEqualTo(tally.due());
        assertThat(report.of("r", ANNA).orElseThrow().tally()).isEqualTo(tally);
        assertThat(tally.worstLateness()).isGreaterThanOrEqualTo(tally.medianLateness());
        assertThat(tally.worstLateness().isZero()).isEqualTo(tally.late() + tally.overdue() == 0);
    }
}
