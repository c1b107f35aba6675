package org.crm4j.tck;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientKind;
import org.crm4j.client.ClientRelation;
import org.crm4j.client.ContactPerson;
import org.crm4j.client.ContactPersonId;
import org.crm4j.client.ManagerAssignment;
import org.crm4j.client.Requisites;
import org.crm4j.client.Segments;
import org.crm4j.common.Address;
import org.crm4j.common.AddressPurpose;
import org.crm4j.common.ContactEmail;
import org.crm4j.common.ContactPhone;
import org.crm4j.common.ContactPurpose;
import org.crm4j.common.Email;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.PersonName;
import org.crm4j.common.PhoneNumber;
import org.crm4j.requisites.Bic;
import org.crm4j.requisites.Bik;
import org.crm4j.requisites.Iban;
import org.crm4j.requisites.IbanAccount;
import org.crm4j.requisites.Inn;
import org.crm4j.requisites.Kpp;
import org.crm4j.requisites.Ogrn;
import org.crm4j.requisites.Ogrnip;
import org.crm4j.requisites.RuBankAccount;

/**
 * Valid client cards for tests and benchmarks, distinct per sequence number: card {@code n} has INN
 * {@link ValidNumbers#innOrganisation(long) innOrganisation(n)}, phone {@link #phone(long) phone(n)} and
 * e-mail {@code client<n>@example.ru}. Times are whole microseconds, which every store keeps exactly.
 */
public final class ClientFixture {
    /** A fixed moment the fixture's cards were "registered" at. */
    public static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123456Z");
    /** Sberbank's BIK, a real one. */
    public static final Bik SBER_BIK = Bik.of("044525225");

    private ClientFixture() {
    }

    /** A deterministic id for sequence number {@code n}. */
    public static ClientId id(long n) {
        return ClientId.of(new UUID(0x0190_0000_0000_7000L, n));
    }

    /** The card's own phone: +7 495 000-00-00 plus n (n below 10^7). */
    public static PhoneNumber phone(long n) {
        return PhoneNumber.of("+7495" + String.format("%07d", n));
    }

    /** The phone of the card's first contact person: +7 916 plus n. */
    public static PhoneNumber contactPhone(long n) {
        return PhoneNumber.of("+7916" + String.format("%07d", n));
    }

    public static Email email(long n) {
        return Email.of("client" + n + "@example.ru");
    }

    /** A minimal organisation: name, INN, KPP and one phone. */
    public static ClientCard minimal(long n, String name) {
        return ClientCard.builder()
                .id(id(n)).kind(ClientKind.ORGANISATION).relation(ClientRelation.CUSTOMER).name(name)
                .requisites(Requisites.organisation(Inn.of(ValidNumbers.innOrganisation(n)),
                        Kpp.of(ValidNumbers.kpp(1)), null))
                .phone(ContactPhone.of(phone(n), ContactPurpose.MAIN))
                .at(T0)
                .build();
    }

    /**
     * A full organisation card: every section filled, two bank accounts (Russian and IBAN), three addresses,
     * two contact persons with their own phones and e-mails, one manager assignment, segments and tags.
     */
    public static ClientCard organisation(long n) {
        return organisation(n, "Рога и копыта " + n);
    }

    public static ClientCard organisation(long n, String name) {
        ContactPerson director = new ContactPerson(contactId(n, 1), PersonName.of("Иванов", "Иван", "Иванович"),
                "Генеральный директор",
                List.of(ContactPhone.of(contactPhone(n), ContactPurpose.MOBILE)),
                List.of(ContactEmail.of(Email.of("ivanov" + n + "@example.ru"), ContactPurpose.WORK)),
                LocalDate.of(1975, 2, 28), "prefers calls after 11:00");
        ContactPerson accountant = new ContactPerson(contactId(n, 2), PersonName.of("Петрова", "Ольга", null),
                "Главный бухгалтер",
                List.of(new ContactPhone(phone(n), ContactPurpose.WORK, "204")),
                List.of(ContactEmail.of(Email.of("buh" + n + "@example.ru"), ContactPurpose.ACCOUNTING)),
                null, null);
        return ClientCard.builder()
                .id(id(n))
                .kind(ClientKind.ORGANISATION)
                .relation(ClientRelation.CUSTOMER)
                .name(name)
                .fullName("Общество с ограниченной ответственностью «" + name + "»")
                .legalForm("ООО")
                .requisites(Requisites.organisation(Inn.of(ValidNumbers.innOrganisation(n)),
                        Kpp.of(ValidNumbers.kpp(1)), Ogrn.of(ValidNumbers.ogrn(n))))
                .address(Address.ru(AddressPurpose.LEGAL, "125009", "Москва", "Москва", "ул. Тверская, д. 1"))
                .address(Address.ru(AddressPurpose.ACTUAL, "125009", "Москва", "Москва", "ул. Тверская, д. 3, оф. 12"))
                .address(new Address(AddressPurpose.POSTAL, "DE", "10115", "Berlin", "Berlin", "Invalidenstr. 1"))
                .bankAccount(new RuBankAccount(SBER_BIK, ValidNumbers.settlementAccount(SBER_BIK, n),
                        ValidNumbers.correspondentAccount(SBER_BIK), "ПАО Сбербанк"))
                .bankAccount(new IbanAccount(Iban.of("DE89370400440532013000"), Bic.of("COBADEFFXXX"), "Commerzbank"))
                .phone(ContactPhone.of(phone(n), ContactPurpose.MAIN))
                .phone(new ContactPhone(PhoneNumber.of("+7812" + String.format("%07d", n)), ContactPurpose.FAX, null))
                .email(ContactEmail.of(email(n), ContactPurpose.WORK))
                .contactPerson(director)
                .contactPerson(accountant)
                .assignment(new ManagerAssignment(EmployeeId.of("manager-1"), T0, EmployeeId.of("admin"),
                        "first contact"))
                .segments(Segments.of("msk", "retail"))
                .leadSource("exhibition")
                .tags(Set.of("vip", "wholesale"))
                .at(T0)
                .build();
    }

    /** A sole proprietor with a 12-digit INN and an OGRNIP. */
    public static ClientCard soleProprietor(long n) {
        PersonName name = PersonName.of("Сёмин", "Пётр", "Алексеевич");
        return ClientCard.builder()
                .id(id(n)).kind(ClientKind.SOLE_PROPRIETOR).relation(ClientRelation.SUPPLIER)
                .name("ИП " + name.fullName()).personName(name).legalForm("ИП")
                .requisites(Requisites.soleProprietor(Inn.of(ValidNumbers.innIndividual(n)),
                        Ogrnip.of(ValidNumbers.ogrnip(n))))
                .phone(ContactPhone.of(phone(n), ContactPurpose.MOBILE))
                .at(T0)
                .build();
    }

    public static ContactPersonId contactId(long n, int k) {
        return ContactPersonId.of(new UUID(0x0190_0000_0000_7000L + k, n));
    }

    /** A moment {@code minutes} after {@link #T0}. */
    public static Instant later(long minutes) {
        return T0.plus(minutes, ChronoUnit.MINUTES);
    }
}
