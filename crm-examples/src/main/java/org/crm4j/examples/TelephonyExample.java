package org.crm4j.examples;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.client.ContactForm;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.deal.NewDeal;
import org.crm4j.core.schedule.Notifiers;
import org.crm4j.core.telephony.Telephony;
import org.crm4j.keydate.NotableEventKind;
import org.crm4j.notification.Notifier;
import org.crm4j.telephony.AbandonedCalls;
import org.crm4j.telephony.CallEvent;
import org.crm4j.telephony.ServiceLevel;

/**
 * Incoming calls in one page (seed 002's bank): the client calls, his manager's screen shows his name, the open
 * mortgage deal and his son's birthday next week before she picks up; the PBX reporting an event twice changes
 * nothing; a missed call becomes a call-back task; an unknown caller becomes a lead in one call; and the line's
 * service level is measured against "80% within 20 seconds" under two conventions for abandoned calls.
 *
 * <p>Run: {@code ./mvnw -q -pl crm-examples -am verify -DskipTests -Prun-example
 * -Dexample=org.crm4j.examples.TelephonyExample}
 */
public final class TelephonyExample {
    private TelephonyExample() {
    }

    public static void main(String[] args) {
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        SettableClock clock = SettableClock.at(Instant.parse("2026-05-12T07:00:00Z"), moscow);
        Notifier screen = n -> System.out.println("[screen of " + n.recipient() + "] " + n.subject() + "\n"
                + n.body().indent(4));
        Crm crm = Crm.builder().clock(clock).zone(moscow)
                .notifier(Notifier.routing(Map.of("screen", screen), Notifiers.logging())).build();
        EmployeeId marina = EmployeeId.of("marina");
        EmployeeId oleg = EmployeeId.of("oleg");

        ClientCard petrov = crm.clients().register(ClientForm.person("Петров", "Иван", "Сергеевич")
                .phone("+7 916 123-45-67").build(), List.of(ContactForm.of("Петрова", "Анна", null)
                .position("супруга").phone("8 903 765 43 21").build()));
        crm.clients().assignManager(petrov.id(), marina, null, "private banking");
        crm.deals().create(NewDeal.of(petrov.id(), Money.of("9000000", "RUB"), marina));
        crm.notableEvents().record(petrov.id(), null, NotableEventKind.BIRTHDAY, "Сыну исполняется 17 лет",
                LocalDate.of(2009, 5, 18), true, "поступает в университет");

        Telephony telephony = crm.telephony();
        CallEvent offered = new CallEvent.Offered("pbx-1001", "private", "8 (916) 123-45-67", clock.instant());
        Telephony.Handled call = telephony.on(offered);
        System.out.println("Identified: " + call.identification().kind() + ", repeated event applied: "
                + telephony.on(offered).applied());
        clock.advance(Duration.ofSeconds(6));
        telephony.on(new CallEvent.Answered("pbx-1001", "private", marina, clock.instant()));
        clock.advance(Duration.ofMinutes(3));
        Telephony.Handled ended = telephony.on(new CallEvent.Ended("pbx-1001", "private", clock.instant()));
        System.out.println("Recorded: " + ended.interaction().subject() + " - " + ended.interaction().result());

        clock.advance(Duration.ofMinutes(10));
        telephony.on(new CallEvent.Offered("pbx-1002", "private", "+79037654321", clock.instant()));
        clock.advance(Duration.ofSeconds(35));
        Telephony.Handled missed = telephony.on(new CallEvent.Missed("pbx-1002", "private", clock.instant()));
        System.out.println("Call-back: " + missed.callBack().title() + " for " + missed.callBack().responsible()
                .value() + ", due " + missed.callBack().due());

        clock.advance(Duration.ofMinutes(5));
        telephony.on(new CallEvent.Offered("pbx-1003", "private", "+7 812 555-12-34", clock.instant()));
        clock.advance(Duration.ofSeconds(12));
        telephony.on(new CallEvent.Answered("pbx-1003", "private", oleg, clock.instant()));
        ClientCard lead = telephony.newLead("pbx-1003", "ООО Северный ветер");
        System.out.println("New lead: " + lead.name() + " (" + lead.relation() + "), manager "
                + lead.responsibleManager().orElseThrow().value());
        clock.advance(Duration.ofMinutes(2));
        telephony.on(new CallEvent.Ended("pbx-1003", "private", clock.instant()));

        Instant from = Instant.parse("2026-05-12T00:00:00Z");
        Instant to = from.plus(Duration.ofDays(1));
        for (AbandonedCalls convention : List.of(AbandonedCalls.EXCLUDED, AbandonedCalls.COUNTED)) {
            ServiceLevel level = telephony.serviceLevel("private", from, to, Duration.ofSeconds(20), convention);
            System.out.println("Service level (" + convention + "): " + level.share().orElseThrow()
                    + ", 80% within 20 s met: " + level.meets(new java.math.BigDecimal("0.8")) + ", abandoned "
                    + level.abandoned() + ", average wait " + level.averageWait().toSeconds() + " s");
        }
    }
}
