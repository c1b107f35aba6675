package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crm4j.client.ClientCard;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.Crm;
import org.crm4j.core.calendar.Calendars;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.schedule.Condition;
import org.crm4j.core.schedule.FireReport;
import org.crm4j.core.schedule.RuleAction.CreateTask;
import org.crm4j.core.schedule.RuleAction.Escalate;
import org.crm4j.core.schedule.RuleAction.Notify;
import org.crm4j.core.schedule.SchedulerSettings;
import org.crm4j.core.schedule.SchedulingRule;
import org.crm4j.core.schedule.Trigger;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.keydate.NotableEventKind;
import org.crm4j.notification.Notification;
import org.crm4j.schedule.Reminder;
import org.crm4j.schedule.ReminderStatus;
import org.crm4j.schedule.Supervisors;
import org.crm4j.task.Regulation;
import org.crm4j.task.Task;
import org.crm4j.task.TaskKind;
import org.crm4j.task.TaskPriority;
import org.crm4j.tck.ClientFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The scheduling rules and the firing of reminders on crm-jpa: what a rule creates for an interaction is written in
 * the interaction's transaction at a fixed cost, each reminder is delivered once, escalations of closed tasks are
 * skipped, and the time-triggered rules create nothing twice, on every database.
 */
class SchedulerOnDatabaseTest {

    @Nested
    class OnH2 extends Scheduling {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends Scheduling {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    @Nested
    class OnMariaDb extends Scheduling {
        OnMariaDb() {
            super(TestDatabase.MARIADB);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Scheduling {
        private static final String PREFIX = "sched_";
        private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
        private static final Instant MONDAY = moscow("2026-03-16T10:00");
        private static final EmployeeId MANAGER = EmployeeId.of("manager-1");
        private static final SchedulingRule INVOICE = new SchedulingRule("invoice-1d", "Invoice within a day",
                Trigger.InteractionRecorded.of("call-in"), Condition.always(), List.of(
                new CreateTask(Regulation.withinWorkingDays("invoice-1d", "Выставить счёт", TaskKind.INVOICE, 1),
                        TaskPriority.HIGH),
                Notify.of("email", "Счёт для {client} до {due}", ""),
                new Escalate(Duration.ofHours(4), "email", null)));
        private static final SchedulingRule QUIET = new SchedulingRule("quiet-3d", "Call quiet clients",
                new Trigger.Idle(3), Condition.always(), List.of(new CreateTask(Regulation.within("quiet-3d",
                "Позвонить клиенту", TaskKind.CALL, Duration.ofHours(4)), TaskPriority.NORMAL)));
        private static final SchedulingRule BIRTHDAYS = new SchedulingRule("birthday", "Birthday greetings",
                new Trigger.KeyDate(java.util.Set.of(NotableEventKind.BIRTHDAY), 7), Condition.always(),
                List.of(Notify.of("sms", "{event}: {date}", "")));
        private static final SchedulingRule MONTHLY = new SchedulingRule("monday", "Monthly call to wholesale",
                new Trigger.Recurrence("FREQ=MONTHLY;BYDAY=1MO", LocalDateTime.parse("2026-01-05T09:00")),
                new Condition.HasTag("wholesale"), List.of(new CreateTask(Regulation.withinWorkingDays("monday",
                "Звонок оптовому клиенту", TaskKind.CALL, 0), TaskPriority.NORMAL)));

        private static final SchedulingRule OFFER = new SchedulingRule("offer", "Offer when interested",
                new Trigger.DealStageEntered("shiffman", java.util.Set.of("interested")), Condition.always(),
                List.of(new CreateTask(Regulation.withinWorkingDays("offer", "Отправить предложение", TaskKind.LETTER,
                        1), TaskPriority.HIGH)));

        private final TestDatabase database;
        private final StatementCounter counter = new StatementCounter();
        private final SettableClock clock = SettableClock.at(MONDAY, MOSCOW);
        private final List<Notification> sent = new CopyOnWriteArrayList<>();
        private JpaStorage storage;
        private Crm crm;

        Scheduling(TestDatabase database) {
            this.database = database;
        }

        private static Instant moscow(String localDateTime) {
            return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            storage = database.storage(counter.wrap(database.cleanSchema(PREFIX)), PREFIX);
            crm = Crm.builder().storage(storage).clock(clock).zone(MOSCOW).calendar(Calendars.russia(MOSCOW))
                    .rules(List.of(INVOICE, QUIET, BIRTHDAYS, MONTHLY, OFFER)).notifier(sent::add)
                    .supervisors(Supervisors.of(Map.of(MANAGER, EmployeeId.of("boss"))))
                    .scheduler(SchedulerSettings.defaults().withNode("db-node").withEvaluateEvery(Duration.ofDays(1)))
                    .defaultClassifiers(true).build();
        }

        @AfterAll
        void close() {
            if (storage != null) {
                storage.close();
            }
        }

        @BeforeEach
        void clean() {
            database.cleanSchema(PREFIX);
            crm.classifiers().defineMissing(org.crm4j.core.classifier.Classifiers.defaults());
            crm.pipeline().defineMissing(org.crm4j.core.deal.Pipelines.shiffman());
            clock.set(MONDAY);
            sent.clear();
        }

        private Interaction call(int n, int client) {
            Interaction call = Interaction.builder().id(InteractionId.of(new UUID(88, n))).externalId("pbx-88-" + n)
                    .type("call-in").direction(Direction.INBOUND).channel(Channel.PHONE).at(clock.instant())
                    .manager(EmployeeId.of("agent")).client(ClientFixture.id(client)).subject("Цена?")
                    .recordedAt(clock.instant()).build();
            return crm.interactions().record(call).interaction();
        }

        @Test
        @DisplayName("a call creates its task, notice and escalation in its own transaction, at the same cost each time")
        void onInteraction() {
            ClientCard client = storage.clients().save(ClientFixture.organisation(1));
            storage.clients().save(ClientFixture.organisation(2));

            Map<String, Long> first = counter.counted(() -> call(1, 1));
            Map<String, Long> second = counter.counted(() -> call(2, 2));
            Map<String, Long> again = counter.counted(() -> call(1, 1));

            assertThat(first).isEqualTo(second);
            assertThat(first.get("insert")).isEqualTo(4L); // the interaction, its task, the notice, the escalation
            assertThat(again).doesNotContainKey("insert");
            Task task = crm.tasks().ofClient(client.id(), 10).get(0);
            assertThat(task.regulation()).isEqualTo("invoice-1d");
            assertThat(crm.scheduler().remindersOf(task.id())).singleElement()
                    .satisfies(r -> assertThat(r.notification().recipient()).isEqualTo("boss"));
        }

        @Test
        @DisplayName("a deal entering a stage gets the rule's task in the same change, at the same cost each time")
        void onDeal() {
            storage.clients().save(ClientFixture.organisation(1));
            org.crm4j.deal.Deal first = crm.deals().create(org.crm4j.core.deal.NewDeal.of(ClientFixture.id(1),
                    org.crm4j.common.Money.of("1000.00", "RUB"), MANAGER));
            org.crm4j.deal.Deal second = crm.deals().create(org.crm4j.core.deal.NewDeal.of(ClientFixture.id(1),
                    org.crm4j.common.Money.of("2000.00", "RUB"), MANAGER));

            Map<String, Long> one = counter.counted(() -> crm.deals().move(first.id(), first.version(), "interested",
                    MANAGER));
            Map<String, Long> two = counter.counted(() -> crm.deals().move(second.id(), second.version(),
                    "interested", MANAGER));

            assertThat(one).isEqualTo(two);
            assertThat(crm.tasks().ofClient(ClientFixture.id(1), 10)).extracting(Task::dealRef)
                    .containsExactlyInAnyOrder(first.id().toString(), second.id().toString());
        }

        @Test
        @DisplayName("fireDue delivers each reminder once, earliest first, and skips the escalation of a task done")
        void fires() {
            storage.clients().save(ClientFixture.organisation(1));
            storage.clients().save(ClientFixture.organisation(2));
            call(1, 1);
            clock.set(MONDAY.plusSeconds(60));
            call(2, 2);
            Task done = crm.tasks().ofClient(ClientFixture.id(2), 1).get(0);
            crm.tasks().complete(done.id(), done.version());

            FireReport monday = crm.scheduler().fireDue(MONDAY.plusSeconds(120));
            FireReport mondayAgain = crm.scheduler().fireDue(MONDAY.plusSeconds(180));
            FireReport wednesday = crm.scheduler().fireDue(moscow("2026-03-18T14:00"));
            FireReport later = crm.scheduler().fireDue(moscow("2026-03-19T14:00"));

            assertThat(monday.delivered()).isEqualTo(2);
            assertThat(mondayAgain.delivered()).isZero();
            assertThat(wednesday.delivered()).isEqualTo(1);
            assertThat(wednesday.skipped()).isEqualTo(1);
            assertThat(later.delivered() + later.skipped()).isZero();
            assertThat(sent).extracting(Notification::recipient).containsExactly("manager-1", "manager-1", "boss");
            assertThat(sent.get(0).subject()).startsWith("Счёт для Рога и копыта 1");
            assertThat(crm.scheduler().remindersOf(done.id())).singleElement()
                    .extracting(Reminder::status).isEqualTo(ReminderStatus.SKIPPED);
        }

        @Test
        @DisplayName("idleness, key dates and recurrences create their tasks and notices once over repeated evaluations")
        void timeTriggered() {
            for (int n = 1; n <= 12; n++) {
                storage.clients().save(ClientFixture.organisation(n));
            }
            storage.clients().save(ClientFixture.minimal(13, "Без менеджера"));
            clock.set(moscow("2026-04-02T10:00"));
            call(1, 1);
            call(2, 2);
            crm.notableEvents().record(ClientFixture.id(3), null, NotableEventKind.BIRTHDAY, "День рождения",
                    LocalDate.of(1980, 4, 3), true, null);
            Instant firstMonday = moscow("2026-04-06T09:30");
            clock.set(firstMonday);

            FireReport first = crm.scheduler().evaluate(firstMonday);
            Map<String, Long> secondCost = counter.counted(() -> crm.scheduler().evaluate(firstMonday.plusSeconds(60)));
            FireReport third = crm.scheduler().evaluate(firstMonday.plusSeconds(120));

            // idle since registration on 2 March: clients 3 to 12 (1 and 2 were called on 2 April); the monthly
            // call for all 12 wholesale clients; the birthday of client 3 on 3 April is past, so nothing
            assertThat(first.tasksCreated()).isEqualTo(10 + 12);
            assertThat(third.occasions()).isZero();
            assertThat(secondCost).doesNotContainKey("insert");
            assertThat(crm.tasks().ofClient(ClientFixture.id(4), 10)).extracting(Task::regulation)
                    .containsExactlyInAnyOrder("quiet-3d", "monday");
            assertThat(crm.tasks().ofClient(ClientFixture.id(13), 10)).isEmpty();

            crm.scheduler().fireDue(firstMonday.plusSeconds(150)); // the notices of the two calls
            sent.clear();
            crm.notableEvents().record(ClientFixture.id(5), null, NotableEventKind.BIRTHDAY, "Юбилей",
                    LocalDate.of(1976, 4, 10), true, null);
            crm.scheduler().evaluate(firstMonday.plusSeconds(170));
            FireReport birthday = crm.scheduler().fireDue(firstMonday.plusSeconds(180));
            assertThat(birthday.delivered()).isEqualTo(1);
            assertThat(sent).singleElement().satisfies(n -> assertThat(n.subject()).isEqualTo("Юбилей: 2026-04-10"));
            assertThat(crm.scheduler().evaluate(firstMonday.plusSeconds(240)).occasions()).isZero();
        }
    }
}
