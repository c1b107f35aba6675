package org.crm4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.crm4j.tck.Refusals.refusal;
import static org.crm4j.tck.Refusals.refused;
import static org.crm4j.tck.ClientFixture.T0;
import static org.crm4j.tck.ClientFixture.later;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.crm4j.common.ContactEmail;
import org.crm4j.common.ContactPhone;
import org.crm4j.common.ContactPurpose;
import org.crm4j.common.Email;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.PersonName;
import org.crm4j.common.PhoneNumber;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violation;
import org.crm4j.requisites.Inn;
import org.crm4j.requisites.Kpp;
import org.crm4j.requisites.Ogrn;
import org.crm4j.requisites.Ogrnip;
import org.crm4j.tck.ClientFixture;
import org.crm4j.tck.ValidNumbers;
import org.junit.jupiter.api.Test;

class ClientCardTest {
    private static final Inn INN_10 = Inn.of("7707083893");
    private static final Inn INN_12 = Inn.of("500100732259");
    private static final Kpp KPP = Kpp.of("773601001");
    private static final Ogrn OGRN = Ogrn.of("1027700132195");
    private static final Ogrnip OGRNIP = Ogrnip.of("304500116000157");
    private static final PersonName PETROV = PersonName.of("Петров", "Пётр", "Петрович");

    private static ClientCard.Builder organisation() {
        return ClientCard.builder().id(ClientFixture.id(1)).kind(ClientKind.ORGANISATION).name("ПАО Сбербанк")
                .requisites(Requisites.organisation(INN_10, KPP, OGRN)).at(T0);
    }

    private static ClientCard.Builder soleProprietor() {
        return ClientCard.builder().id(ClientFixture.id(2)).kind(ClientKind.SOLE_PROPRIETOR).name("ИП Петров")
                .personName(PETROV).requisites(Requisites.soleProprietor(INN_12, OGRNIP)).at(T0);
    }

    private static ClientCard.Builder person() {
        return ClientCard.builder().id(ClientFixture.id(3)).kind(ClientKind.PERSON).name("Петров Пётр")
                .personName(PETROV).at(T0);
    }

    private static ContactPerson contact(int k, PhoneNumber phone, Email email) {
        return new ContactPerson(ClientFixture.contactId(1, k), PersonName.of("Иванов", "Иван"), " Директор ",
                List.of(ContactPhone.of(phone, ContactPurpose.MOBILE)),
                List.of(ContactEmail.of(email, ContactPurpose.WORK)), null, null);
    }

    // --- kinds -------------------------------------------------------------------------------------------

    @Test
    void an_organisation_with_a_ten_digit_inn_a_kpp_and_an_ogrn_is_accepted() {
        ClientCard card = organisation().build();

        assertThat(card.kind()).isEqualTo(ClientKind.ORGANISATION);
        assertThat(card.relation()).isEqualTo(ClientRelation.CUSTOMER);
        assertThat(card.requisites().uniqueKey()).isEqualTo("7707083893/773601001");
        assertThat(card.version()).isZero();
        assertThat(card.createdAt()).isEqualTo(T0).isEqualTo(card.updatedAt());
    }

    @Test
    void the_fixture_cards_are_valid() {
        assertThat(ClientFixture.organisation(7).requisites().inn().isOrganisation()).isTrue();
        assertThat(ClientFixture.soleProprietor(7).kind()).isEqualTo(ClientKind.SOLE_PROPRIETOR);
        assertThat(ClientFixture.minimal(7, "Ромашка").phones()).hasSize(1);
    }

    @Test
    void an_organisation_with_a_twelve_digit_inn_is_refused() {
        refused(() -> organisation().requisites(Requisites.organisation(INN_12, null, null)).build(),
                "requisites.inn", "client.inn-kind", "500100732259", "organisation", "10-digit INN");
    }

    @Test
    void an_organisation_with_an_ogrnip_is_refused() {
        refused(() -> organisation().requisites(new Requisites(INN_10, KPP, null, OGRNIP, null)).build(),
                "requisites.ogrnip", "client.ogrnip-kind", "304500116000157", "OGRNIP");
    }

    @Test
    void an_organisation_may_have_no_requisites_at_all() {
        assertThat(organisation().requisites(Requisites.NONE).build().requisites().uniqueKey()).isNull();
    }

    @Test
    void a_sole_proprietor_with_a_twelve_digit_inn_and_an_ogrnip_is_accepted() {
        ClientCard card = soleProprietor().build();

        assertThat(card.personName()).isEqualTo(PETROV);
        assertThat(card.requisites().uniqueKey()).isEqualTo("500100732259/");
    }

    @Test
    void a_sole_proprietor_without_a_person_name_is_refused() {
        refused(() -> soleProprietor().personName(null).build(), "personName", "client.person-name", null,
                "sole proprietor", "person's name");
    }

    @Test
    void a_sole_proprietor_with_a_ten_digit_inn_is_refused() {
        refused(() -> soleProprietor().requisites(Requisites.soleProprietor(INN_10, OGRNIP)).build(),
                "requisites.inn", "client.inn-kind", "7707083893", "sole proprietor", "12-digit INN");
    }

    @Test
    void a_sole_proprietor_with_a_kpp_or_an_ogrn_is_refused() {
        refused(() -> soleProprietor().requisites(new Requisites(INN_12, KPP, null, OGRNIP, null)).build(),
                "requisites.kpp", "client.kpp-kind", "773601001", "KPP");
        refused(() -> soleProprietor().requisites(new Requisites(INN_12, null, OGRN, null, null)).build(),
                "requisites.ogrn", "client.ogrn-kind", "1027700132195", "OGRN");
    }

    @Test
    void a_person_needs_only_a_name() {
        ClientCard card = person().build();

        assertThat(card.requisites()).isEqualTo(Requisites.NONE);
        assertThat(person().requisites(new Requisites(INN_12, null, null, null, null)).build().requisites().inn())
                .isEqualTo(INN_12);
    }

    @Test
    void a_person_without_a_person_name_is_refused() {
        refused(() -> person().personName(null).build(), "personName", "client.person-name", null,
                "a person needs a person's name");
    }

    @Test
    void a_person_with_an_ogrnip_is_refused() {
        refused(() -> person().requisites(Requisites.soleProprietor(INN_12, OGRNIP)).build(),
                "requisites.ogrnip", "client.ogrnip-kind", "304500116000157", "sole proprietor");
    }

    @Test
    void an_employee_is_a_person_and_a_department_an_organisation() {
        assertThat(person().relation(ClientRelation.EMPLOYEE).build().relation()).isEqualTo(ClientRelation.EMPLOYEE);
        assertThat(organisation().relation(ClientRelation.DEPARTMENT).build().relation())
                .isEqualTo(ClientRelation.DEPARTMENT);

        refused(() -> organisation().relation(ClientRelation.EMPLOYEE).build(), "relation",
                "client.relation-kind", "EMPLOYEE", "employee", "person");
        refused(() -> soleProprietor().relation(ClientRelation.EMPLOYEE).build(), "relation",
                "client.relation-kind", "EMPLOYEE");
        refused(() -> person().relation(ClientRelation.DEPARTMENT).build(), "relation",
                "client.relation-kind", "DEPARTMENT", "department", "organisation");
    }

    @Test
    void every_broken_rule_is_reported_together() {
        ValidationException e = refusal(() -> person()
                .personName(null)
                .version(-1)
                .name("   ")
                .relation(ClientRelation.DEPARTMENT)
                .requisites(new Requisites(INN_10, KPP, OGRN, OGRNIP, null))
                .tag(" ")
                .build());

        assertThat(e.violations()).extracting(Violation::field, Violation::code).containsExactly(
                tuple("version", "version.negative"),
                tuple("name", "client.name"),
                tuple("tags", "tag.length"),
                tuple("personName", "client.person-name"),
                tuple("requisites.inn", "client.inn-kind"),
                tuple("requisites.kpp", "client.kpp-kind"),
                tuple("requisites.ogrn", "client.ogrn-kind"),
                tuple("requisites.ogrnip", "client.ogrnip-kind"),
                tuple("relation", "client.relation-kind"));
        assertThat(e.violations().get(0).rejectedValue()).isEqualTo("-1");
        assertThat(e.getMessage()).contains("version", "personName", "relation");
    }

    // --- the other rules of a card -----------------------------------------------------------------------

    @Test
    void the_name_is_stripped_and_inner_blanks_collapsed() {
        assertThat(organisation().name("  ПАО \t Сбербанк \n").build().name()).isEqualTo("ПАО Сбербанк");
    }

    @Test
    void a_name_of_300_characters_is_accepted_and_of_301_or_none_refused() {
        assertThat(organisation().name("ж".repeat(300)).build().name()).hasSize(300);
        refused(() -> organisation().name("ж".repeat(301)).build(), "name", "client.name", "ж".repeat(301),
                "1 to 300");
        refused(() -> organisation().name(" ").build(), "name", "client.name", "", "1 to 300");
    }

    @Test
    void optional_texts_are_stripped_blank_ones_dropped_and_long_ones_refused() {
        ClientCard card = organisation().fullName("  ПАО «Сбербанк России» ").legalForm(" ").build();
        assertThat(card.fullName()).isEqualTo("ПАО «Сбербанк России»");
        assertThat(card.legalForm()).isNull();

        assertThat(organisation().fullName("ж".repeat(500)).build().fullName()).hasSize(500);
        refused(() -> organisation().fullName("ж".repeat(501)).build(), "fullName", "text.length", "ж".repeat(501),
                "500");
        refused(() -> organisation().legalForm("ж".repeat(101)).build(), "legalForm", "text.length",
                "ж".repeat(101), "100");
    }

    @Test
    void tags_are_stripped_and_repeats_merged() {
        ClientCard card = organisation().tags(new LinkedHashSet<>(List.of("vip", " vip ", "опт"))).build();

        assertThat(card.tags()).containsExactlyInAnyOrder("vip", "опт");
    }

    @Test
    void a_tag_of_64_characters_is_accepted_and_of_65_or_none_refused() {
        assertThat(organisation().tag("t".repeat(64)).build().tags()).containsExactly("t".repeat(64));
        refused(() -> organisation().tag("t".repeat(65)).build(), "tags", "tag.length", "t".repeat(65), "1 to 64");
        refused(() -> organisation().tag("  ").build(), "tags", "tag.length", "  ", "1 to 64");
    }

    @Test
    void a_lead_source_is_a_code() {
        assertThat(organisation().leadSource(" exhibition-2026 ").build().leadSource()).isEqualTo("exhibition-2026");
        assertThat(organisation().leadSource(" ").build().leadSource()).isNull();
        refused(() -> organisation().leadSource("trade show").build(), "leadSource", "code.format", "trade show");
    }

    @Test
    void phones_emails_and_contact_ids_listed_twice_are_refused() {
        PhoneNumber phone = ClientFixture.phone(1);
        Email email = ClientFixture.email(1);
        ContactPerson contact = contact(1, ClientFixture.contactPhone(1), Email.of("a@example.ru"));

        ValidationException e = refusal(() -> organisation()
                .phone(ContactPhone.of(phone, ContactPurpose.MAIN))
                .phone(new ContactPhone(phone, ContactPurpose.WORK, "12"))
                .email(ContactEmail.of(email, ContactPurpose.WORK))
                .email(ContactEmail.of(Email.of("CLIENT1@example.ru"), ContactPurpose.ACCOUNTING))
                .contactPerson(contact)
                .contactPerson(contact)
                .build());

        assertThat(e.violations()).extracting(Violation::field, Violation::code, Violation::rejectedValue)
                .containsExactly(
                        tuple("phones[1]", "phone.duplicate", "+74950000001"),
                        tuple("emails[1]", "email.duplicate", "client1@example.ru"),
                        tuple("contactPersons[1]", "contact-person.duplicate-id", contact.id().toString()));
    }

    @Test
    void manager_assignments_must_be_in_time_order() {
        EmployeeId first = EmployeeId.of("manager-1");
        EmployeeId second = EmployeeId.of("manager-2");

        ClientCard card = organisation()
                .assignment(new ManagerAssignment(first, T0, null, null))
                .assignment(new ManagerAssignment(second, later(5), null, "handover"))
                .build();
        assertThat(card.responsibleManager()).contains(second);

        refused(() -> organisation()
                        .assignment(new ManagerAssignment(first, later(5), null, null))
                        .assignment(new ManagerAssignment(second, T0, null, null))
                        .build(),
                "assignments[1]", "assignment.order", T0.toString(), "time order");
    }

    @Test
    void a_card_unassigned_last_has_no_responsible_manager() {
        assertThat(organisation().build().responsibleManager()).isEmpty();
        assertThat(organisation()
                .assignment(new ManagerAssignment(EmployeeId.of("manager-1"), T0, null, null))
                .assignment(new ManagerAssignment(null, later(1), null, "left"))
                .build().responsibleManager()).isEmpty();
    }

    @Test
    void required_parts_are_required() {
        assertThatNullPointerException().isThrownBy(() -> ClientCard.builder().kind(ClientKind.PERSON).name("x")
                .at(T0).build()).withMessage("id");
        assertThatNullPointerException().isThrownBy(() -> ClientCard.builder().id(ClientFixture.id(1)).name("x")
                .at(T0).build()).withMessage("kind");
        assertThatNullPointerException().isThrownBy(() -> organisation().name(null).build()).withMessage("name");
        assertThatNullPointerException().isThrownBy(() -> ClientCard.builder().id(ClientFixture.id(1))
                .kind(ClientKind.ORGANISATION).name("x").createdAt(T0).build()).withMessage("updatedAt");
    }

    // --- copies, immutability, derived views -------------------------------------------------------------

    @Test
    void a_card_rebuilt_through_its_builder_is_equal() {
        for (ClientCard card : List.of(ClientFixture.organisation(11), ClientFixture.soleProprietor(12),
                ClientFixture.minimal(13, "Ромашка"), person().build())) {
            assertThat(card.toBuilder().build()).isEqualTo(card).hasSameHashCodeAs(card);
        }
    }

    @Test
    void a_changed_copy_leaves_the_original_as_it_was() {
        ClientCard original = ClientFixture.organisation(5);

        ClientCard renamed = original.toBuilder().name("Новое имя").version(1).updatedAt(later(1))
                .tag("new").phone(ContactPhone.of(PhoneNumber.of("+74990000000"), ContactPurpose.WORK)).build();

        assertThat(renamed.name()).isEqualTo("Новое имя");
        assertThat(renamed.version()).isEqualTo(1);
        assertThat(renamed.tags()).contains("new", "vip", "wholesale");
        assertThat(renamed.phones()).hasSize(original.phones().size() + 1);
        assertThat(original).isEqualTo(ClientFixture.organisation(5));
        assertThat(renamed.toBuilder().name(original.name()).version(0).updatedAt(T0).tags(original.tags())
                .phones(original.phones()).build()).isEqualTo(original);
    }

    @Test
    void the_collections_of_a_card_cannot_be_changed() {
        ClientCard card = ClientFixture.organisation(3);

        assertThatThrownBy(() -> card.phones().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> card.emails().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> card.contactPersons().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> card.addresses().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> card.bankAccounts().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> card.assignments().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> card.tags().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_list_given_to_the_builder_is_copied() {
        List<ContactPhone> phones = new ArrayList<>(List.of(ContactPhone.of(ClientFixture.phone(1), ContactPurpose.MAIN)));
        ClientCard card = organisation().phones(phones).build();

        phones.add(ContactPhone.of(ClientFixture.phone(2), ContactPurpose.MAIN));

        assertThat(card.phones()).hasSize(1);
    }

    @Test
    void all_phones_include_those_of_contact_persons_without_repeats() {
        ClientCard card = ClientFixture.organisation(42);

        // the accountant's phone is the card's main phone: it is listed once
        assertThat(card.allPhones()).containsExactly(
                ClientFixture.phone(42), PhoneNumber.of("+78120000042"), ClientFixture.contactPhone(42));
    }

    @Test
    void all_emails_include_those_of_contact_persons_without_repeats() {
        ClientCard card = organisation()
                .email(ContactEmail.of(Email.of("info@example.ru"), ContactPurpose.WORK))
                .contactPerson(contact(1, ClientFixture.contactPhone(1), Email.of("ivanov@example.ru")))
                .contactPerson(contact(2, ClientFixture.contactPhone(2), Email.of("INFO@example.ru")))
                .build();

        assertThat(card.allEmails()).containsExactly(Email.of("info@example.ru"), Email.of("ivanov@example.ru"));
        assertThat(ClientFixture.organisation(42).allEmails()).containsExactly(
                ClientFixture.email(42), Email.of("ivanov42@example.ru"), Email.of("buh42@example.ru"));
    }

    @Test
    void a_card_without_phones_and_contacts_has_none() {
        assertThat(organisation().build().allPhones()).isEmpty();
        assertThat(organisation().build().allEmails()).isEmpty();
    }

    @Test
    void a_contact_person_is_found_by_id() {
        ClientCard card = ClientFixture.organisation(9);

        assertThat(card.contactPerson(ClientFixture.contactId(9, 2))).map(c -> c.name().surname()).contains("Петрова");
        assertThat(card.contactPerson(ClientFixture.contactId(9, 3))).isEmpty();
    }

    @Test
    void the_name_key_is_the_search_key_of_the_name() {
        ClientCard card = organisation().name("ООО  «Ёлка-Палка»").build();

        assertThat(card.name()).isEqualTo("ООО «Ёлка-Палка»");
        assertThat(card.nameKey()).isEqualTo("ооо елка-палка").isEqualTo(ClientNames.searchKey(card.name()));
    }

    // --- properties --------------------------------------------------------------------------------------

    @Property(tries = 300)
    @Label("round trip: a fixture card rebuilt through its builder is equal, and allPhones covers every phone")
    void fixture_cards_round_trip(@ForAll @LongRange(min = 0, max = 9_999_999) long n) {
        ClientCard card = ClientFixture.organisation(n);

        assertThat(card.toBuilder().build()).isEqualTo(card);
        assertThat(card.requisites().inn().value()).isEqualTo(ValidNumbers.innOrganisation(n));
        Set<PhoneNumber> expected = new LinkedHashSet<>();
        card.phones().forEach(p -> expected.add(p.number()));
        card.contactPersons().forEach(c -> c.phones().forEach(p -> expected.add(p.number())));
        assertThat(card.allPhones()).containsExactlyElementsOf(expected);
        assertThat(ClientFixture.soleProprietor(n).toBuilder().build()).isEqualTo(ClientFixture.soleProprietor(n));
    }

    @Property(tries = 1296)
    @Label("a card is accepted exactly when its requisites, person name and relation agree with its kind")
    void kind_rules_hold_for_every_combination(@ForAll ClientKind kind, @ForAll ClientRelation relation,
                                               @ForAll @IntRange(min = 0, max = 2) int innDigits,
                                               @ForAll boolean hasKpp, @ForAll boolean hasOgrn,
                                               @ForAll boolean hasOgrnip, @ForAll boolean hasPersonName) {
        Inn inn = innDigits == 0 ? null : innDigits == 1 ? INN_10 : INN_12;
        Requisites requisites = new Requisites(inn, hasKpp ? KPP : null, hasOgrn ? OGRN : null,
                hasOgrnip ? OGRNIP : null, null);
        ClientCard.Builder builder = ClientCard.builder().id(ClientFixture.id(1)).kind(kind).relation(relation)
                .name("Клиент").requisites(requisites).personName(hasPersonName ? PETROV : null).at(T0);

        List<String> expected = new ArrayList<>();
        if (kind == ClientKind.ORGANISATION) {
            if (hasPersonName) {
                expected.add("personName client.person-name-kind");
            }
            if (innDigits == 2) {
                expected.add("requisites.inn client.inn-kind");
            }
            if (hasOgrnip) {
                expected.add("requisites.ogrnip client.ogrnip-kind");
            }
        } else {
            if (!hasPersonName) {
                expected.add("personName client.person-name");
            }
            if (innDigits == 1) {
                expected.add("requisites.inn client.inn-kind");
            }
            if (hasKpp) {
                expected.add("requisites.kpp client.kpp-kind");
            }
            if (hasOgrn) {
                expected.add("requisites.ogrn client.ogrn-kind");
            }
            if (kind == ClientKind.PERSON && hasOgrnip) {
                expected.add("requisites.ogrnip client.ogrnip-kind");
            }
        }
        if (relation == ClientRelation.EMPLOYEE && kind != ClientKind.PERSON
                || relation == ClientRelation.DEPARTMENT && kind != ClientKind.ORGANISATION) {
            expected.add("relation client.relation-kind");
        }

        List<String> actual = new ArrayList<>();
        try {
            builder.build();
        } catch (ValidationException e) {
            e.violations().forEach(v -> actual.add(v.field() + " " + v.code()));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }
}
