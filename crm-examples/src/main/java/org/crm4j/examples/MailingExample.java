package org.crm4j.examples;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.client.ContactForm;
import org.crm4j.client.ContactPersonId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;
import org.crm4j.consent.ConsentPurpose;
import org.crm4j.consent.ContactMechanism;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.template.SendReport;
import org.crm4j.core.template.Sending;
import org.crm4j.interaction.Interaction;
import org.crm4j.notification.Notifier;
import org.crm4j.template.Language;
import org.crm4j.template.MessageTemplate;
import org.crm4j.template.TemplateText;

/**
 * Mailing in one page: a template with an unknown placeholder is refused when it is saved; a marketing letter
 * goes to the contact who consented and is refused, with the reason, to the one who did not and to the one who
 * withdrew; sending again under the same key delivers nothing; each letter sent is one interaction in the
 * client's history.
 *
 * <p>Run: {@code ./mvnw -q -pl crm-examples -am verify -DskipTests -Prun-example
 * -Dexample=org.crm4j.examples.MailingExample}
 */
public final class MailingExample {
    private MailingExample() {
    }

    public static void main(String[] args) {
        SettableClock clock = SettableClock.at(Instant.parse("2026-04-01T07:00:00Z"));
        EmployeeId anna = EmployeeId.of("anna");
        // The ERP's e-mail gateway; here it prints what it would send.
        Notifier email = n -> System.out.printf("  -> %s: %s%n     %s%n", n.recipient(), n.subject(), n.body());
        Crm crm = Crm.builder().clock(clock).notifier(email)
                .employeeNames(e -> e.equals(anna) ? Optional.of("Анна Петрова") : Optional.empty())
                .build();

        ClientCard client = crm.clients().register(ClientForm.organisation("Рога и копыта").build(), List.of(
                ContactForm.of("Иванов", "Иван", "Петрович").email("ivanov@roga.ru").build(),
                ContactForm.of("Smith", "John", null).email("smith@roga.ru").build(),
                ContactForm.of("Петрова", "Мария", null).email("petrova@roga.ru").build()));
        client = crm.clients().assignManager(client.id(), anna, null, null);
        ContactPersonId ivanov = client.contactPersons().get(0).id();
        ContactPersonId smith = client.contactPersons().get(1).id();
        ContactPersonId petrova = client.contactPersons().get(2).id();

        try {
            crm.mailing().saveTemplate(MessageTemplate.of("typo", ConsentPurpose.MARKETING,
                    TemplateText.of("Привет", "Здравствуйте, {contact.firstName}!"), null));
        } catch (ValidationException e) {
            System.out.println("refused at save: " + e.violations().get(0).message());
        }
        crm.mailing().saveTemplate(MessageTemplate.of("spring-offer", ConsentPurpose.MARKETING,
                TemplateText.of("Весеннее предложение для {client.name}",
                        "Уважаемый {contact.givenName|клиент} {contact.patronymic}! Скидка 10% до 30 апреля. "
                                + "Ваш менеджер {manager.name}."),
                TemplateText.of("A spring offer for {client.name}",
                        "Dear {contact.givenName|customer}, 10% off until 30 April. {manager.name}")));

        crm.consents().grant(client.id(), ivanov, ContactMechanism.EMAIL, "ivanov@roga.ru",
                ConsentPurpose.MARKETING, "web form, 2026-03-01");
        crm.consents().grant(client.id(), smith, ContactMechanism.EMAIL, "smith@roga.ru",
                ConsentPurpose.MARKETING, "trade fair sheet");
        crm.consents().grant(client.id(), petrova, ContactMechanism.EMAIL, "petrova@roga.ru",
                ConsentPurpose.MARKETING, "web form");
        crm.consents().withdraw(client.id(), petrova, ContactMechanism.EMAIL, "petrova@roga.ru",
                ConsentPurpose.MARKETING, "unsubscribe link");

        List<Sending> run = List.of(
                Sending.of("spring-2026:ivanov", "spring-offer", client.id(), ivanov, ContactMechanism.EMAIL),
                Sending.of("spring-2026:smith", "spring-offer", client.id(), smith, ContactMechanism.EMAIL)
                        .in(Language.EN),
                Sending.of("spring-2026:petrova", "spring-offer", client.id(), petrova, ContactMechanism.EMAIL),
                Sending.of("spring-2026:office", "spring-offer", client.id(), null, ContactMechanism.EMAIL)
                        .to("office@roga.ru"));
        System.out.println("spring mailing:");
        SendReport report = crm.mailing().send(run);
        report.refused().forEach(o -> System.out.println("  refused " + o.sending().key() + ": " + o.code()
                + " (" + o.message() + ")"));

        System.out.println("the same run again (a retry after a crash):");
        SendReport again = crm.mailing().send(run);
        System.out.println("  sent " + again.sent().size() + ", already sent " + again.alreadySent().size());

        System.out.println("the client's history:");
        for (Interaction i : crm.interactions().history(client.id(), 10)) {
            System.out.println("  " + i.type() + " " + i.direction() + " " + i.subject() + " [" + i.externalId() + "]");
        }
    }
}
