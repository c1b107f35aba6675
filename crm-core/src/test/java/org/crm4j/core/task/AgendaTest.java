package org.crm4j.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.task.Task;
import org.crm4j.task.TaskKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AgendaTest {
    private static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");
    private static final ZoneId KAMCHATKA = ZoneId.of("Asia/Kamchatka");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final EmployeeId ANNA = EmployeeId.of("anna");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    private final Crm crm = Crm.builder().clock(SettableClock.at(Instant.parse("2026-03-01T00:00:00Z"), MOSCOW))
            .zone(MOSCOW).build();

    private Task at(TaskKind kind, String title, LocalDateTime local, ZoneId zone) {
        return crm.tasks().create(NewTask.at(kind, title, ANNA, local.atZone(zone).toInstant()));
    }

    @Test
    @DisplayName("a meeting at 23:30 in Vladivostok is today there, and tomorrow in Kamchatka")
    void splitByZone() {
        Task meeting = at(TaskKind.MEETING, "Встреча", DAY.atTime(23, 30), VLADIVOSTOK);

        DayAgenda vladivostok = crm.agenda().of(ANNA, DAY, VLADIVOSTOK, 3);
        DayAgenda kamchatka = crm.agenda().of(ANNA, DAY, KAMCHATKA, 3);
        DayAgenda kamchatkaNextDay = crm.agenda().of(ANNA, DAY.plusDays(1), KAMCHATKA, 3);
        DayAgenda vladivostokNextDay = crm.agenda().of(ANNA, DAY.plusDays(1), VLADIVOSTOK, 3);

        assertThat(vladivostok.dueToday()).containsExactly(meeting);
        assertThat(vladivostok.meetings()).containsExactly(meeting);
        assertThat(kamchatka.dueToday()).isEmpty();
        assertThat(kamchatka.meetings()).isEmpty();
        assertThat(kamchatka.upcoming()).containsExactly(meeting);
        assertThat(kamchatkaNextDay.meetings()).containsExactly(meeting);
        assertThat(vladivostokNextDay.overdue()).containsExactly(meeting);
    }

    @Test
    @DisplayName("the agenda splits open tasks into overdue, due today, upcoming within the window, and meetings")
    void split() {
        Task overdue = at(TaskKind.INVOICE, "Счёт", DAY.minusDays(2).atTime(12, 0), MOSCOW);
        Task call = at(TaskKind.CALL, "Звонок", DAY.atTime(0, 0), MOSCOW);
        Task meeting = at(TaskKind.MEETING, "Встреча", DAY.atTime(15, 0), MOSCOW);
        Task dated = crm.tasks().create(NewTask.on(TaskKind.ACT, "Акт", ANNA, DAY));
        Task soon = at(TaskKind.LETTER, "Письмо", DAY.plusDays(2).atTime(23, 59), MOSCOW);
        at(TaskKind.CALL, "Позже окна", DAY.plusDays(3).atTime(0, 0), MOSCOW);
        Task done = at(TaskKind.CALL, "Сделано", DAY.atTime(10, 0), MOSCOW);
        crm.tasks().complete(done.id(), done.version());
        crm.tasks().create(NewTask.at(TaskKind.CALL, "Чужое", EmployeeId.of("boris"),
                DAY.atTime(10, 0).atZone(MOSCOW).toInstant()));

        DayAgenda agenda = crm.agenda().of(ANNA, DAY, MOSCOW, 2);

        assertThat(agenda.overdue()).containsExactly(overdue);
        assertThat(agenda.dueToday()).containsExactly(call, meeting, dated);
        assertThat(agenda.meetings()).containsExactly(meeting);
        assertThat(agenda.upcoming()).containsExactly(soon);
        assertThat(agenda.complete()).isTrue();
    }

    @Test
    @DisplayName("an agenda looks 0 to 366 days ahead")
    void window() {
        assertThatThrownBy(() -> crm.agenda().of(ANNA, DAY, MOSCOW, -1))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("upcomingDays"));
    }
}
