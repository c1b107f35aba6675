package org.crm4j.jpa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import org.crm4j.requisites.BankAccount;
import org.crm4j.requisites.Bic;
import org.crm4j.requisites.Bik;
import org.crm4j.requisites.Iban;
import org.crm4j.requisites.IbanAccount;
import org.crm4j.requisites.Inn;
import org.crm4j.requisites.Kpp;
import org.crm4j.requisites.Ogrn;
import org.crm4j.requisites.Ogrnip;
import org.crm4j.requisites.RuBankAccount;
import org.jspecify.annotations.Nullable;

/**
 * Converts a {@link ClientCard} to its rows and back. Pure: no entity manager, no I/O. The parts of a card are
 * numbered in one sequence, in the order the card lists them, so reading them back by that number restores
 * every list in its order.
 */
final class ClientMapping {

    /** A card as rows: its own, its contact persons' and its parts'. */
    record Rows(ClientEntity client, List<ContactEntity> contacts, List<ClientPartEntity> parts) {
    }

    private ClientMapping() {
    }

    static Rows toRows(ClientCard card) {
        UUID id = card.id().value();
        ClientEntity c = new ClientEntity(id, card.version());
        c.kind = card.kind().name();
        c.relation = card.relation().name();
        c.name = card.name();
        c.nameKey = card.nameKey();
        c.fullName = card.fullName();
        c.legalForm = card.legalForm();
        PersonName person = card.personName();
        if (person != null) {
            c.surname = person.surname();
            c.givenName = person.givenName();
            c.patronymic = person.patronymic();
        }
        Requisites r = card.requisites();
        c.inn = text(r.inn());
        c.kpp = text(r.kpp());
        c.ogrn = text(r.ogrn());
        c.ogrnip = text(r.ogrnip());
        c.foreignTaxId = r.foreignTaxId();
        c.uniqueKey = r.uniqueKey();
        c.region = card.segments().region();
        c.industry = card.segments().industry();
        c.leadSource = card.leadSource();
        c.managerId = card.responsibleManager().map(EmployeeId::value).orElse(null);
        c.createdAt = card.createdAt();
        c.updatedAt = card.updatedAt();

        List<ContactEntity> contacts = new ArrayList<>(card.contactPersons().size());
        List<ClientPartEntity> parts = new ArrayList<>();
        PartSequence seq = new PartSequence(parts);
        for (Address a : card.addresses()) {
            AddressPart p = seq.add(new AddressPart(id, card.version(), seq.next()));
            p.purpose = a.purpose().name();
            p.country = a.country();
            p.postalCode = a.postalCode();
            p.region = a.region();
            p.city = a.city();
            p.line = a.line();
        }
        for (BankAccount account : card.bankAccounts()) {
            BankAccountPart p = seq.add(new BankAccountPart(id, card.version(), seq.next()));
            if (account instanceof RuBankAccount ru) {
                p.bankCode = ru.bik().value();
                p.account = ru.account();
                p.correspondentAccount = ru.correspondentAccount();
                p.bankName = ru.bankName();
            } else if (account instanceof IbanAccount iban) {
                p.bankCode = text(iban.bic());
                p.account = iban.iban().value();
                p.bankName = iban.bankName();
            }
        }
        phones(seq, id, card.version(), null, card.phones());
        emails(seq, id, card.version(), null, card.emails());
        int ord = 0;
        for (ContactPerson contact : card.contactPersons()) {
            ContactEntity e = new ContactEntity(contact.id().value(), id, card.version(), ord++);
            e.surname = contact.name().surname();
            e.givenName = contact.name().givenName();
            e.patronymic = contact.name().patronymic();
            e.position = contact.position();
            e.birthday = contact.birthday();
            e.notes = contact.notes();
            contacts.add(e);
            phones(seq, id, card.version(), e.id, contact.phones());
            emails(seq, id, card.version(), e.id, contact.emails());
        }
        for (String tag : card.tags()) {
            seq.add(new TagPart(id, card.version(), seq.next())).tag = tag;
        }
        for (ManagerAssignment a : card.assignments()) {
            AssignmentPart p = seq.add(new AssignmentPart(id, card.version(), seq.next()));
            p.managerId = a.manager() == null ? null : a.manager().value();
            p.assignedAt = a.at();
            p.assignedBy = a.assignedBy() == null ? null : a.assignedBy().value();
            p.reason = a.reason();
        }
        return new Rows(c, contacts, parts);
    }

    private static void phones(PartSequence seq, UUID id, long version, @Nullable UUID contactId,
                               List<ContactPhone> phones) {
        for (ContactPhone phone : phones) {
            PhonePart p = seq.add(new PhonePart(id, version, seq.next()));
            p.contactId = contactId;
            p.purpose = phone.purpose().name();
            p.phone = phone.number().e164();
            p.extension = phone.extension();
        }
    }

    private static void emails(PartSequence seq, UUID id, long version, @Nullable UUID contactId,
                               List<ContactEmail> emails) {
        for (ContactEmail email : emails) {
            EmailPart p = seq.add(new EmailPart(id, version, seq.next()));
            p.contactId = contactId;
            p.purpose = email.purpose().name();
            p.email = email.address().value();
        }
    }

    /**
     * The card of these rows. {@code contacts} and {@code parts} are the card's own, each in its {@code ord}
     * order.
     */
    static ClientCard toCard(ClientEntity c, List<ContactEntity> contacts, List<ClientPartEntity> parts) {
        ClientCard.Builder card = ClientCard.builder()
                .id(ClientId.of(c.id))
                .version(c.version)
                .kind(ClientKind.valueOf(c.kind))
                .relation(ClientRelation.valueOf(c.relation))
                .name(c.name)
                .fullName(c.fullName)
                .legalForm(c.legalForm)
                .personName(c.surname == null ? null : PersonName.of(c.surname, c.givenName, c.patronymic))
                .requisites(new Requisites(c.inn == null ? null : Inn.of(c.inn), c.kpp == null ? null : Kpp.of(c.kpp),
                        c.ogrn == null ? null : Ogrn.of(c.ogrn), c.ogrnip == null ? null : Ogrnip.of(c.ogrnip),
                        c.foreignTaxId))
                .segments(Segments.of(c.region, c.industry))
                .leadSource(c.leadSource)
                .createdAt(c.createdAt)
                .updatedAt(c.updatedAt);

        Map<UUID, List<ContactPhone>> contactPhones = new HashMap<>();
        Map<UUID, List<ContactEmail>> contactEmails = new HashMap<>();
        Set<String> tags = new LinkedHashSet<>();
        for (ClientPartEntity part : parts) {
            if (part instanceof AddressPart p) {
                card.address(new Address(AddressPurpose.valueOf(p.purpose), p.country, p.postalCode, p.region,
                        p.city, p.line));
            } else if (part instanceof BankAccountPart p) {
                card.bankAccount(bankAccount(p));
            } else if (part instanceof PhonePart p) {
                ContactPhone phone = new ContactPhone(PhoneNumber.of(p.phone), ContactPurpose.valueOf(p.purpose),
                        p.extension);
                if (p.contactId == null) {
                    card.phone(phone);
                } else {
                    contactPhones.computeIfAbsent(p.contactId, k -> new ArrayList<>()).add(phone);
                }
            } else if (part instanceof EmailPart p) {
                ContactEmail email = ContactEmail.of(Email.of(p.email), ContactPurpose.valueOf(p.purpose));
                if (p.contactId == null) {
                    card.email(email);
                } else {
                    contactEmails.computeIfAbsent(p.contactId, k -> new ArrayList<>()).add(email);
                }
            } else if (part instanceof TagPart p) {
                tags.add(p.tag);
            } else if (part instanceof AssignmentPart p) {
                card.assignment(new ManagerAssignment(p.managerId == null ? null : EmployeeId.of(p.managerId),
                        p.assignedAt, p.assignedBy == null ? null : EmployeeId.of(p.assignedBy), p.reason));
            } else {
                throw new IllegalStateException("unknown part " + part.getClass().getName());
            }
        }
        card.tags(tags);
        for (ContactEntity e : contacts) {
            card.contactPerson(new ContactPerson(ContactPersonId.of(e.id), PersonName.of(e.surname, e.givenName,
                    e.patronymic), e.position, contactPhones.getOrDefault(e.id, List.of()),
                    contactEmails.getOrDefault(e.id, List.of()), e.birthday, e.notes));
        }
        return card.build();
    }

    private static BankAccount bankAccount(BankAccountPart p) {
        boolean iban = !p.account.isEmpty() && Character.isLetter(p.account.charAt(0));
        if (iban) {
            return new IbanAccount(Iban.of(p.account), p.bankCode == null ? null : Bic.of(p.bankCode), p.bankName);
        }
        return new RuBankAccount(Bik.of(p.bankCode), p.account, p.correspondentAccount, p.bankName);
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    /** Numbers the parts of one card 0, 1, 2, … in the order the card lists them. */
    private static final class PartSequence {
        private final List<ClientPartEntity> parts;

        PartSequence(List<ClientPartEntity> parts) {
            this.parts = parts;
        }

        int next() {
            return parts.size();
        }

        <P extends ClientPartEntity> P add(P part) {
            parts.add(part);
            return part;
        }
    }
}
