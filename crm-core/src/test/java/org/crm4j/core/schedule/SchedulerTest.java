package org.crm4j.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientId;
import org.crm4j.client.ManagerAssignment;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.common.ValidationException;
import org.crm4j.core.Crm;
import org.crm4j.core.InMemoryStorage;
import org.crm4j.core.calendar.Calendars;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.schedule.RuleAction.CreateTask;
import org.crm4j.core.schedule.RuleAction.Escalate;
import org.crm4j.core.schedule.RuleAction.Notify;
import org.crm4j.history.AbcClass;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.keydate.NotableEventKind;
import org.crm4j.notification.Notification;
import org.crm4j.notification.NotificationLink;
import org.crm4j.schedule.Reminder;
import org.crm4j.schedule.ReminderStatus;
import org.crm4j.schedule.Supervisors;
import org.crm4j.task.Regulation;
import org.crm4j.task.Task;
import org.crm4j.task.TaskKind;
import org.crm4j.task.TaskPriority;
import org.crm4j.tck.ClientFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final EmployeeId MANAGER = EmployeeId.of("manager-1");
    private static final EmployeeId BOSS = EmployeeId.of("boss");
    private static final Regulation INVOICE = Regulation.withinWorkingDays("invoice-1d", "Выставить счёт",
            TaskKind.INVOICE, 1);
    /** Seed 001: an invoice within one working day of a call asking for a price; escalated 4 hours late. */
    private static final SchedulingRule INVOICE_RULE = new SchedulingRule("invoice-1d",
            "Invoice within a working day of a price request", Trigger.InteractionRecorded.of("call-in"),
            Condition.always(), List.of(new CreateTask(INVOICE, TaskPriority.HIGH),
            Notify.of("email", "Счёт для {client} до {due}", "Правило: {rule}"),
            new Escalate(Duration.ofHours(4), "email", null)));

    private final SettableClock clock = SettableClock.at(moscow("2026-03-16T10:00"), MOSCOW);
    private final List<Notification> sent = new CopyOnWriteArrayList<>();
    private final InMemoryStorage storage = new InMemoryStorage();

    private static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }

    private Crm crm(SchedulingRule... rules) {
        return crm(Calendars.russia(MOSCOW), rules);
    }

    private Crm crm(org.crm4j.calendar.BusinessCalendar calendar, SchedulingRule... rules) {
        return Crm.builder().storage(storage).clock(clock).zone(MOSCOW).calendar(calendar)
                .rules(List.of(rules)).notifier(sent::add).supervisors(Supervisors.of(Map.of(MANAGER, BOSS)))
                .scheduler(SchedulerSettings.defaults().withNode("node-a").withEvaluateEvery(Duration.ZERO))
                .build();
    }

    private Interaction call(Crm crm, int n, String type, Instant at) {
        Interaction call = Interaction.builder().id(InteractionId.of(new UUID(77, n))).externalId("pbx-77-" + n)
                .type(type).direction(Direction.INBOUND).channel(Channel.PHONE).at(at)
                .manager(EmployeeId.of("agent-7")).client(ClientFixture.id(1)).subject("Сколько стоит поставка?")
                .recordedAt(at).build();
        return crm.interactions().record(call).interaction();
    }

    private ClientCard client(Crm crm, long n) {
        return crm.storage().clients().save(ClientFixture.organisation(n));
    }

    @Nested
    @DisplayName("a rule triggered by an interaction")
    class OnInteraction {
        private final Crm crm = crm(INVOICE_RULE);

        @Test
        @DisplayName("creates the regulated task for the client's manager, a notice and an escalation, once")
        void createsOnce() {
            client(crm, 1);
            Interaction recorded = call(crm, 1, "call-in", clock.instant());
            call(crm, 1, "call-in", clock.instant());

            List<Task> tasks = crm.tasks().ofClient(ClientFixture.id(1), 10);
            assertThat(tasks).singleElement().satisfies(t -> {
                assertThat(t.responsible()).isEqualTo(MANAGER);
                assertThat(t.regulation()).isEqualTo("invoice-1d");
                assertThat(t.kind()).isEqualTo(TaskKind.INVOICE);
                assertThat(t.priority()).isEqualTo(TaskPriority.HIGH);
                assertThat(t.due()).isEqualTo(moscow("2026-03-17T18:00"));
                assertThat(t.interaction()).isEqualTo(recorded.id());
                assertThat(t.sourceKey()).isEqualTo("rule:invoice-1d:interaction:" + recorded.id() + ":task");
            });
            Task task = tasks.get(0);
            List<Reminder> pending = crm.scheduler().pending(moscow("2027-01-01T00:00"), 10);
            assertThat(pending).extracting(Reminder::due)
                    .containsExactly(moscow("2026-03-16T10:00"), moscow("2026-03-18T13:00"));
            Notification notice = pending.get(0).notification();
            assertThat(notice.recipient()).isEqualTo("manager-1");
            assertThat(notice.subject()).isEqualTo("Счёт для Рога и копыта 1 до 2026-03-17 18:00");
            assertThat(notice.body()).isEqualTo("Правило: Invoice within a working day of a price request");
            assertThat(notice.links()).containsExactly(NotificationLink.of("client", ClientFixture.id(1)),
                    NotificationLink.of("task", task.id()), NotificationLink.of("interaction", recorded.id()));
            Reminder escalation = pending.get(1);
            assertThat(escalation.task()).isEqualTo(task.id());
            assertThat(escalation.notification().recipient()).isEqualTo("boss");
            assertThat(crm.scheduler().remindersOf(task.id())).containsExactly(escalation);
        }

        @Test
        @DisplayName("passes over other interaction types and clients that miss the condition")
        void passesOver() {
            Crm picky = crm(new SchedulingRule("wholesale-only", "Only wholesale", Trigger.InteractionRecorded.of(
                    "call-in"), new Condition.Not(new Condition.HasTag("wholesale")), INVOICE_RULE.actions()));
            client(picky, 1);
            call(picky, 1, "call-out", clock.instant());
            call(picky, 2, "call-in", clock.instant());

            assertThat(picky.tasks().ofClient(ClientFixture.id(1), 10)).isEmpty();
            assertThat(picky.scheduler().pending(Instant.MAX, 10)).isEmpty();
        }

        @Test
        @DisplayName("fires the notice at once, the escalation only while the task is open, each once and in order")
        void fires() {
            client(crm, 1);
            call(crm, 1, "call-in", clock.instant());

            FireReport first = crm.scheduler().fireDue(moscow("2026-03-16T10:05"));
            assertThat(first.delivered()).isEqualTo(1);
            assertThat(sent).extracting(Notification::recipient).containsExactly("manager-1");
            assertThat(crm.scheduler().fireDue(moscow("2026-03-16T10:06")).delivered()).isZero();

            assertThat(crm.scheduler().fireDue(moscow("2026-03-18T12:59")).delivered()).isZero();
            FireReport late = crm.scheduler().fireDue(moscow("2026-03-18T13:00"));
            assertThat(late.delivered()).isEqualTo(1);
            assertThat(sent).extracting(Notification::recipient).containsExactly("manager-1", "boss");
            assertThat(sent.get(1).subject()).isEqualTo("Overdue: Выставить счёт (Рога и копыта 1)");
            assertThat(crm.scheduler().fireDue(moscow("2026-03-19T13:00")).delivered()).isZero();
            assertThat(crm.scheduler().pending(Instant.MAX, 10)).isEmpty();
        }

        @Test
        @DisplayName("skips the escalation of a task done in time")
        void skipsDone() {
            client(crm, 1);
            call(crm, 1, "call-in", clock.instant());
            Task task = crm.tasks().ofClient(ClientFixture.id(1), 1).get(0);
            crm.tasks().complete(task.id(), task.version());

            FireReport report = crm.scheduler().fireDue(moscow("2026-03-20T10:00"));

            assertThat(report.delivered()).isEqualTo(1);
            assertThat(report.skipped()).isEqualTo(1);
            assertThat(sent).extracting(Notification::recipient).containsExactly("manager-1");
            assertThat(crm.scheduler().remindersOf(task.id())).singleElement()
                    .extracting(Reminder::status).isEqualTo(ReminderStatus.SKIPPED);
        }

        @Test
        @DisplayName("an escalation with no supervisor known is not scheduled, and said so")
        void unrouted() {
            Crm nobody = Crm.builder().storage(storage).clock(clock).zone(MOSCOW).rules(List.of(INVOICE_RULE))
                    .notifier(sent::add).build();
            client(nobody, 1);
            Interaction recorded = call(nobody, 1, "call-in", clock.instant());

            FireReport report = nobody.scheduler().onInteraction(recorded);

            assertThat(report.occasions()).isZero();
            assertThat(nobody.scheduler().pending(Instant.MAX, 10)).singleElement()
                    .extracting(r -> r.notification().recipient()).isEqualTo("manager-1");
        }
    }

    @Nested
    @DisplayName("firing")
    class Firing {
        private Crm flaky(AtomicInteger refusals, int maxAttempts) {
            return Crm.builder().storage(storage).clock(clock).zone(MOSCOW).rules(List.of(INVOICE_RULE))
                    .supervisors(Supervisors.of(Map.of(MANAGER, BOSS)))
                    .scheduler(SchedulerSettings.defaults().withRetries(Duration.ofSeconds(30), maxAttempts))
                    .notifier(n -> {
                        if (refusals.getAndDecrement() > 0) {
                            throw new IllegalStateException("SMTP down");
                        }
                        sent.add(n);
                    }).build();
        }

        @Test
        @DisplayName("a refused delivery is tried again after a backoff that doubles, and delivered once")
        void retriesWithBackoff() {
            Crm flaky = flaky(new AtomicInteger(2), 5);
            client(flaky, 1);
            call(flaky, 1, "call-in", clock.instant());

            Instant t = moscow("2026-03-16T10:00");
            assertThat(flaky.scheduler().fireDue(t).failedDeliveries()).isEqualTo(1);
            assertThat(flaky.scheduler().fireDue(t.plusSeconds(29)).failedDeliveries()).isZero();
            assertThat(flaky.scheduler().fireDue(t.plusSeconds(30)).failedDeliveries()).isEqualTo(1);
            assertThat(flaky.scheduler().fireDue(t.plusSeconds(89)).delivered()).isZero();
            assertThat(flaky.scheduler().fireDue(t.plusSeconds(90)).delivered()).isEqualTo(1);
            assertThat(flaky.scheduler().fireDue(t.plusSeconds(900)).delivered()).isZero();

            assertThat(sent).hasSize(1);
            Reminder fired = flaky.storage().reminders().findByKey(sent.get(0).key()).orElseThrow();
            assertThat(fired.status()).isEqualTo(ReminderStatus.FIRED);
            assertThat(fired.attempts()).isEqualTo(3);
            assertThat(fired.claimedBy()).isNull();
        }

        @Test
        @DisplayName("after the last refused attempt a reminder is a dead letter, until released")
        void deadLetter() {
            AtomicInteger refusals = new AtomicInteger(2);
            Crm flaky = flaky(refusals, 2);
            client(flaky, 1);
            call(flaky, 1, "call-in", clock.instant());
            Instant t = moscow("2026-03-16T10:00");

            flaky.scheduler().fireDue(t);
            FireReport last = flaky.scheduler().fireDue(t.plusSeconds(30));
            FireReport later = flaky.scheduler().fireDue(t.plusSeconds(3600));

            assertThat(last.deadLettered()).isEqualTo(1);
            assertThat(later.delivered() + later.failedDeliveries()).isZero();
            List<Reminder> dead = flaky.scheduler().deadLetters(10);
            assertThat(dead).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(ReminderStatus.DEAD);
                assertThat(r.attempts()).isEqualTo(2);
            });
            assertThatThrownBy(() -> flaky.scheduler().release(flaky.scheduler().pending(Instant.MAX, 1).get(0).id()))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.violationCode()).isEqualTo("reminder.release"));

            flaky.scheduler().release(dead.get(0).id());
            assertThat(flaky.scheduler().fireDue(t.plusSeconds(3601)).delivered()).isEqualTo(1);
            assertThat(flaky.scheduler().deadLetters(10)).isEmpty();
            assertThat(sent).extracting(Notification::key).containsExactly(dead.get(0).key());
        }

        @Test
        @DisplayName("a node interrupted while delivering gives back what it claimed; another node delivers the rest, none twice")
        void gracefulStop() {
            Crm setup = crm();
            for (int i = 0; i < 20; i++) {
                setup.storage().reminders().save(Reminder.pending(org.crm4j.schedule.ReminderId.of(new UUID(8, i)),
                        new Notification("stop:" + i, "email", "m" + i, "reminder " + i, "", List.of()),
                        clock.instant().minusSeconds(60 - i), null, null, clock.instant()));
            }
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            Crm nodeA = Crm.builder().storage(storage).clock(clock).notifier(n -> {
                a.add(n.key());
                if (a.size() == 3) {
                    Thread.currentThread().interrupt();
                }
            }).scheduler(SchedulerSettings.defaults().withNode("a").withBatchSize(10)).build();
            Crm nodeB = Crm.builder().storage(storage).clock(clock).notifier(n -> b.add(n.key()))
                    .scheduler(SchedulerSettings.defaults().withNode("b")).build();

            FireReport stopped = nodeA.scheduler().fireDue(clock.instant());
            assertThat(Thread.interrupted()).isTrue();
            FireReport rest = nodeB.scheduler().fireDue(clock.instant());

            assertThat(stopped.delivered()).isEqualTo(3);
            assertThat(rest.delivered()).isEqualTo(17);
            assertThat(a).containsExactly("stop:0", "stop:1", "stop:2");
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            assertThat(all).hasSize(20).doesNotHaveDuplicates();
        }

        @Test
        @DisplayName("two nodes firing the same storage at once deliver each of 300 reminders exactly once, in due order per recipient")
        void twoNodes() throws Exception {
            Crm setup = crm();
            for (int i = 0; i < 300; i++) {
                Notification n = new Notification("test:" + i, "email", "m" + (i % 7), "reminder " + i, "", List.of());
                setup.storage().reminders().save(Reminder.pending(
                        org.crm4j.schedule.ReminderId.of(new UUID(9, i)), n, moscow("2026-03-16T09:00")
                                .plusSeconds(300 - i), null, null, clock.instant()));
            }
            List<String> a = Collections.synchronizedList(new ArrayList<>());
            List<String> b = Collections.synchronizedList(new ArrayList<>());
            List<String> inOrder = Collections.synchronizedList(new ArrayList<>());
            Crm nodeA = Crm.builder().storage(storage).clock(clock).notifier(n -> {
                        a.add(n.key());
                        inOrder.add(n.key());
                    })
                    .scheduler(SchedulerSettings.defaults().withNode("a").withBatchSize(7)).build();
            Crm nodeB = Crm.builder().storage(storage).clock(clock).notifier(n -> {
                        b.add(n.key());
                        inOrder.add(n.key());
                    })
                    .scheduler(SchedulerSettings.defaults().withNode("b").withBatchSize(7)).build();
            Thread ta = new Thread(() -> nodeA.scheduler().fireDue(clock.instant()));
            Thread tb = new Thread(() -> nodeB.scheduler().fireDue(clock.instant()));
            ta.start();
            tb.start();
            ta.join();
            tb.join();

            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            assertThat(all).hasSize(300).doesNotHaveDuplicates();
            for (int recipient = 0; recipient < 7; recipient++) {
                int r = recipient;
                List<Integer> numbers = inOrder.stream().map(k -> Integer.parseInt(k.substring(5)))
                        .filter(i -> i % 7 == r).toList();
                assertThat(numbers).hasSizeGreaterThan(40).isSortedAccordingTo(Collections.reverseOrder());
            }
        }
    }

    @Nested
    @DisplayName("a key-date rule")
    class KeyDates {
        private final SchedulingRule gifts = new SchedulingRule("birthday-gift", "Gift catalogue before a birthday",
                new Trigger.KeyDate(Set.of(NotableEventKind.BIRTHDAY), 14), Condition.always(),
                List.of(new CreateTask(Regulation.withinWorkingDays("birthday-gift", "Отправить каталог подарков",
                        TaskKind.LETTER, 2), TaskPriority.NORMAL),
                        Notify.of("email", "{event}: {date}", "")));

        @Test
        @DisplayName("a yearly 29 February is observed on 28 February: the reminder comes 14 days ahead, once a year")
        void leapDay() {
            clock.set(moscow("2027-02-13T10:00"));
            Crm crm = crm(Calendars.mondayToFriday(MOSCOW), gifts);
            client(crm, 1);
            crm.notableEvents().record(ClientFixture.id(1), null, NotableEventKind.BIRTHDAY, "День рождения директора",
                    LocalDate.of(1976, 2, 29), true, null);
            crm.notableEvents().record(ClientFixture.id(1), null, NotableEventKind.FOUNDING_ANNIVERSARY, "Основание",
                    LocalDate.of(2001, 2, 28), true, null);

            assertThat(crm.scheduler().evaluate(moscow("2027-02-13T10:00")).occasions()).isZero();
            FireReport due = crm.scheduler().evaluate(moscow("2027-02-14T10:00"));
            assertThat(crm.scheduler().evaluate(moscow("2027-02-20T10:00")).occasions()).isZero();

            assertThat(due.occasions()).isEqualTo(1);
            assertThat(due.tasksCreated()).isEqualTo(1);
            Task task = crm.tasks().ofClient(ClientFixture.id(1), 10).get(0);
            assertThat(task.kind()).isEqualTo(TaskKind.LETTER);
            assertThat(task.sourceKey()).endsWith(":2027-02-28:task");
            assertThat(crm.scheduler().pending(Instant.MAX, 10)).singleElement()
                    .extracting(r -> r.notification().subject()).isEqualTo("День рождения директора: 2027-02-28");

            FireReport leapYear = crm.scheduler().evaluate(moscow("2028-02-15T10:00"));
            assertThat(leapYear.occasions()).isEqualTo(1);
            assertThat(crm.tasks().ofClient(ClientFixture.id(1), 10)).extracting(Task::sourceKey)
                    .anyMatch(k -> k.endsWith(":2028-02-29:task"));
        }
    }

    @Nested
    @DisplayName("an idleness rule")
    class Idleness {
        private final SchedulingRule quiet = new SchedulingRule("quiet-3d", "Call a client quiet for 3 working days",
                new Trigger.Idle(3), Condition.always(), List.of(new CreateTask(
                Regulation.within("quiet-3d", "Позвонить клиенту", TaskKind.CALL, Duration.ofHours(4)),
                TaskPriority.NORMAL)));

        @Test
        @DisplayName("fires after the working days of silence, once per silence, and again after a new contact and a new silence")
        void oncePerSilence() {
            Crm crm = crm(quiet);
            client(crm, 1);
            crm.storage().clients().save(ClientFixture.minimal(2, "Без менеджера"));
            call(crm, 1, "call-out", moscow("2026-03-13T12:00"));

            assertThat(crm.scheduler().evaluate(moscow("2026-03-18T10:00")).occasions()).isZero();
            FireReport fired = crm.scheduler().evaluate(moscow("2026-03-19T10:00"));
            assertThat(fired.tasksCreated()).isEqualTo(1);
            assertThat(crm.scheduler().evaluate(moscow("2026-03-20T10:00")).occasions()).isZero();
            Task task = crm.tasks().ofClient(ClientFixture.id(1), 10).get(0);
            assertThat(task.due()).isEqualTo(moscow("2026-03-19T15:00")); // 10:00 + 4 h, past the 13:00-14:00 lunch hour

            clock.set(moscow("2026-03-20T11:00"));
            call(crm, 2, "call-out", moscow("2026-03-20T11:00"));
            assertThat(crm.scheduler().evaluate(moscow("2026-03-25T10:00")).occasions()).isZero();
            assertThat(crm.scheduler().evaluate(moscow("2026-03-26T10:00")).tasksCreated()).isEqualTo(1);
            assertThat(crm.tasks().ofClient(ClientFixture.id(1), 10)).hasSize(2);
        }
    }

    @Nested
    @DisplayName("a recurrence rule")
    class Recurrences {
        private final SchedulingRule monthly = new SchedulingRule("a-class-monday", "First Monday call to A clients",
                new Trigger.Recurrence("FREQ=MONTHLY;BYDAY=1MO", LocalDateTime.parse("2026-01-01T09:00")),
                new Condition.AbcClassIn(Set.of(AbcClass.A), java.util.Currency.getInstance("RUB")),
                List.of(new CreateTask(Regulation.withinWorkingDays("a-class-monday", "Звонок ключевому клиенту",
                        TaskKind.CALL, 0), TaskPriority.HIGH)));

        @Test
        @DisplayName("creates a task for the A-class clients on the first Monday of the month, once")
        void firstMonday() {
            clock.set(moscow("2026-04-06T09:30"));
            Crm crm = crm(monthly);
            client(crm, 1);
            client(crm, 2);
            crm.workHistory().feed(f -> f
                    .sale("inv-1", 1, ClientFixture.id(1), moscow("2026-02-10T12:00"), "p1", "Товар",
                            BigDecimal.ONE, Money.of("900000.00", "RUB"), MANAGER)
                    .sale("inv-2", 1, ClientFixture.id(2), moscow("2026-02-11T12:00"), "p1", "Товар",
                            BigDecimal.ONE, Money.of("1000.00", "RUB"), MANAGER));

            assertThat(crm.scheduler().evaluate(moscow("2026-04-06T08:59")).occasions()).isZero();
            FireReport fired = crm.scheduler().evaluate(moscow("2026-04-06T09:30"));
            assertThat(crm.scheduler().evaluate(moscow("2026-04-06T10:30")).occasions()).isZero();

            assertThat(fired.tasksCreated()).isEqualTo(1);
            assertThat(crm.tasks().ofClient(ClientFixture.id(1), 10)).singleElement().satisfies(t -> {
                assertThat(t.due()).isEqualTo(moscow("2026-04-06T18:00"));
                assertThat(t.regulation()).isEqualTo("a-class-monday");
            });
            assertThat(crm.tasks().ofClient(ClientFixture.id(2), 10)).isEmpty();
        }
    }

    @Nested
    @DisplayName("deal rules")
    class DealRules {
        private final SchedulingRule interested = new SchedulingRule("interested-offer", "Offer to an interested client",
                new Trigger.DealStageEntered("shiffman", Set.of("interested")),
                new Condition.DealAmountAtLeast(Money.of("100000.00", "RUB")), List.of(
                new CreateTask(Regulation.withinWorkingDays("interested-offer", "Отправить коммерческое предложение",
                        TaskKind.LETTER, 1), TaskPriority.HIGH),
                Notify.of("email", "{client}: {stage}, {amount}", "")));
        private final SchedulingRule stalled = new SchedulingRule("stalled-deal", "Revive a stalled deal",
                new Trigger.DealIdle("shiffman"), Condition.always(), List.of(new CreateTask(
                Regulation.within("stalled-deal", "Связаться по зависшей сделке", TaskKind.CALL, Duration.ofHours(4)),
                TaskPriority.NORMAL)));

        @Test
        @DisplayName("a deal entering a stage gives its manager the rule's task in the same change, once per entry, if the amount is met")
        void stageEntered() {
            Crm crm = crm(interested);
            client(crm, 1);
            org.crm4j.deal.Deal big = crm.deals().create(org.crm4j.core.deal.NewDeal.of(ClientFixture.id(1),
                    Money.of("250000.00", "RUB"), EmployeeId.of("olga")));
            org.crm4j.deal.Deal small = crm.deals().create(org.crm4j.core.deal.NewDeal.of(ClientFixture.id(1),
                    Money.of("5000.00", "RUB"), EmployeeId.of("olga")));

            big = crm.deals().move(big.id(), big.version(), "interested", EmployeeId.of("olga"));
            crm.deals().move(small.id(), small.version(), "interested", EmployeeId.of("olga"));

            assertThat(crm.tasks().ofClient(ClientFixture.id(1), 10)).singleElement().satisfies(t -> {
                assertThat(t.responsible()).isEqualTo(EmployeeId.of("olga"));
                assertThat(t.regulation()).isEqualTo("interested-offer");
                assertThat(t.dealRef()).isNotNull();
            });
            assertThat(crm.scheduler().pending(Instant.MAX, 10)).singleElement().satisfies(r -> {
                assertThat(r.notification().subject()).isEqualTo("Рога и копыта 1: interested, 250000.00 RUB");
                assertThat(r.notification().links()).contains(NotificationLink.of("deal",
                        crm.tasks().ofClient(ClientFixture.id(1), 1).get(0).dealRef()));
            });

            big = crm.deals().move(big.id(), big.version(), "contact-1", EmployeeId.of("olga"));
            crm.deals().move(big.id(), big.version(), "interested", EmployeeId.of("olga"));
            assertThat(crm.tasks().ofClient(ClientFixture.id(1), 10)).hasSize(2);
        }

        @Test
        @DisplayName("a deal idle past its stage's limit gets one reminder task per silence")
        void idleDeal() {
            Crm crm = crm(stalled);
            client(crm, 1);
            org.crm4j.deal.Deal deal = crm.deals().create(org.crm4j.core.deal.NewDeal.of(ClientFixture.id(1),
                    Money.of("250000.00", "RUB"), EmployeeId.of("olga")).inStage("interested"));

            assertThat(crm.scheduler().evaluate(moscow("2026-03-20T10:00")).occasions()).isZero();
            FireReport stale = crm.scheduler().evaluate(moscow("2026-03-24T10:00"));
            assertThat(crm.scheduler().evaluate(moscow("2026-03-25T10:00")).occasions()).isZero();

            assertThat(stale.tasksCreated()).isEqualTo(1);
            assertThat(crm.tasks().ofClient(ClientFixture.id(1), 10)).singleElement()
                    .satisfies(t -> assertThat(t.dealRef()).isEqualTo(deal.id().toString()));

            clock.set(moscow("2026-03-25T11:00"));
            crm.deals().recordActivity(deal.id());
            assertThat(crm.scheduler().evaluate(moscow("2026-03-26T10:00")).occasions()).isZero();
            assertThat(crm.scheduler().evaluate(moscow("2026-04-02T10:00")).tasksCreated()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("rules are refused with the field and the rule named")
    void refusals() {
        assertThatThrownBy(() -> new SchedulingRule("x", "Escalates nothing", new Trigger.Idle(1),
                Condition.always(), List.of(new Escalate(Duration.ofHours(1), "email", null))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationCode()).isEqualTo("rule.actions.escalate"));
        assertThatThrownBy(() -> Notify.of("email", "Hello {name}", ""))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("{name}"));
        assertThatThrownBy(() -> new Trigger.Recurrence("FREQ=HOURLY", LocalDateTime.parse("2026-01-01T09:00")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationCode()).isEqualTo("rule.trigger.frequency"));
        assertThatThrownBy(() -> new Trigger.Recurrence("FREQ=SOMETIMES", LocalDateTime.parse("2026-01-01T09:00")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("rrule"));
        assertThatThrownBy(() -> crm(INVOICE_RULE, INVOICE_RULE))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationCode()).isEqualTo("rule.code.duplicate"));
    }
}
