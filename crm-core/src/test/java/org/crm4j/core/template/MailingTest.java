package org.crm4j.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.client.ContactForm;
import org.crm4j.client.ContactPersonId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.common.ValidationException;
import org.crm4j.consent.ConsentPurpose;
import org.crm4j.consent.ContactMechanism;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.deal.NewDeal;
import org.crm4j.core.template.SendReport.Outcome;
import org.crm4j.core.template.SendReport.Status;
import org.crm4j.deal.Deal;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.notification.Notification;
import org.crm4j.template.Language;
import org.crm4j.template.MessageTemplate;
import org.crm4j.template.TemplateNotFoundException;
import org.crm4j.template.TemplateText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MailingTest {
    private static final EmployeeId ANNA = EmployeeId.of("anna");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-04-01T07:00:00Z"));
    private final List<Notification> delivered = new CopyOnWriteArrayList<>();
    private boolean channelDown;
    private Crm crm;
    private ClientCard card;
    private ContactPersonId ivan;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().clock(clock)
                .notifier(n -> {
                    if (channelDown) {
                        throw new IllegalStateException("smtp is down");
                    }
                    delivered.add(n);
                })
                .employeeNames(e -> e.equals(ANNA) ? Optional.of("Анна Петрова") : Optional.empty())
                .build();
        card = crm.clients().register(ClientForm.organisation("Рога и копыта").fullName("ООО «Рога и копыта»")
                        .email("office@roga.ru").phone("+7 495 123-45-67").build(),
                List.of(ContactForm.of("Иванов", "Иван", "Петрович").position("директор")
                        .email("Ivan@Roga.ru").phone("8 916 123-45-67").build()));
        card = crm.clients().assignManager(card.id(), ANNA, null, null);
        ivan = card.contactPersons().get(0).id();
        crm.mailing().saveTemplate(MessageTemplate.of("spring-offer", ConsentPurpose.MARKETING,
                TemplateText.of("Весна для {client.name}",
                        "Уважаемый {contact.givenName|клиент} {contact.patronymic}! Ваш менеджер {manager.name}."),
                TemplateText.of("Spring for {client.name}", "Dear {contact.givenName|customer}, {manager.name}.")));
        crm.mailing().saveTemplate(MessageTemplate.of("invoice-ready", ConsentPurpose.SERVICE,
                TemplateText.of("Счёт по сделке", "Сумма {deal.amount}, {client.fullName}"), null));
    }

    private Sending offer(String key) {
        return Sending.of(key, "spring-offer", card.id(), ivan, ContactMechanism.EMAIL);
    }

    @Test
    @DisplayName("a marketing letter with consent is rendered, delivered once and recorded in the client's history")
    void sentWithConsent() {
        crm.consents().grant(card.id(), ivan, ContactMechanism.EMAIL, "ivan@roga.ru", ConsentPurpose.MARKETING,
                "web-form");

        SendReport report = crm.mailing().send(offer("spring-2026:1"));

        assertThat(report.sent()).hasSize(1);
        assertThat(delivered).singleElement().satisfies(n -> {
            assertThat(n.key()).isEqualTo("mail:spring-2026:1");
            assertThat(n.channel()).isEqualTo("email");
            assertThat(n.recipient()).isEqualTo("ivan@roga.ru");
            assertThat(n.subject()).isEqualTo("Весна для Рога и копыта");
            assertThat(n.body()).isEqualTo("Уважаемый Иван Петрович! Ваш менеджер Анна Петрова.");
        });
        List<Interaction> history = crm.interactions().history(card.id(), 10);
        assertThat(history).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(report.sent().get(0).interaction());
            assertThat(i.externalId()).isEqualTo("mail:spring-2026:1");
            assertThat(i.type()).isEqualTo("email");
            assertThat(i.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(i.channel()).isEqualTo(Channel.EMAIL);
            assertThat(i.contact()).isEqualTo(ivan);
            assertThat(i.manager()).isEqualTo(ANNA);
            assertThat(i.subject()).isEqualTo("Весна для Рога и копыта");
        });
    }

    @Test
    @DisplayName("sending again under the same key delivers nothing and reports the first sending")
    void idempotent() {
        crm.consents().grant(card.id(), ivan, ContactMechanism.EMAIL, "ivan@roga.ru", ConsentPurpose.MARKETING,
                "web-form");
        SendReport first = crm.mailing().send(offer("k1"));

        SendReport second = crm.mailing().send(offer("k1"));

        assertThat(delivered).hasSize(1);
        assertThat(second.alreadySent()).singleElement()
                .extracting(Outcome::interaction).isEqualTo(first.sent().get(0).interaction());
        assertThat(crm.interactions().history(card.id(), 10)).hasSize(1);
    }

    @Test
    @DisplayName("marketing without consent, or after a withdrawal, is refused and the report says who and why")
    void refusals() {
        crm.consents().grant(card.id(), null, ContactMechanism.EMAIL, "office@roga.ru", ConsentPurpose.MARKETING,
                "signed paper");
        clock.advance(java.time.Duration.ofMinutes(1));
        crm.consents().withdraw(card.id(), null, ContactMechanism.EMAIL, "office@roga.ru", ConsentPurpose.MARKETING,
                "unsubscribe link");
        Sending toOffice = Sending.of("k-office", "spring-offer", card.id(), null, ContactMechanism.EMAIL);
        Sending toIvan = offer("k-ivan");
        Sending bySms = Sending.of("k-sms", "spring-offer", card.id(), ivan, ContactMechanism.SMS);

        SendReport report = crm.mailing().send(List.of(toOffice, toIvan, bySms));

        assertThat(report.sent()).isEmpty();
        assertThat(report.refused()).extracting(Outcome::sending, Outcome::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(toOffice, "consent.withdrawn"),
                        org.assertj.core.groups.Tuple.tuple(toIvan, "consent.missing"),
                        org.assertj.core.groups.Tuple.tuple(bySms, "consent.missing"));
        assertThat(report.refused().get(0).message()).contains("office@roga.ru", "unsubscribe link");
        assertThat(report.refused().get(2).message()).contains("+79161234567", "sms");
        assertThat(delivered).isEmpty();
        assertThat(crm.interactions().history(card.id(), 10)).isEmpty();
    }

    @Test
    @DisplayName("a service message needs no consent, fills deal values, and respects a withdrawal")
    void service() {
        Deal deal = crm.deals().create(NewDeal.of(card.id(), Money.of("150000.00", "RUB"), ANNA));
        Sending invoice = new Sending("inv-1", "invoice-ready", card.id(), null, ContactMechanism.SMS, null,
                Language.EN, deal.id(), null);

        SendReport report = crm.mailing().send(invoice);

        assertThat(report.sent()).hasSize(1);
        assertThat(delivered).singleElement().satisfies(n -> {
            assertThat(n.channel()).isEqualTo("sms");
            assertThat(n.recipient()).isEqualTo("+74951234567");
            assertThat(n.body()).isEqualTo("Сумма 150000.00 RUB, ООО «Рога и копыта»");
        });
        assertThat(crm.interactions().history(card.id(), 10)).singleElement()
                .satisfies(i -> {
                    assertThat(i.type()).isEqualTo("message");
                    assertThat(i.dealRef()).isEqualTo(deal.id().toString());
                });

        crm.consents().withdraw(card.id(), null, ContactMechanism.SMS, "+7 (495) 123-45-67", ConsentPurpose.SERVICE,
                "call");
        assertThat(crm.mailing().send(new Sending("inv-2", "invoice-ready", card.id(), null, ContactMechanism.SMS,
                null, Language.RU, deal.id(), null)).refused()).extracting(Outcome::code)
                .containsExactly("consent.withdrawn");
    }

    @Test
    @DisplayName("the recipient's language is chosen when the template has it, Russian otherwise")
    void languages() {
        crm.consents().grant(card.id(), ivan, ContactMechanism.EMAIL, "ivan@roga.ru", ConsentPurpose.MARKETING,
                "web-form");

        crm.mailing().send(List.of(offer("ru"), offer("en").in(Language.EN)));

        assertThat(delivered).extracting(Notification::subject)
                .containsExactly("Весна для Рога и копыта", "Spring for Рога и копыта");
        assertThat(delivered.get(1).body()).isEqualTo("Dear Иван, Анна Петрова.");
    }

    @Test
    @DisplayName("without a contact person's name the fallback is used")
    void fallback() {
        crm.consents().grant(card.id(), null, ContactMechanism.EMAIL, "office@roga.ru", ConsentPurpose.MARKETING,
                "web-form");

        crm.mailing().send(Sending.of("k", "spring-offer", card.id(), null, ContactMechanism.EMAIL)
                .signedBy(EmployeeId.of("boris")));

        assertThat(delivered).singleElement().extracting(Notification::body)
                .isEqualTo("Уважаемый клиент ! Ваш менеджер .");
    }

    @Test
    @DisplayName("a template with an unknown placeholder is refused when saved, not when sent")
    void unknownPlaceholderRefusedAtSave() {
        assertThatThrownBy(() -> crm.mailing().saveTemplate(MessageTemplate.of("bad", ConsentPurpose.SERVICE,
                TemplateText.of("Hi", "{client.inn}"), null))).isInstanceOf(ValidationException.class);
        assertThat(crm.mailing().template("bad")).isEmpty();
        assertThatThrownBy(() -> crm.mailing().send(Sending.of("x", "bad", card.id(), null, ContactMechanism.EMAIL)))
                .isInstanceOf(TemplateNotFoundException.class);
    }

    @Test
    @DisplayName("a channel's refusal does not undo the sending: the outbox delivers it later, once, under its key")
    void channelFailure() {
        Deal deal = crm.deals().create(NewDeal.of(card.id(), Money.of("10.00", "RUB"), ANNA));
        Sending invoice = Sending.of("inv", "invoice-ready", card.id(), ivan, ContactMechanism.EMAIL).about(deal.id());
        channelDown = true;

        SendReport report = crm.mailing().send(invoice);

        assertThat(report.sent()).hasSize(1);
        assertThat(delivered).isEmpty();
        assertThat(crm.interactions().history(card.id(), 10)).hasSize(1);
        assertThat(crm.scheduler().pending(clock.instant().plusSeconds(1), 10)).singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo("mail:inv"));

        channelDown = false;
        assertThat(crm.scheduler().fireDue(clock.instant()).delivered()).as("held until its retry moment").isZero();
        clock.advance(java.time.Duration.ofMinutes(5));
        assertThat(crm.scheduler().fireDue(clock.instant()).delivered()).isEqualTo(1);
        assertThat(delivered).singleElement().satisfies(n -> assertThat(n.key()).isEqualTo("mail:inv"));
        assertThat(crm.mailing().send(invoice).alreadySent()).hasSize(1);
        assertThat(crm.scheduler().fireDue(clock.instant()).delivered()).isZero();
        assertThat(delivered).hasSize(1);
    }

    @Test
    @DisplayName("a missing contact, address or another client's deal is a refusal, not an exception")
    void otherRefusals() {
        ClientCard other = crm.clients().register(ClientForm.organisation("Без почты").build());
        Deal deal = crm.deals().create(NewDeal.of(other.id(), Money.of("1.00", "RUB"), ANNA));

        SendReport report = crm.mailing().send(List.of(
                Sending.of("a", "invoice-ready", other.id(), null, ContactMechanism.EMAIL),
                Sending.of("b", "invoice-ready", card.id(), ContactPersonId.of(java.util.UUID.randomUUID()),
                        ContactMechanism.EMAIL),
                Sending.of("c", "invoice-ready", card.id(), null, ContactMechanism.EMAIL).about(deal.id()),
                Sending.of("d", "invoice-ready", card.id(), null, ContactMechanism.EMAIL).to("not an address")));

        assertThat(report.refused()).extracting(Outcome::code)
                .containsExactly("address.missing", "contact.not-found", "deal.not-found", "address.invalid");
        assertThat(report.outcomes()).extracting(Outcome::status).containsOnly(Status.REFUSED);
        assertThat(delivered).isEmpty();
    }

    @Test
    @DisplayName("a template written to the store without the check is refused when sent, not thrown")
    void uncheckedTemplate() {
        crm.storage().templates().save(MessageTemplate.of("raw", ConsentPurpose.SERVICE,
                TemplateText.of("Hi", "{client.getClass}"), null));

        SendReport report = crm.mailing().send(Sending.of("r", "raw", card.id(), ivan, ContactMechanism.EMAIL));

        assertThat(report.refused()).extracting(Outcome::code).containsExactly("template.invalid");
        assertThat(delivered).isEmpty();
    }
}
