package org.crm4j.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.crm4j.common.Address;
import org.crm4j.common.ContactEmail;
import org.crm4j.common.ContactPhone;
import org.crm4j.common.Email;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.PersonName;
import org.crm4j.common.PhoneNumber;
import org.crm4j.common.Violations;
import org.crm4j.requisites.BankAccount;
import org.jspecify.annotations.Nullable;

/**
 * The client card (карта клиента, M-1): the root of the client aggregate and the single view of a client.
 * Immutable and thread-safe: lists and sets are unmodifiable copies, so a card never changes after it is built;
 * a change produces a new card (see {@link #toBuilder()}). A card is valid once built: the constructor checks
 * that the parts agree with the kind (an organisation has a 10-digit INN and no OGRNIP; a person or a sole
 * proprietor has a person's name and a 12-digit INN) and reports every broken rule at once.
 *
 * @param id                 identity
 * @param version            the optimistic-locking version: 0 before the first save, then 1, 2, …
 * @param kind               organisation, sole proprietor or person
 * @param relation           customer, supplier, … or an internal department or employee
 * @param name               the name people use ("Рога и копыта"; for a person, their full name)
 * @param fullName           the official full name, or {@code null}
 * @param legalForm          the legal form ("ООО", "АО", "GmbH"), or {@code null}
 * @param personName         the name of a person or sole proprietor, {@code null} for an organisation
 * @param requisites         INN, KPP, OGRN/OGRNIP, foreign tax id
 * @param addresses          addresses by purpose
 * @param bankAccounts       bank accounts
 * @param phones             the client's own phones
 * @param emails             the client's own e-mail addresses
 * @param contactPersons     people at the client
 * @param assignments        the history of responsible managers, oldest first; the last one is current
 * @param segments           region and industry codes
 * @param leadSource         the code of how the client learned of the company (M-3.2), or {@code null}
 * @param tags               free tags
 * @param createdAt          when the card was registered
 * @param updatedAt          when the card last changed
 */
public record ClientCard(ClientId id, long version, ClientKind kind, ClientRelation relation, String name,
                         @Nullable String fullName, @Nullable String legalForm, @Nullable PersonName personName,
                         Requisites requisites, List<Address> addresses, List<BankAccount> bankAccounts,
                         List<ContactPhone> phones, List<ContactEmail> emails, List<ContactPerson> contactPersons,
                         List<ManagerAssignment> assignments, Segments segments, @Nullable String leadSource,
                         Set<String> tags, Instant createdAt, Instant updatedAt) {

    public ClientCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requisites, "requisites");
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        addresses = List.copyOf(addresses);
        bankAccounts = List.copyOf(bankAccounts);
        phones = List.copyOf(phones);
        emails = List.copyOf(emails);
        contactPersons = List.copyOf(contactPersons);
        assignments = List.copyOf(assignments);

        Violations v = new Violations();
        if (version < 0) {
            v.add("version", "version.negative", version, "version must not be negative, was " + version);
        }
        name = name.strip().replaceAll("\\s+", " ");
        if (name.isEmpty() || name.length() > 300) {
            v.add("name", "client.name", name, "name must have 1 to 300 characters");
        }
        fullName = optionalText(v, "fullName", fullName, 500);
        legalForm = optionalText(v, "legalForm", legalForm, 100);
        leadSource = Segments.code(v, "leadSource", leadSource);
        tags = tags(v, tags);
        checkKind(v, kind, relation, personName, requisites);
        checkUniqueItems(v, phones, emails, contactPersons);
        for (int i = 1; i < assignments.size(); i++) {
            if (assignments.get(i).at().isBefore(assignments.get(i - 1).at())) {
                v.add("assignments[" + i + "]", "assignment.order", assignments.get(i).at(),
                        "manager assignments must be in time order");
            }
        }
        v.throwIfAny();
    }

    private static void checkKind(Violations v, ClientKind kind, ClientRelation relation,
                                  @Nullable PersonName personName, Requisites r) {
        if (kind == ClientKind.ORGANISATION) {
            if (personName != null) {
                v.add("personName", "client.person-name-kind", personName,
                        "an organisation has no person's name; the kind sole proprietor or person has");
            }
            if (r.inn() != null && !r.inn().isOrganisation()) {
                v.add("requisites.inn", "client.inn-kind", r.inn(), "an organisation has a 10-digit INN");
            }
            if (r.ogrnip() != null) {
                v.add("requisites.ogrnip", "client.ogrnip-kind", r.ogrnip(), "an organisation has an OGRN, not an OGRNIP");
            }
        } else {
            if (personName == null) {
                v.add("personName", "client.person-name", null, "a " + label(kind) + " needs a person's name");
            }
            if (r.inn() != null && !r.inn().isIndividual()) {
                v.add("requisites.inn", "client.inn-kind", r.inn(), "a " + label(kind) + " has a 12-digit INN");
            }
            if (r.kpp() != null) {
                v.add("requisites.kpp", "client.kpp-kind", r.kpp(), "only an organisation has a KPP");
            }
            if (r.ogrn() != null) {
                v.add("requisites.ogrn", "client.ogrn-kind", r.ogrn(), "only an organisation has an OGRN");
            }
            if (kind == ClientKind.PERSON && r.ogrnip() != null) {
                v.add("requisites.ogrnip", "client.ogrnip-kind", r.ogrnip(), "only a sole proprietor has an OGRNIP");
            }
        }
        if (relation == ClientRelation.EMPLOYEE && kind != ClientKind.PERSON) {
            v.add("relation", "client.relation-kind", relation, "an employee client is a person");
        }
        if (relation == ClientRelation.DEPARTMENT && kind != ClientKind.ORGANISATION) {
            v.add("relation", "client.relation-kind", relation, "a department client is an organisation");
        }
    }

    private static String label(ClientKind kind) {
        return kind == ClientKind.PERSON ? "person" : "sole proprietor";
    }

    private static void checkUniqueItems(Violations v, List<ContactPhone> phones, List<ContactEmail> emails,
                                         List<ContactPerson> contacts) {
        Set<PhoneNumber> seenPhones = new HashSet<>();
        for (int i = 0; i < phones.size(); i++) {
            if (!seenPhones.add(phones.get(i).number())) {
                v.add("phones[" + i + "]", "phone.duplicate", phones.get(i).number(), "the phone is listed twice");
            }
        }
        Set<Email> seenEmails = new HashSet<>();
        for (int i = 0; i < emails.size(); i++) {
            if (!seenEmails.add(emails.get(i).address())) {
                v.add("emails[" + i + "]", "email.duplicate", emails.get(i).address(), "the e-mail is listed twice");
            }
        }
        Set<ContactPersonId> ids = new HashSet<>();
        for (int i = 0; i < contacts.size(); i++) {
            if (!ids.add(contacts.get(i).id())) {
                v.add("contactPersons[" + i + "]", "contact-person.duplicate-id", contacts.get(i).id(),
                        "two contact persons have the same id");
            }
        }
    }

    private static @Nullable String optionalText(Violations v, String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            v.add(field, "text.length", stripped, field + " must be at most " + max + " characters");
        }
        return stripped;
    }

    private static Set<String> tags(Violations v, Set<String> tags) {
        Set<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = Objects.requireNonNull(tag, "tag").strip();
            if (t.isEmpty() || t.length() > 64) {
                v.add("tags", "tag.length", tag, "a tag must have 1 to 64 characters, was '" + tag + "'");
            } else {
                out.add(t);
            }
        }
        return Set.copyOf(out);
    }

    /** The manager responsible for the client now, if any. */
    public Optional<EmployeeId> responsibleManager() {
        return assignments.isEmpty() ? Optional.empty() : Optional.ofNullable(assignments.get(assignments.size() - 1).manager());
    }

    /** The contact person with this id, if the card has one. */
    public Optional<ContactPerson> contactPerson(ContactPersonId contactId) {
        return contactPersons.stream().filter(c -> c.id().equals(contactId)).findFirst();
    }

    /** Every phone of the card and of its contact persons, without repeats: what a caller can be found by. */
    public Set<PhoneNumber> allPhones() {
        Set<PhoneNumber> all = new LinkedHashSet<>();
        phones.forEach(p -> all.add(p.number()));
        contactPersons.forEach(c -> c.phones().forEach(p -> all.add(p.number())));
        return all;
    }

    /** Every e-mail address of the card and of its contact persons, without repeats. */
    public Set<Email> allEmails() {
        Set<Email> all = new LinkedHashSet<>();
        Stream.concat(emails.stream(), contactPersons.stream().flatMap(c -> c.emails().stream()))
                .forEach(e -> all.add(e.address()));
        return all;
    }

    /** The search key of the name; see {@link ClientNames#searchKey}. */
    public String nameKey() {
        return ClientNames.searchKey(name);
    }

    /** A builder holding this card's values, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder for a new card; id, kind, relation, name and the two times are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ClientCard}. Not thread-safe; the card it builds is. */
    public static final class Builder {
        private @Nullable ClientId id;
        private long version;
        private @Nullable ClientKind kind;
        private ClientRelation relation = ClientRelation.CUSTOMER;
        private @Nullable String name;
        private @Nullable String fullName;
        private @Nullable String legalForm;
        private @Nullable PersonName personName;
        private Requisites requisites = Requisites.NONE;
        private List<Address> addresses = new ArrayList<>();
        private List<BankAccount> bankAccounts = new ArrayList<>();
        private List<ContactPhone> phones = new ArrayList<>();
        private List<ContactEmail> emails = new ArrayList<>();
        private List<ContactPerson> contactPersons = new ArrayList<>();
        private List<ManagerAssignment> assignments = new ArrayList<>();
        private Segments segments = Segments.NONE;
        private @Nullable String leadSource;
        private Set<String> tags = new LinkedHashSet<>();
        private @Nullable Instant createdAt;
        private @Nullable Instant updatedAt;

        private Builder() {
        }

        private Builder(ClientCard c) {
            id = c.id;
            version = c.version;
            kind = c.kind;
            relation = c.relation;
            name = c.name;
            fullName = c.fullName;
            legalForm = c.legalForm;
            personName = c.personName;
            requisites = c.requisites;
            addresses = new ArrayList<>(c.addresses);
            bankAccounts = new ArrayList<>(c.bankAccounts);
            phones = new ArrayList<>(c.phones);
            emails = new ArrayList<>(c.emails);
            contactPersons = new ArrayList<>(c.contactPersons);
            assignments = new ArrayList<>(c.assignments);
            segments = c.segments;
            leadSource = c.leadSource;
            tags = new LinkedHashSet<>(c.tags);
            createdAt = c.createdAt;
            updatedAt = c.updatedAt;
        }

        public Builder id(ClientId id) { this.id = id; return this; }
        public Builder version(long version) { this.version = version; return this; }
        public Builder kind(ClientKind kind) { this.kind = kind; return this; }
        public Builder relation(ClientRelation relation) { this.relation = relation; return this; }
        public Builder name(String name) { this.name = name; return this; }
        public Builder fullName(@Nullable String fullName) { this.fullName = fullName; return this; }
        public Builder legalForm(@Nullable String legalForm) { this.legalForm = legalForm; return this; }
        public Builder personName(@Nullable PersonName personName) { this.personName = personName; return this; }
        public Builder requisites(Requisites requisites) { this.requisites = requisites; return this; }
        public Builder addresses(List<Address> addresses) { this.addresses = new ArrayList<>(addresses); return this; }
        public Builder address(Address address) { this.addresses.add(address); return this; }
        public Builder bankAccounts(List<BankAccount> accounts) { this.bankAccounts = new ArrayList<>(accounts); return this; }
        public Builder bankAccount(BankAccount account) { this.bankAccounts.add(account); return this; }
        public Builder phones(List<ContactPhone> phones) { this.phones = new ArrayList<>(phones); return this; }
        public Builder phone(ContactPhone phone) { this.phones.add(phone); return this; }
        public Builder emails(List<ContactEmail> emails) { this.emails = new ArrayList<>(emails); return this; }
        public Builder email(ContactEmail email) { this.emails.add(email); return this; }
        public Builder contactPersons(List<ContactPerson> contacts) { this.contactPersons = new ArrayList<>(contacts); return this; }
        public Builder contactPerson(ContactPerson contact) { this.contactPersons.add(contact); return this; }
        public Builder assignments(List<ManagerAssignment> assignments) { this.assignments = new ArrayList<>(assignments); return this; }
        public Builder assignment(ManagerAssignment assignment) { this.assignments.add(assignment); return this; }
        public Builder segments(Segments segments) { this.segments = segments; return this; }
        public Builder leadSource(@Nullable String leadSource) { this.leadSource = leadSource; return this; }
        public Builder tags(Set<String> tags) { this.tags = new LinkedHashSet<>(tags); return this; }
        public Builder tag(String tag) { this.tags.add(tag); return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }

        /** Both times at once, for a new card. */
        public Builder at(Instant at) { this.createdAt = at; this.updatedAt = at; return this; }

        public ClientCard build() {
            return new ClientCard(Objects.requireNonNull(id, "id"), version, Objects.requireNonNull(kind, "kind"),
                    relation, Objects.requireNonNull(name, "name"), fullName, legalForm, personName, requisites,
                    addresses, bankAccounts, phones, emails, contactPersons, assignments, segments, leadSource, tags,
                    Objects.requireNonNull(createdAt, "createdAt"), Objects.requireNonNull(updatedAt, "updatedAt"));
        }
    }
}
