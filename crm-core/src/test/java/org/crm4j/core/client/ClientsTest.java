package org.crm4j.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.client.BankAccountInput;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientEvent;
import org.crm4j.client.ClientForm;
import org.crm4j.client.ClientKind;
import org.crm4j.client.ClientNotFoundException;
import org.crm4j.client.ContactForm;
import org.crm4j.client.ContactPerson;
import org.crm4j.client.PhoneMatch;
import org.crm4j.common.AddressPurpose;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.CrmEvent;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.NotFoundException;
import org.crm4j.common.PhoneNumber;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violation;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.classifier.ClassifierKind;
import org.crm4j.tck.ClientFixture;
import org.crm4j.tck.ValidNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClientsTest {
    private static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T06:00:00Z");
    private static final String SBER_INN = "7707083893";

    private final SettableClock clock = SettableClock.at(MONDAY_MORNING);
    private final List<CrmEvent> events = new ArrayList<>();
    private Crm crm;
    private Clients clients;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().clock(clock).listener(events::add).build();
        crm.classifiers().define(ClassifierKind.REGION, "msk", "Москва", "Moscow");
        crm.classifiers().define(ClassifierKind.INDUSTRY, "retail", "Розничная торговля", "Retail");
        clients = crm.clients();
    }

    @Test
    @DisplayName("a lead source, region or industry not in the tenant's dictionaries is refused with the other mistakes")
    void unknownCodesRefused() {
        ClientForm form = ClientForm.organisation("Новый").inn("7707083894").leadSource("television")
                .region("spb").industry("retail").build();

        assertThatThrownBy(() -> clients.register(form))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + " " + v.code())
                        .containsExactlyInAnyOrder("requisites.inn inn.checksum",
                                "leadSource classifier.unknown", "region classifier.unknown"));
        assertThat(clients.findByName("новый", 10)).isEmpty();
    }

    @Test
    @DisplayName("a deactivated lead source stays on the cards that have it, but no new card may choose it")
    void deactivatedCodeStays() {
        ClientCard card = clients.register(roga().build());
        crm.classifiers().deactivate(ClassifierKind.LEAD_SOURCE, "exhibition");

        ClientCard changed = clients.changeFormalSection(card.id(), card.version(),
                roga().legalForm("АО").build());

        assertThat(changed.leadSource()).isEqualTo("exhibition");
        assertThatThrownBy(() -> clients.register(ClientForm.organisation("Другой").leadSource("exhibition").build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationCode()).isEqualTo("classifier.inactive"));
    }

    private static ClientForm.Builder roga() {
        return ClientForm.organisation("Рога и копыта").legalForm("ООО")
                .inn(SBER_INN).kpp("773601001").ogrn("1027700132195")
                .address(AddressPurpose.LEGAL, "117997", "Москва", "Москва", "ул. Вавилова, 19")
                .bankAccount(BankAccountInput.ru("044525225",
                        ValidNumbers.settlementAccount(ClientFixture.SBER_BIK, 1), "30101810400000000225", "Сбербанк"))
                .phone("8 (495) 123-45-67")
                .email("Info@Roga.RU")
                .region("msk").industry("retail").leadSource("exhibition").tag("vip");
    }

    private static ContactForm director() {
        return ContactForm.of("Иванов", "Иван", "Иванович").position("Директор")
                .phone("+7 916 555-44-33").email("ivanov@roga.ru").birthday(LocalDate.of(1970, 5, 17)).build();
    }

    @Test
    @DisplayName("a client registered with a contact person is stored normalised, with version 1 and an event")
    void registerWithContact() {
        ClientCard card = clients.register(roga().build(), List.of(director()));

        assertThat(card.version()).isEqualTo(1);
        assertThat(card.kind()).isEqualTo(ClientKind.ORGANISATION);
        assertThat(card.phones()).extracting(p -> p.number().e164()).containsExactly("+74951234567");
        assertThat(card.emails()).extracting(e -> e.address().value()).containsExactly("info@roga.ru");
        assertThat(card.contactPersons()).singleElement()
                .satisfies(c -> assertThat(c.name().fullName()).isEqualTo("Иванов Иван Иванович"));
        assertThat(card.createdAt()).isEqualTo(MONDAY_MORNING);
        assertThat(card.id().value().version()).isEqualTo(7);
        assertThat(clients.get(card.id())).isEqualTo(card);
        assertThat(events).containsExactly(new ClientEvent.ClientRegistered(card.id(), MONDAY_MORNING));
    }

    @Test
    @DisplayName("a caller typing the number any way is identified, with the contact person the number belongs to")
    void callerIdentification() {
        ClientCard card = clients.register(roga().build(), List.of(director()));

        List<PhoneMatch> byOwnPhone = clients.findByPhone("+7 (495) 123 45 67");
        List<PhoneMatch> byContactPhone = clients.findByPhone("89165554433");

        assertThat(byOwnPhone).singleElement().satisfies(m -> {
            assertThat(m.client().id()).isEqualTo(card.id());
            assertThat(m.contact()).isEmpty();
        });
        assertThat(byContactPhone).singleElement().satisfies(m ->
                assertThat(m.contact()).map(c -> c.name().surname()).contains("Иванов"));
        assertThat(clients.findByPhone("8 800 000-00-00")).isEmpty();
    }

    @Test
    @DisplayName("clients are found by INN, by e-mail in any case and by a name prefix with ё as е")
    void lookups() {
        ClientCard roga = clients.register(roga().build(), List.of(director()));
        ClientCard elka = clients.register(ClientForm.organisation("Ёлочка").inn(ValidNumbers.innOrganisation(5)).build());

        assertThat(clients.findByInn(" 7707083893 ")).containsExactly(roga);
        assertThat(clients.findByEmail("IVANOV@roga.ru")).containsExactly(roga);
        assertThat(clients.findByName("ЕЛОЧ", 10)).containsExactly(elka);
        assertThat(clients.findByName("рога", 10)).containsExactly(roga);
    }

    @Test
    @DisplayName("a form with several mistakes is refused with every violation at once, and nothing is stored")
    void everyViolationAtOnce() {
        ClientForm bad = ClientForm.organisation("Ошибка").inn("7707083894").kpp("77360100")
                .phone("12").email("not-an-email")
                .bankAccount(BankAccountInput.ru("044525225", "40702810000000000000", null, null))
                .build();

        assertThatThrownBy(() -> clients.register(bad, List.of(ContactForm.of(" ", "Иван", null).build())))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).violations().stream().map(Violation::field).toList())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("requisites.inn", "requisites.kpp", "phones[0].number",
                        "emails[0].address", "bankAccounts[0].account", "contacts[0].surname");
        assertThat(crm.storage().clients().count()).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("each violation names the field, the rule and the bad value")
    void violationDetails() {
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> clients.register(ClientForm.organisation("X").inn("7707083894").build()));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("requisites.inn");
            assertThat(v.code()).isEqualTo("inn.checksum");
            assertThat(v.rejectedValue()).isEqualTo("7707083894");
        });
    }

    @Test
    @DisplayName("a sole proprietor's name is made from the person's name when none is given")
    void soleProprietor() {
        ClientCard card = clients.register(ClientForm.soleProprietor("Сёмин", "Пётр", "Алексеевич")
                .inn(ValidNumbers.innIndividual(3)).ogrn(ValidNumbers.ogrnip(3)).build());

        assertThat(card.name()).isEqualTo("ИП Сёмин Пётр Алексеевич");
        assertThat(card.requisites().ogrnip()).isNotNull();
        assertThat(clients.findByName("ип семин", 5)).containsExactly(card);
    }

    @Test
    @DisplayName("an organisation's INN on a sole proprietor is refused by the kind rule")
    void kindRules() {
        assertThatThrownBy(() -> clients.register(ClientForm.soleProprietor("Сёмин", "Пётр", null)
                .inn(SBER_INN).kpp("773601001").build()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(Violation::code)
                        .containsExactlyInAnyOrder("client.inn-kind", "client.kpp-kind"));
    }

    @Test
    @DisplayName("registering a second client with the same INN and KPP is refused, naming the first")
    void duplicateInn() {
        ClientCard first = clients.register(roga().build());

        assertThatThrownBy(() -> clients.register(ClientForm.organisation("Копия").inn(SBER_INN).kpp("773601001").build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(first.id().toString())
                .satisfies(e -> assertThat(((ValidationException) e).violationCode()).isEqualTo("client.duplicate-inn"));
        assertThat(clients.register(ClientForm.organisation("Филиал").inn(SBER_INN).kpp("773602001").build()))
                .isNotNull();
    }

    @Test
    @DisplayName("changing the formal section keeps contacts and history and raises the version")
    void changeFormalSection() {
        ClientCard v1 = clients.register(roga().build(), List.of(director()));
        clock.advance(Duration.ofHours(1));

        ClientCard v2 = clients.changeFormalSection(v1.id(), 1, roga().name("Рога и копыта плюс").phone("+7 495 765-43-21").build());

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.name()).isEqualTo("Рога и копыта плюс");
        assertThat(v2.contactPersons()).isEqualTo(v1.contactPersons());
        assertThat(v2.createdAt()).isEqualTo(v1.createdAt());
        assertThat(v2.updatedAt()).isEqualTo(MONDAY_MORNING.plus(Duration.ofHours(1)));
        assertThat(clients.findByPhone("+74957654321")).extracting(m -> m.client().id()).containsExactly(v1.id());
    }

    @Test
    @DisplayName("an edit made from a version someone else has replaced is refused and changes nothing")
    void staleEditRefused() {
        ClientCard v1 = clients.register(roga().build());
        clients.changeFormalSection(v1.id(), 1, roga().name("Первый").build());

        assertThatThrownBy(() -> clients.changeFormalSection(v1.id(), 1, roga().name("Второй").build()))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThat(clients.get(v1.id()).name()).isEqualTo("Первый");
    }

    @Test
    @DisplayName("contact persons are added, changed and removed, each a new version")
    void contactPersons() {
        ClientCard v1 = clients.register(roga().build());

        ClientCard v2 = clients.addContactPerson(v1.id(), 1, director());
        ContactPerson added = v2.contactPersons().get(0);
        ClientCard v3 = clients.changeContactPerson(v1.id(), 2, added.id(),
                ContactForm.of("Иванов", "Иван", "Иванович").position("Председатель").phone("+7 916 111-22-33").build());
        ClientCard v4 = clients.removeContactPerson(v1.id(), 3, added.id());

        assertThat(v3.contactPerson(added.id())).map(ContactPerson::position).contains("Председатель");
        assertThat(clients.findByPhone("+79165554433")).isEmpty();
        assertThat(v4.contactPersons()).isEmpty();
        assertThat(v4.version()).isEqualTo(4);
        assertThat(clients.findByPhone("+79161112233")).isEmpty();
        assertThat(events).extracting(CrmEvent::type).containsExactly("client.registered",
                "client.contact-person-added", "client.contact-person-changed", "client.contact-person-removed");
    }

    @Test
    @DisplayName("a contact person with a future birthday and a bad phone is refused with both violations")
    void badContact() {
        ClientCard v1 = clients.register(roga().build());

        assertThatThrownBy(() -> clients.addContactPerson(v1.id(), 1, ContactForm.of("Петров", "Пётр", null)
                .phone("+7 000").birthday(LocalDate.of(2030, 1, 1)).build()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(Violation::field)
                        .containsExactlyInAnyOrder("phones[0].number", "birthday"));
        assertThat(clients.get(v1.id()).version()).isEqualTo(1);
    }

    @Test
    @DisplayName("changing a contact person the card does not have is 'not found'")
    void unknownContact() {
        ClientCard v1 = clients.register(roga().build());

        assertThatThrownBy(() -> clients.removeContactPerson(v1.id(), 1, ClientFixture.contactId(1, 1)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("contact-person");
    }

    @Test
    @DisplayName("reassigning the responsible manager keeps the history of who held the client and when")
    void assignmentHistory() {
        ClientCard card = clients.register(roga().build());
        EmployeeId anna = EmployeeId.of("anna");
        EmployeeId boris = EmployeeId.of("boris");

        clients.assignManager(card.id(), anna, EmployeeId.of("head"), "region Moscow");
        clock.advance(Duration.ofDays(30));
        clients.assignManager(card.id(), anna, null, null);
        ClientCard after = clients.assignManager(card.id(), boris, EmployeeId.of("head"), "Anna left");

        assertThat(after.responsibleManager()).contains(boris);
        assertThat(after.assignments()).extracting(a -> a.manager()).containsExactly(anna, boris);
        assertThat(after.assignments().get(1).at()).isEqualTo(MONDAY_MORNING.plus(Duration.ofDays(30)));
        assertThat(after.version()).isEqualTo(3);
        assertThat(events).filteredOn(e -> e instanceof ClientEvent.ResponsibleManagerAssigned)
                .containsExactly(
                        new ClientEvent.ResponsibleManagerAssigned(card.id(), null, anna, MONDAY_MORNING),
                        new ClientEvent.ResponsibleManagerAssigned(card.id(), anna, boris,
                                MONDAY_MORNING.plus(Duration.ofDays(30))));
    }

    @Test
    @DisplayName("an unknown client id is 'not found' and names the id")
    void notFound() {
        assertThatThrownBy(() -> clients.get(ClientFixture.id(99)))
                .isInstanceOf(ClientNotFoundException.class)
                .hasMessageContaining(ClientFixture.id(99).toString());
    }

    @Test
    @DisplayName("a failing event listener does not undo the change")
    void failingListener() {
        Crm noisy = Crm.builder().storage(crm.storage()).clock(clock)
                .listener(e -> { throw new IllegalStateException("boom"); }).build();

        ClientCard card = noisy.clients().register(roga().build());

        assertThat(noisy.clients().find(card.id())).contains(card);
    }

    @Test
    @DisplayName("an empty name search and an absurd limit are refused")
    void searchInputChecked() {
        assertThatThrownBy(() -> clients.findByName(" «» ", 0))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(Violation::field)
                        .containsExactly("prefix", "limit"));
    }

    @Test
    @DisplayName("a phone that is not a number is refused when searching")
    void badPhoneSearch() {
        assertThatThrownBy(() -> clients.findByPhone("call me"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violationCode()).isEqualTo("phone.unreadable"));
        assertThat(clients.findByPhone(PhoneNumber.of("+74951234567"))).isEmpty();
    }
}
