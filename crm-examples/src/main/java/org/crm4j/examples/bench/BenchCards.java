package org.crm4j.examples.bench;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientKind;
import org.crm4j.client.ClientRelation;
import org.crm4j.client.ContactPerson;
import org.crm4j.client.ContactPersonId;
import org.crm4j.client.Requisites;
import org.crm4j.common.AddressPurpose;
import org.crm4j.common.Address;
import org.crm4j.common.ContactEmail;
import org.crm4j.common.ContactPhone;
import org.crm4j.common.ContactPurpose;
import org.crm4j.common.Email;
import org.crm4j.common.PersonName;
import org.crm4j.common.PhoneNumber;
import org.crm4j.requisites.Inn;
import org.crm4j.tck.ValidNumbers;

/**
 * The cards of the JPA benchmarks, as an import from an ERP's client list brings them: an organisation with its
 * INN, a phone, an e-mail, a legal address and a director with a mobile phone: {@link #ROWS_PER_CARD} rows
 * each in crm-jpa's schema.
 */
final class BenchCards {
    /** Rows per card: the card, its contact person, and its phone, e-mail, address and the director's phone. */
    static final int ROWS_PER_CARD = 6;
    private static final Instant AT = Instant.parse("2026-01-15T10:00:00Z");

    private BenchCards() {
    }

    static PhoneNumber phone(long n) {
        return PhoneNumber.of("+7495" + String.format("%07d", n));
    }

    static PhoneNumber mobile(long n) {
        return PhoneNumber.of("+7916" + String.format("%07d", n));
    }

    static ClientCard card(long n) {
        return ClientCard.builder()
                .id(ClientId.of(new UUID(0x0190000000007000L, n)))
                .kind(ClientKind.ORGANISATION)
                .relation(ClientRelation.CUSTOMER)
                .name("Клиент " + n)
                .requisites(Requisites.organisation(Inn.of(ValidNumbers.innOrganisation(n)), null, null))
                .phone(ContactPhone.of(phone(n), ContactPurpose.MAIN))
                .email(ContactEmail.of(Email.of("office" + n + "@example.ru"), ContactPurpose.WORK))
                .address(Address.ru(AddressPurpose.LEGAL, "125009", "Москва", "Москва", "ул. Тверская, д. " + n))
                .contactPerson(new ContactPerson(ContactPersonId.of(new UUID(0x0190000000007001L, n)),
                        PersonName.of("Иванов", "Иван", "Иванович"), "Директор",
                        List.of(ContactPhone.of(mobile(n), ContactPurpose.MOBILE)), List.of(), null, null))
                .at(AT)
                .build();
    }
}
