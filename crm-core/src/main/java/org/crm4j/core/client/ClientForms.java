package org.crm4j.core.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.client.AddressInput;
import org.crm4j.client.BankAccountInput;
import org.crm4j.client.ClientKind;
import org.crm4j.client.ContactForm;
import org.crm4j.client.ContactPerson;
import org.crm4j.client.ContactPersonId;
import org.crm4j.client.EmailInput;
import org.crm4j.client.PhoneInput;
import org.crm4j.client.Requisites;
import org.crm4j.client.Segments;
import org.crm4j.common.Address;
import org.crm4j.common.ContactEmail;
import org.crm4j.common.ContactPhone;
import org.crm4j.common.Email;
import org.crm4j.common.PersonName;
import org.crm4j.common.PhoneNumber;
import org.crm4j.common.Violations;
import org.crm4j.core.common.PhoneNumbers;
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
 * Reads the typed parts of forms into values, collecting every violation under the field's path instead of
 * stopping at the first. Each method returns what it could read; the caller throws once at the end.
 */
final class ClientForms {
    private final PhoneNumbers phoneNumbers;

    ClientForms(PhoneNumbers phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    @Nullable PersonName personName(Violations v, String prefix, @Nullable String surname, @Nullable String givenName,
                                    @Nullable String patronymic) {
        return v.nested(prefix, () -> new PersonName(surname, givenName, patronymic));
    }

    Requisites requisites(Violations v, ClientKind kind, @Nullable String inn, @Nullable String kpp,
                          @Nullable String ogrn, @Nullable String foreignTaxId) {
        Inn parsedInn = blank(inn) ? null : v.field("requisites.inn", () -> Inn.of(inn));
        Kpp parsedKpp = blank(kpp) ? null : v.field("requisites.kpp", () -> Kpp.of(kpp));
        Ogrn parsedOgrn = null;
        Ogrnip parsedOgrnip = null;
        if (!blank(ogrn)) {
            switch (kind) {
                case ORGANISATION -> parsedOgrn = v.field("requisites.ogrn", () -> Ogrn.of(ogrn));
                case SOLE_PROPRIETOR -> parsedOgrnip = v.field("requisites.ogrn", () -> Ogrnip.of(ogrn));
                case PERSON -> v.add("requisites.ogrn", "client.ogrn-kind", ogrn,
                        "a private person has no OGRN or OGRNIP");
            }
        }
        Requisites requisites = v.field("requisites.foreignTaxId",
                () -> new Requisites(null, null, null, null, foreignTaxId));
        String foreign = requisites == null ? null : requisites.foreignTaxId();
        return new Requisites(parsedInn, parsedKpp, parsedOgrn, parsedOgrnip, foreign);
    }

    List<Address> addresses(Violations v, List<AddressInput> inputs) {
        List<Address> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            AddressInput a = inputs.get(i);
            Address address = v.nested("addresses[" + i + "]",
                    () -> new Address(a.purpose(), a.country(), a.postalCode(), a.region(), a.city(), a.line()));
            if (address != null) {
                out.add(address);
            }
        }
        return out;
    }

    List<BankAccount> bankAccounts(Violations v, List<BankAccountInput> inputs) {
        List<BankAccount> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            BankAccount account = bankAccount(v, "bankAccounts[" + i + "]", inputs.get(i));
            if (account != null) {
                out.add(account);
            }
        }
        return out;
    }

    private @Nullable BankAccount bankAccount(Violations v, String path, BankAccountInput in) {
        if (in.iban() != null) {
            Iban iban = v.field(path + ".iban", () -> Iban.of(in.iban()));
            Bic bic = blank(in.bic()) ? null : v.field(path + ".bic", () -> Bic.of(in.bic()));
            return iban == null ? null : new IbanAccount(iban, bic, in.bankName());
        }
        if (blank(in.bik()) || blank(in.account())) {
            v.add(path, "bank-account.incomplete", null,
                    "a bank account needs a BIK and an account number, or an IBAN");
            return null;
        }
        Bik bik = v.field(path + ".bik", () -> Bik.of(in.bik()));
        if (bik == null) {
            return null;
        }
        return v.nested(path, () -> new RuBankAccount(bik, in.account(), in.correspondentAccount(), in.bankName()));
    }

    List<ContactPhone> phones(Violations v, String prefix, List<PhoneInput> inputs) {
        List<ContactPhone> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            PhoneInput p = inputs.get(i);
            String path = prefix + "phones[" + i + "]";
            PhoneNumber number = v.field(path + ".number", () -> phoneNumbers.parse(p.number()));
            ContactPhone phone = number == null ? null
                    : v.nested(path, () -> new ContactPhone(number, p.purpose(), p.extension()));
            if (phone != null) {
                out.add(phone);
            }
        }
        return out;
    }

    List<ContactEmail> emails(Violations v, String prefix, List<EmailInput> inputs) {
        List<ContactEmail> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            EmailInput e = inputs.get(i);
            Email email = v.field(prefix + "emails[" + i + "].address", () -> Email.of(e.address()));
            if (email != null) {
                out.add(ContactEmail.of(email, e.purpose()));
            }
        }
        return out;
    }

    Segments segments(Violations v, @Nullable String region, @Nullable String industry) {
        Segments segments = v.nested("", () -> Segments.of(region, industry));
        return segments == null ? Segments.NONE : segments;
    }

    /**
     * A contact person from a form, with {@code id}; {@code null} if the form had violations (they are in v).
     * {@code today} bounds the birthday: nobody is born in the future or more than 130 years ago.
     */
    @Nullable ContactPerson contactPerson(Violations v, String prefix, ContactPersonId id, ContactForm form,
                                          LocalDate today) {
        int before = v.list().size();
        PersonName name = personName(v, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
                form.surname(), form.givenName(), form.patronymic());
        List<ContactPhone> phones = phones(v, prefix, form.phones());
        List<ContactEmail> emails = emails(v, prefix, form.emails());
        LocalDate birthday = form.birthday();
        if (birthday != null && (birthday.isAfter(today) || birthday.isBefore(today.minusYears(130)))) {
            v.add(prefix + "birthday", "contact-person.birthday", birthday,
                    "birthday " + birthday + " must be in the past 130 years");
        }
        if (name == null || v.list().size() > before) {
            return null;
        }
        return v.nested(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
                () -> new ContactPerson(id, name, form.position(), phones, emails, birthday, form.notes()));
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
