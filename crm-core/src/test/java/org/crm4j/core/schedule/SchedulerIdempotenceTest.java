package org.crm4j.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.Crm;
import org.crm4j.core.InMemoryStorage;
import org.crm4j.core.calendar.Calendars;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.schedule.RuleAction.CreateTask;
import org.crm4j.core.schedule.RuleAction.Escalate;
import org.crm4j.core.schedule.RuleAction.Notify;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.keydate.NotableEventKind;
import org.crm4j.schedule.Reminder;
import org.crm4j.schedule.ReminderStatus;
import org.crm4j.schedule.Supervisors;
import org.crm4j.task.Regulation;
import org.crm4j.task.Task;
import org.crm4j.task.TaskKind;
import org.crm4j.task.TaskPriority;
import org.crm4j.tck.ClientFixture;

/**
 * Whatever the calls, their order and the nodes that make them, the scheduler creates each task and notification
 * once and delivers each notification once; and once every node has fired far enough ahead, nothing is left
 * pending. Random histories of calls, completed tasks and evaluations at random moments, on one or two nodes
 * sharing one in-memory storage.
 */
class SchedulerIdempotenceTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant START = LocalDateTime.parse("2026-03-02T08:00").atZone(MOSCOW).toInstant();
    private static final EmployeeId MANAGER = EmployeeId.of("manager-1");
    private static final List<SchedulingRule> RULES = List.of(
            new SchedulingRule("invoice", "Invoice after a call", Trigger.InteractionRecorded.of("call-in"),
                    Condition.always(), List.of(new CreateTask(Regulation.within("invoice", "Счёт", TaskKind.INVOICE,
                    Duration.ofHours(8)), TaskPriority.HIGH), Notify.of("email", "{client}: {task}", ""),
                    new Escalate(Duration.ofHours(2), "email", null))),
            new SchedulingRule("quiet", "Quiet clients", new Trigger.Idle(2), Condition.always(),
                    List.of(Notify.of("email", "{client} is quiet", ""))),
            new SchedulingRule("birthday", "Birthdays", new Trigger.KeyDate(Set.of(NotableEventKind.BIRTHDAY), 5),
                    Condition.always(), List.of(Notify.of("sms", "{event} {date}", ""))),
            new SchedulingRule("weekly", "Weekly call", new Trigger.Recurrence("FREQ=WEEKLY;BYDAY=MO",
                    LocalDateTime.parse("2026-01-05T09:00")), new Condition.HasTag("wholesale"),
                    List.of(new CreateTask(Regulation.withinWorkingDays("weekly", "Звонок", TaskKind.CALL, 0),
                            TaskPriority.NORMAL))));

    /** One step of a history: after {@code minutes}, a call from a client, a task done, or a node firing. */
    record Step(int minutes, int kind, int client, int node) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(1, 60 * 12),
                Arbitraries.integers().between(0, 9), Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(0, 1)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 60)
    void eachNotificationOnceAndNothingLeft(@ForAll("histories") List<Step> history) {
        InMemoryStorage storage = new InMemoryStorage();
        SettableClock clock = SettableClock.at(START, MOSCOW);
        List<String> delivered = new ArrayList<>();
        List<Crm> nodes = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            nodes.add(Crm.builder().storage(storage).clock(clock).zone(MOSCOW).calendar(Calendars.russia(MOSCOW))
                    .rules(RULES).notifier(note -> delivered.add(note.key()))
                    .supervisors(Supervisors.of(Map.of(MANAGER, EmployeeId.of("boss"))))
                    .scheduler(SchedulerSettings.defaults().withNode("node-" + n).withEvaluateEvery(Duration.ZERO))
                    .build());
        }
        Crm crm = nodes.get(0);
        for (int c = 1; c <= 4; c++) {
            storage.clients().save(ClientFixture.organisation(c));
        }
        crm.notableEvents().record(ClientFixture.id(2), null, NotableEventKind.BIRTHDAY, "День рождения",
                LocalDate.of(1980, 3, 20), true, null);
        int calls = 0;
        for (Step step : history) {
            clock.advance(Duration.ofMinutes(step.minutes()));
            if (step.kind() < 3) {
                Interaction call = Interaction.builder().id(InteractionId.of(new UUID(5, ++calls)))
                        .externalId("pbx-" + calls).type("call-in").direction(Direction.INBOUND)
                        .channel(Channel.PHONE).at(clock.instant()).manager(MANAGER)
                        .client(ClientFixture.id(step.client())).subject("Цена?").recordedAt(clock.instant()).build();
                crm.interactions().record(call);
                if (step.kind() == 0) {
                    crm.interactions().record(call);
                }
            } else if (step.kind() < 6) {
                List<Task> open = crm.tasks().openOf(MANAGER, Instant.MAX, 1);
                if (!open.isEmpty()) {
                    crm.tasks().complete(open.get(0).id(), open.get(0).version());
                }
            } else {
                nodes.get(step.node()).scheduler().fireDue(clock.instant());
            }
        }
        Instant end = clock.instant().plus(Duration.ofDays(30));
        clock.set(end);
        nodes.get(0).scheduler().fireDue(end);
        nodes.get(1).scheduler().fireDue(end);

        assertThat(delivered).doesNotHaveDuplicates();
        List<Reminder> left = storage.reminders().findPending(Instant.MAX, 1000);
        assertThat(left).filteredOn(r -> !r.due().isAfter(end)).isEmpty();
        Set<String> taskKeys = new HashSet<>();
        for (int c = 1; c <= 4; c++) {
            for (Task t : crm.tasks().ofClient(ClientFixture.id(c), 1000)) {
                assertThat(taskKeys.add(t.sourceKey())).isTrue();
            }
        }
        assertThat(taskKeys.stream().filter(k -> k.contains(":interaction:"))).hasSize(calls);
        for (String key : delivered) {
            Reminder r = storage.reminders().findByKey(key).orElseThrow();
            assertThat(r.status()).isEqualTo(ReminderStatus.FIRED);
        }
        boolean skipped = false;
        for (int c = 1; c <= 4; c++) {
            for (Task t : crm.tasks().ofClient(ClientFixture.id(c), 1000)) {
                skipped |= storage.reminders().findByTask(t.id()).stream()
                        .anyMatch(r -> r.status() == ReminderStatus.SKIPPED);
            }
        }
        Statistics.label("escalation skipped").collect(skipped);
        Statistics.label("idle or weekly").collect(delivered.stream().anyMatch(k -> k.contains(":idle:"))
                || taskKeys.stream().anyMatch(k -> k.contains(":recurrence:")));
    }

    @Property(tries = 60)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void historiesReachEveryKindOfOccasion(@ForAll("histories") List<Step> history) {
        eachNotificationOnceAndNothingLeft(history);
        Statistics.label("escalation skipped").coverage(c -> c.check(true).count(n -> n > 0));
        Statistics.label("idle or weekly").coverage(c -> c.check(true).percentage(p -> p > 50));
    }
}
