package org.crm4j.examples;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.Crm;
import org.crm4j.core.calendar.Calendars;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.json.RulesJson;
import org.crm4j.core.schedule.FireReport;
import org.crm4j.core.schedule.SchedulerSettings;
import org.crm4j.core.schedule.SchedulingRule;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.keydate.NotableEventKind;
import org.crm4j.notification.Notifier;
import org.crm4j.schedule.Supervisors;
import org.crm4j.task.Task;

/**
 * Scheduling rules in one page: the rules come from a JSON file ({@code rules.json} beside this class), the ERP's
 * timer calls {@code fireDue} and the notifications go to its channels (here: printed per channel).
 * <ul>
 *   <li>Seed 001: a client calls on Monday 10:00 asking for a price; the rule gives its manager an invoice task due
 *       at the end of the next working day and an e-mail at once. The invoice is not sent, so on Wednesday at 13:00
 *       (4 business hours late) the supervisor gets the escalation.</li>
 *   <li>Seed 002: the director's birthday is on 29 March; 14 days ahead the manager is reminded to send the gift
 *       catalogue.</li>
 *   <li>Calling {@code fireDue} again delivers nothing twice.</li>
 * </ul>
 *
 * <p>Run: {@code ./mvnw -q -pl crm-examples -am verify -DskipTests -Prun-example
 * -Dexample=org.crm4j.examples.SchedulingExample}
 */
public final class SchedulingExample {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private SchedulingExample() {
    }

    public static void main(String[] args) {
        List<SchedulingRule> rules = readRules();
        SettableClock clock = SettableClock.at(moscow("2026-03-16T10:00"), MOSCOW);
        EmployeeId anna = EmployeeId.of("anna");
        Notifier email = n -> System.out.println("    e-mail to " + n.recipient() + ": " + n.subject());
        Notifier sms = n -> System.out.println("    SMS to " + n.recipient() + ": " + n.subject());
        Crm crm = Crm.builder().clock(clock).zone(MOSCOW).calendar(Calendars.russia(MOSCOW)).rules(rules)
                .notifier(Notifier.routing(Map.of("email", email, "sms", sms), email))
                .supervisors(Supervisors.of(Map.of(anna, EmployeeId.of("head-of-sales"))))
                .scheduler(SchedulerSettings.defaults().withNode("erp-1"))
                .build();
        System.out.println(rules.size() + " rules read: " + rules.stream().map(SchedulingRule::code).toList());

        ClientCard client = crm.clients().register(ClientForm.organisation("Рога и копыта").inn("7707083893").build());
        crm.clients().assignManager(client.id(), anna, null, "first contact");
        crm.notableEvents().record(client.id(), null, NotableEventKind.BIRTHDAY, "День рождения директора",
                LocalDate.of(1970, 3, 29), true, null);

        Interaction call = Interaction.builder().id(InteractionId.of(UUID.randomUUID())).externalId("pbx-1001")
                .type("call-in").direction(Direction.INBOUND).channel(Channel.PHONE).at(clock.instant())
                .manager(anna).client(client.id()).subject("Сколько стоит поставка?").recordedAt(clock.instant())
                .build();
        crm.interactions().record(call);
        Task invoice = crm.tasks().ofClient(client.id(), 10).get(0);
        System.out.println("\nMonday 10:00, a call asking for a price: task '" + invoice.title() + "' for "
                + invoice.responsible().value() + ", due " + invoice.due().atZone(MOSCOW).toLocalDateTime());

        fire(crm, clock, "2026-03-16T10:00", "Monday 10:00, the ERP's timer calls fireDue");
        fire(crm, clock, "2026-03-16T10:05", "Monday 10:05, again");
        fire(crm, clock, "2026-03-18T13:00", "Wednesday 13:00, the invoice still not sent");
        fire(crm, clock, "2026-03-18T13:01", "Wednesday 13:01, again");

        System.out.println("\nTasks of " + client.name() + ":");
        crm.tasks().ofClient(client.id(), 10).forEach(t -> System.out.println("  " + t.title() + " (" + t.regulation()
                + "), due " + t.due().atZone(MOSCOW).toLocalDateTime() + ", " + t.status()));
    }

    private static void fire(Crm crm, SettableClock clock, String at, String label) {
        Instant now = moscow(at);
        clock.set(now);
        System.out.println("\n" + label + ":");
        FireReport report = crm.scheduler().fireDue(now);
        System.out.println("  delivered " + report.delivered() + ", skipped " + report.skipped()
                + ", tasks created by time-triggered rules " + report.tasksCreated());
    }

    private static List<SchedulingRule> readRules() {
        try (Reader json = new InputStreamReader(Objects.requireNonNull(
                SchedulingExample.class.getResourceAsStream("rules.json"), "rules.json"), StandardCharsets.UTF_8)) {
            return RulesJson.read(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }
}
