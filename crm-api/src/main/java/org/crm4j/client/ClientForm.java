package org.crm4j.client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.crm4j.common.AddressPurpose;
import org.crm4j.common.ContactPurpose;
import org.jspecify.annotations.Nullable;

/**
 * The formal section of a client card as entered in a form, not yet checked: the input of registering a client
 * and of changing its formal section. Requisites, phones and e-mails are text as typed; everything is checked
 * at once when the use case runs and every violation is reported together, each naming its field
 * ({@code requisites.inn}, {@code phones[1].number}, {@code bankAccounts[0].account}).
 *
 * @param kind         organisation, sole proprietor or person
 * @param relation     customer, supplier, …
 * @param name         the name people use; for a person it may be blank and is then the person's full name
 * @param fullName     official full name, or {@code null}
 * @param legalForm    legal form, or {@code null}
 * @param surname      surname of a person or sole proprietor, or {@code null}
 * @param givenName    given name, or {@code null}
 * @param patronymic   patronymic, or {@code null}
 * @param inn          INN as typed, or {@code null}
 * @param kpp          KPP as typed, or {@code null}
 * @param ogrn         OGRN of an organisation or OGRNIP of a sole proprietor, or {@code null}
 * @param foreignTaxId foreign VAT or registration number, or {@code null}
 * @param addresses    addresses
 * @param bankAccounts bank accounts
 * @param phones       phones as typed
 * @param emails       e-mails as typed
 * @param region       region segment code, or {@code null}
 * @param industry     industry segment code, or {@code null}
 * @param leadSource   lead source code, or {@code null}
 * @param tags         tags
 */
public record ClientForm(ClientKind kind, ClientRelation relation, @Nullable String name, @Nullable String fullName,
                         @Nullable String legalForm, @Nullable String surname, @Nullable String givenName,
                         @Nullable String patronymic, @Nullable String inn, @Nullable String kpp,
                         @Nullable String ogrn, @Nullable String foreignTaxId, List<AddressInput> addresses,
                         List<BankAccountInput> bankAccounts, List<PhoneInput> phones, List<EmailInput> emails,
                         @Nullable String region, @Nullable String industry, @Nullable String leadSource,
                         Set<String> tags) {
    public ClientForm {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(relation, "relation");
        addresses = List.copyOf(addresses);
        bankAccounts = List.copyOf(bankAccounts);
        phones = List.copyOf(phones);
        emails = List.copyOf(emails);
        tags = Set.copyOf(tags);
    }

    /** A form for an organisation (legal entity) with its name. */
    public static Builder organisation(String name) {
        return new Builder(ClientKind.ORGANISATION).name(name);
    }

    /** A form for a sole proprietor. */
    public static Builder soleProprietor(String surname, String givenName, @Nullable String patronymic) {
        return new Builder(ClientKind.SOLE_PROPRIETOR).person(surname, givenName, patronymic);
    }

    /** A form for a private person. */
    public static Builder person(String surname, String givenName, @Nullable String patronymic) {
        return new Builder(ClientKind.PERSON).person(surname, givenName, patronymic);
    }

    /** A builder holding this form's values. */
    public Builder toBuilder() {
        Builder b = new Builder(kind).relation(relation).name(name).fullName(fullName).legalForm(legalForm)
                .person(surname, givenName, patronymic).inn(inn).kpp(kpp).ogrn(ogrn).foreignTaxId(foreignTaxId)
                .region(region).industry(industry).leadSource(leadSource);
        b.addresses.addAll(addresses);
        b.bankAccounts.addAll(bankAccounts);
        b.phones.addAll(phones);
        b.emails.addAll(emails);
        b.tags.addAll(tags);
        return b;
    }

    /** Builds a {@link ClientForm}. Not thread-safe. */
    public static final class Builder {
        private ClientKind kind;
        private ClientRelation relation = ClientRelation.CUSTOMER;
        private @Nullable String name;
        private @Nullable String fullName;
        private @Nullable String legalForm;
        private @Nullable String surname;
        private @Nullable String givenName;
        private @Nullable String patronymic;
        private @Nullable String inn;
        private @Nullable String kpp;
        private @Nullable String ogrn;
        private @Nullable String foreignTaxId;
        private final List<AddressInput> addresses = new ArrayList<>();
        private final List<BankAccountInput> bankAccounts = new ArrayList<>();
        private final List<PhoneInput> phones = new ArrayList<>();
        private final List<EmailInput> emails = new ArrayList<>();
        private @Nullable String region;
        private @Nullable String industry;
        private @Nullable String leadSource;
        private final Set<String> tags = new LinkedHashSet<>();

        private Builder(ClientKind kind) {
            this.kind = kind;
        }

        public Builder kind(ClientKind kind) { this.kind = Objects.requireNonNull(kind, "kind"); return this; }
        public Builder relation(ClientRelation relation) { this.relation = Objects.requireNonNull(relation, "relation"); return this; }
        public Builder name(@Nullable String name) { this.name = name; return this; }
        public Builder fullName(@Nullable String fullName) { this.fullName = fullName; return this; }
        public Builder legalForm(@Nullable String legalForm) { this.legalForm = legalForm; return this; }

        public Builder person(@Nullable String surname, @Nullable String givenName, @Nullable String patronymic) {
            this.surname = surname;
            this.givenName = givenName;
            this.patronymic = patronymic;
            return this;
        }

        public Builder inn(@Nullable String inn) { this.inn = inn; return this; }
        public Builder kpp(@Nullable String kpp) { this.kpp = kpp; return this; }
        /** The OGRN of an organisation or the OGRNIP of a sole proprietor. */
        public Builder ogrn(@Nullable String ogrn) { this.ogrn = ogrn; return this; }
        public Builder foreignTaxId(@Nullable String foreignTaxId) { this.foreignTaxId = foreignTaxId; return this; }
        public Builder address(AddressInput address) { addresses.add(address); return this; }

        public Builder address(AddressPurpose purpose, @Nullable String postalCode, @Nullable String region,
                               @Nullable String city, @Nullable String line) {
            return address(AddressInput.ru(purpose, postalCode, region, city, line));
        }

        public Builder bankAccount(BankAccountInput account) { bankAccounts.add(account); return this; }
        public Builder phone(String number, ContactPurpose purpose) { phones.add(PhoneInput.of(number, purpose)); return this; }
        public Builder phone(String number) { return phone(number, ContactPurpose.WORK); }
        public Builder phone(PhoneInput phone) { phones.add(phone); return this; }
        public Builder email(String address, ContactPurpose purpose) { emails.add(EmailInput.of(address, purpose)); return this; }
        public Builder email(String address) { return email(address, ContactPurpose.WORK); }
        public Builder region(@Nullable String region) { this.region = region; return this; }
        public Builder industry(@Nullable String industry) { this.industry = industry; return this; }
        public Builder leadSource(@Nullable String leadSource) { this.leadSource = leadSource; return this; }
        public Builder tag(String tag) { tags.add(tag); return this; }

        public ClientForm build() {
            return new ClientForm(kind, relation, name, fullName, legalForm, surname, givenName, patronymic, inn, kpp,
                    ogrn, foreignTaxId, addresses, bankAccounts, phones, emails, region, industry, leadSource, tags);
        }
    }
}
