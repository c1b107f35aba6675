package org.crm4j.examples;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.crm4j.classifier.ClassifierKind;
import org.crm4j.client.BankAccountInput;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.client.ContactForm;
import org.crm4j.client.PhoneMatch;
import org.crm4j.common.AddressPurpose;
import org.crm4j.common.ContactPurpose;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.common.ValidationException;
import org.crm4j.core.Crm;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.keydate.NotableEventKind;
import org.crm4j.timeline.TimelineEntry;

/**
 * crm4j in one page: register two clients with contact persons on the embedded in-memory storage, identify a
 * caller by a number typed the way a person types it, record the call, feed a sale, read the client's timeline,
 * and see a form with mistakes (a lead source among them that is in no dictionary) refused with every mistake
 * named.
 *
 * <p>Run: {@code ./mvnw -q -pl crm-examples -am verify -DskipTests -Prun-example}
 */
public final class QuickStartExample {
    private QuickStartExample() {
    }

    public static void main(String[] args) {
        Crm crm = Crm.builder().defaultRegion("RU").zone(ZoneId.of("Europe/Moscow")).build();
        // Lead sources come with crm4j; regions and industries are the tenant's own dictionaries.
        crm.classifiers().define(ClassifierKind.REGION, "msk", "Москва", "Moscow");
        crm.classifiers().define(ClassifierKind.INDUSTRY, "retail", "Розничная торговля", "Retail");

        ClientCard roga = crm.clients().register(
                ClientForm.organisation("Рога и копыта").legalForm("ООО")
                        .inn("7707083893").kpp("773601001").ogrn("1027700132195")
                        .address(AddressPurpose.LEGAL, "117997", "Москва", "Москва", "ул. Вавилова, д. 19")
                        .bankAccount(BankAccountInput.ru("044525225", "40702810938000000001",
                                "30101810400000000225", "ПАО Сбербанк"))
                        .phone("8 (495) 123-45-67", ContactPurpose.MAIN)
                        .email("info@roga.example")
                        .region("msk").industry("retail").leadSource("exhibition")
                        .build(),
                List.of(ContactForm.of("Иванов", "Иван", "Иванович").position("Генеральный директор")
                                .phone("+7 916 555-44-33", ContactPurpose.MOBILE).email("ivanov@roga.example")
                                .birthday(LocalDate.of(1970, 5, 17)).build(),
                        ContactForm.of("Петрова", "Ольга", null).position("Главный бухгалтер")
                                .phone("8 495 123 45 68").build()));
        crm.clients().assignManager(roga.id(), EmployeeId.of("anna.smirnova"), EmployeeId.of("head.of.sales"),
                "Moscow retail");

        crm.clients().register(ClientForm.soleProprietor("Сёмин", "Пётр", "Алексеевич")
                .inn("500100732259").phone("+7 (903) 111-22-33").build());

        System.out.println("Registered: " + roga.name() + ", INN " + roga.requisites().inn()
                + ", phones " + roga.allPhones());

        String typed = "8 916 555 44 33";
        for (PhoneMatch match : crm.clients().findByPhone(typed)) {
            System.out.println("Incoming call from " + typed + ": " + match.client().name()
                    + match.contact().map(c -> ", " + c.name().fullName() + " (" + c.position() + ")").orElse("")
                    + ", manager " + crm.clients().get(match.client().id()).responsibleManager().orElseThrow());
        }
        System.out.println("Found by name 'рог': " + crm.clients().findByName("рог", 10).stream()
                .map(ClientCard::name).toList());

        // The call is recorded once, however often the exchange reports it; the ERP feeds what was sold.
        Instant callAt = Instant.parse("2026-03-02T07:15:00Z");
        crm.interactions().record(Interaction.builder().id(InteractionId.of(UUID.randomUUID()))
                .externalId("pbx-7731").type("call-in").direction(Direction.INBOUND).channel(Channel.PHONE)
                .at(callAt).duration(Duration.ofMinutes(4)).manager(EmployeeId.of("anna.smirnova"))
                .client(roga.id()).subject("Просят счёт на кабель").leadSource("exhibition")
                .nextContact(LocalDate.of(2026, 3, 4)).recordedAt(callAt).build());
        crm.workHistory().feed(feed -> feed.sale("РН-0042", 1, roga.id(), callAt.plusSeconds(3 * 3600), "P-1",
                "Кабель ВВГнг 3x2.5", new BigDecimal("100"), Money.of("15000.00", "RUB"),
                EmployeeId.of("anna.smirnova")));
        crm.notableEvents().record(roga.id(), null, NotableEventKind.STAFF_CHANGE, "Новый главный бухгалтер",
                LocalDate.of(2026, 2, 16), false, null);
        System.out.println("Timeline of " + roga.name() + ", newest first:");
        for (TimelineEntry entry : crm.timeline().page(roga.id(), (String) null, 10).entries()) {
            Object when = entry.day() != null ? entry.day() : entry.at().atZone(crm.zone()).toLocalDateTime();
            System.out.println("  " + when + "  " + entry.kind() + "  " + entry.title()
                    + (entry.amount() == null ? "" : "  " + entry.amount()));
        }

        try {
            crm.clients().register(ClientForm.organisation("Ошибкин и партнёры")
                    .inn("7707083894").phone("12-34").email("not-an-e-mail").leadSource("television").build());
        } catch (ValidationException e) {
            System.out.println("Refused, nothing stored:");
            e.violations().forEach(v -> System.out.println("  " + v.field() + " [" + v.code() + "] "
                    + v.message()));
        }
    }
}
