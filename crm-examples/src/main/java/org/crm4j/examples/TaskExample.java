package org.crm4j.examples;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.task.DayAgenda;
import org.crm4j.core.task.KanbanBoard;
import org.crm4j.core.task.NewTask;
import org.crm4j.core.task.OverduePolicy;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.task.Task;
import org.crm4j.task.TaskKind;
import org.crm4j.task.TaskStatus;
import org.crm4j.task.WipLimitException;
import org.crm4j.task.WorkBlockedException;

/**
 * Tasks in one page: a call with a planned next contact produces its follow-up, a manager's agenda for a day in
 * her zone shows what is overdue, due today and coming, a Kanban column at its limit refuses one more task, and
 * the overdue policy refuses new work to a manager with overdue invoices, naming them.
 *
 * <p>Run: {@code ./mvnw -q -pl crm-examples -am verify -DskipTests -Prun-example
 * -Dexample=org.crm4j.examples.TaskExample}
 */
public final class TaskExample {
    private TaskExample() {
    }

    public static void main(String[] args) {
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-10T06:00:00Z"), moscow);
        KanbanBoard board = KanbanBoard.of(List.of(
                KanbanBoard.Column.of("to-do", "К выполнению", TaskStatus.OPEN),
                KanbanBoard.Column.of("in-progress", "В работе", TaskStatus.IN_PROGRESS).limitedTo(1),
                KanbanBoard.Column.of("done", "Готово", TaskStatus.DONE),
                KanbanBoard.Column.of("cancelled", "Отменено", TaskStatus.CANCELLED)));
        Crm crm = Crm.builder().clock(clock).zone(moscow).board(board)
                .overduePolicy(OverduePolicy.blockAfter(1, Duration.ofHours(4))).build();
        EmployeeId anna = EmployeeId.of("anna");
        ClientCard client = crm.clients().register(ClientForm.organisation("Рога и копыта").inn("7707083893")
                .phone("8 (495) 123-45-67").build());

        // A call in which the client asked to be called back on Thursday: its follow-up is created with it.
        Interaction call = Interaction.builder().id(InteractionId.of(UUID.randomUUID())).externalId("pbx-1001")
                .type("call-in").direction(Direction.INBOUND).channel(Channel.PHONE).at(clock.instant())
                .duration(Duration.ofMinutes(4)).manager(anna).client(client.id()).subject("Запрос прайс-листа")
                .nextContact(LocalDate.of(2026, 3, 12)).recordedAt(clock.instant()).build();
        crm.interactions().record(call);
        crm.interactions().record(call);   // the PBX reports it again: still one call, one follow-up
        System.out.println("Tasks of the client after the call, recorded twice:");
        crm.tasks().ofClient(client.id(), 10).forEach(t -> System.out.println("  " + describe(t)));

        crm.tasks().create(NewTask.at(TaskKind.MEETING, "Встреча у клиента", anna,
                Instant.parse("2026-03-10T11:00:00Z")).about(client.id(), null, null));
        Task invoice = crm.tasks().create(NewTask.on(TaskKind.INVOICE, "Выставить счёт за март", anna,
                LocalDate.of(2026, 3, 9)).about(client.id(), "D-17", null));
        Task act = crm.tasks().create(NewTask.on(TaskKind.ACT, "Отправить акт за февраль", anna,
                LocalDate.of(2026, 3, 9)));

        DayAgenda agenda = crm.agenda().of(anna, LocalDate.of(2026, 3, 10), moscow, 3);
        System.out.println("\nAnna's agenda for " + agenda.day() + " in " + agenda.zone() + ":");
        System.out.println("  overdue:   " + agenda.overdue().stream().map(Task::title).toList());
        System.out.println("  due today: " + agenda.dueToday().stream().map(Task::title).toList());
        System.out.println("  meetings:  " + agenda.meetings().stream().map(Task::title).toList());
        System.out.println("  upcoming:  " + agenda.upcoming().stream().map(Task::title).toList());

        Task started = crm.tasks().start(invoice.id(), invoice.version());
        try {
            crm.tasks().move(act.id(), act.version(), "in-progress");
        } catch (WipLimitException e) {
            System.out.println("\nRefused: " + e.getMessage());
        }
        crm.tasks().complete(started.id(), started.version());

        // The next morning the act and the meeting are still open: Anna may not take new work.
        clock.set(Instant.parse("2026-03-11T06:00:00Z"));
        try {
            crm.tasks().create(NewTask.at(TaskKind.CALL, "Позвонить новому клиенту", anna,
                    Instant.parse("2026-03-11T12:00:00Z")));
        } catch (WorkBlockedException e) {
            System.out.println("\nRefused: " + e.getMessage());
            e.blocking().forEach(b -> System.out.println("  blocking: " + b.title() + " (due " + b.due() + ")"));
        }
    }

    private static String describe(Task t) {
        return t.kind() + " '" + t.title() + "' for " + t.responsible() + ", due on " + t.dueDate()
                + " (" + t.due() + "), " + t.status();
    }
}
