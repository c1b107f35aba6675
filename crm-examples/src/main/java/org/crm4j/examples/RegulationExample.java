package org.crm4j.examples;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.Crm;
import org.crm4j.core.calendar.Calendars;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.task.ComplianceReport;
import org.crm4j.core.task.ComplianceTally;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.task.Regulation;
import org.crm4j.task.Task;
import org.crm4j.task.TaskKind;

/**
 * Regulations in one page (seed 001): "if the client called on Monday and the invoice went out on Friday, the
 * client did not wait and bought elsewhere". Two clients call on Monday 10:00 asking for a price; the regulation
 * asks for an invoice within one working day of the Russian production calendar. Boris sends his on Tuesday at
 * 09:30, Anna hers on Friday; the compliance report and the manager performance report show who keeps the
 * regulation, with Anna's lateness in business hours.
 *
 * <p>Run: {@code ./mvnw -q -pl crm-examples -am verify -DskipTests -Prun-example
 * -Dexample=org.crm4j.examples.RegulationExample}
 */
public final class RegulationExample {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private RegulationExample() {
    }

    public static void main(String[] args) {
        SettableClock clock = SettableClock.at(moscow("2026-03-16T10:00"), MOSCOW);
        Crm crm = Crm.builder().clock(clock).zone(MOSCOW).calendar(Calendars.russia(MOSCOW)).build();
        Regulation invoice = Regulation.withinWorkingDays("invoice-after-price-request",
                "Выставить счёт по запросу цены", TaskKind.INVOICE, 1);
        EmployeeId anna = EmployeeId.of("anna");
        EmployeeId boris = EmployeeId.of("boris");

        Task annas = invoiceAfterCall(crm, clock, invoice, anna, "Рога и копыта", "7707083893");
        Task boriss = invoiceAfterCall(crm, clock, invoice, boris, "Копыта и рога", "7736050003");
        System.out.println("Invoices due " + annas.due().atZone(MOSCOW) + " (" + invoice.name() + ")");

        clock.set(moscow("2026-03-17T09:30"));
        crm.tasks().complete(boriss.id(), boriss.version());
        clock.set(moscow("2026-03-20T12:00"));
        crm.tasks().complete(annas.id(), annas.version());

        ComplianceReport report = crm.regulations().compliance(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 23));
        System.out.println("\nCompliance, week of 16 March 2026, judged " + report.at().atZone(MOSCOW) + ":");
        report.byRegulation().forEach(r -> System.out.println("  " + r.regulation() + " / " + r.responsible().value()
                + ": " + describe(r.tally())));
        System.out.println("\nManager performance:");
        report.byManager().forEach(m -> System.out.println("  " + m.responsible().value() + ": " + describe(m.tally())
                + ", on time " + m.tally().onTimeShare().map(s -> s.movePointRight(2).stripTrailingZeros()
                .toPlainString() + "%").orElse("-")));
    }

    /** A client calls asking for a price; the regulation gives the manager an invoice task, once per call. */
    private static Task invoiceAfterCall(Crm crm, SettableClock clock, Regulation invoice, EmployeeId manager,
                                         String name, String inn) {
        ClientCard client = crm.clients().register(ClientForm.organisation(name).inn(inn).build());
        Interaction call = crm.interactions().record(Interaction.builder().id(InteractionId.of(UUID.randomUUID()))
                .externalId("pbx-" + inn).type("call-in").direction(Direction.INBOUND).channel(Channel.PHONE)
                .at(clock.instant()).manager(manager).client(client.id()).subject("Сколько стоит поставка?")
                .recordedAt(clock.instant()).build()).interaction();
        String key = "interaction:" + call.id() + ":invoice";
        Task task = crm.regulations().apply(invoice, call.at(), manager, client.id(), call.id(), key);
        crm.regulations().apply(invoice, call.at(), manager, client.id(), call.id(), key); // again: the same task
        return task;
    }

    private static String describe(ComplianceTally t) {
        return String.format(Locale.ROOT, "%d due, %d on time, %d late, %d overdue, %d pending; lateness median %s,"
                        + " worst %s", t.due(), t.onTime(), t.late(), t.overdue(), t.pending(),
                hours(t.medianLateness()), hours(t.worstLateness()));
    }

    private static String hours(java.time.Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " business h" : d.toMinutes() + " business min";
    }

    private static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }
}
