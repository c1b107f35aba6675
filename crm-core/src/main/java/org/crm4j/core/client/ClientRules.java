package org.crm4j.core.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientEvent;
import org.crm4j.client.ClientForm;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientKind;
import org.crm4j.client.ContactForm;
import org.crm4j.client.ContactPerson;
import org.crm4j.client.ContactPersonId;
import org.crm4j.client.ManagerAssignment;
import org.crm4j.client.Segments;
import org.crm4j.classifier.ClassifierKind;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.NotFoundException;
import org.crm4j.common.PersonName;
import org.crm4j.common.Violations;
import org.crm4j.core.classifier.ClassifierCodes;
import org.crm4j.core.common.Decision;
import org.crm4j.core.common.PhoneNumbers;
import org.jspecify.annotations.Nullable;

/**
 * The rules of the client card, as pure functions: a card (or nothing), a command's input and the time go in;
 * the new card and the events come out. No storage, clock or logging inside, so every rule can be tested in
 * isolation. A rule that refuses throws a {@link org.crm4j.common.ValidationException} carrying every
 * violation of the input at once. Immutable and thread-safe.
 */
public final class ClientRules {
    private final ClientForms forms;
    private final ClassifierCodes codes;

    /** Rules reading phones with {@code phoneNumbers}' default region and accepting every dictionary code. */
    public ClientRules(PhoneNumbers phoneNumbers) {
        this(phoneNumbers, ClassifierCodes.any());
    }

    /** Rules reading phones with {@code phoneNumbers}' default region and checking codes with {@code codes}. */
    public ClientRules(PhoneNumbers phoneNumbers, ClassifierCodes codes) {
        this.forms = new ClientForms(Objects.requireNonNull(phoneNumbers, "phoneNumbers"));
        this.codes = Objects.requireNonNull(codes, "codes");
    }

    /**
     * Registers a new client from a form and its contact persons.
     *
     * @param id         the new card's id
     * @param form       the formal section as typed
     * @param contacts   the contact persons as typed
     * @param contactIds where the contact persons' ids come from
     * @param at         now
     */
    public Decision<ClientCard, ClientEvent> register(ClientId id, ClientForm form, List<ContactForm> contacts,
                                                      Supplier<UUID> contactIds, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Violations v = new Violations();
        ClientCard.Builder card = formalSection(v, ClientCard.builder().id(id).at(at), form, null);
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        List<ContactPerson> people = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            ContactPerson person = forms.contactPerson(v, "contacts[" + i + "].",
                    ContactPersonId.of(contactIds.get()), contacts.get(i), today);
            if (person != null) {
                people.add(person);
            }
        }
        ClientCard built = build(v, card.contactPersons(people));
        return Decision.of(built, new ClientEvent.ClientRegistered(id, at));
    }

    /** Replaces the formal section (names, requisites, addresses, accounts, phones, e-mails, segments, tags). */
    public Decision<ClientCard, ClientEvent> changeFormalSection(ClientCard card, ClientForm form, Instant at) {
        Objects.requireNonNull(card, "card");
        Violations v = new Violations();
        ClientCard.Builder changed = formalSection(v, card.toBuilder().updatedAt(at), form, card);
        return Decision.of(build(v, changed), new ClientEvent.FormalSectionChanged(card.id(), at));
    }

    /** Adds a contact person with the given id. */
    public Decision<ClientCard, ClientEvent> addContactPerson(ClientCard card, ContactPersonId contactId,
                                                              ContactForm form, Instant at) {
        Objects.requireNonNull(card, "card");
        Violations v = new Violations();
        ContactPerson person = forms.contactPerson(v, "", contactId, form, LocalDate.ofInstant(at, ZoneOffset.UTC));
        v.throwIfAny();
        ClientCard.Builder changed = card.toBuilder().contactPerson(Objects.requireNonNull(person)).updatedAt(at);
        return Decision.of(build(v, changed), new ClientEvent.ContactPersonAdded(card.id(), contactId, at));
    }

    /** Replaces what is known of a contact person, keeping its id and its place in the list. */
    public Decision<ClientCard, ClientEvent> changeContactPerson(ClientCard card, ContactPersonId contactId,
                                                                 ContactForm form, Instant at) {
        Objects.requireNonNull(card, "card");
        int index = indexOf(card, contactId);
        Violations v = new Violations();
        ContactPerson person = forms.contactPerson(v, "", contactId, form, LocalDate.ofInstant(at, ZoneOffset.UTC));
        v.throwIfAny();
        List<ContactPerson> people = new ArrayList<>(card.contactPersons());
        people.set(index, Objects.requireNonNull(person));
        ClientCard.Builder changed = card.toBuilder().contactPersons(people).updatedAt(at);
        return Decision.of(build(v, changed), new ClientEvent.ContactPersonChanged(card.id(), contactId, at));
    }

    /** Removes a contact person. */
    public Decision<ClientCard, ClientEvent> removeContactPerson(ClientCard card, ContactPersonId contactId,
                                                                 Instant at) {
        Objects.requireNonNull(card, "card");
        int index = indexOf(card, contactId);
        List<ContactPerson> people = new ArrayList<>(card.contactPersons());
        people.remove(index);
        return Decision.of(card.toBuilder().contactPersons(people).updatedAt(at).build(),
                new ClientEvent.ContactPersonRemoved(card.id(), contactId, at));
    }

    /**
     * Makes {@code manager} responsible for the client from {@code at} on ({@code null}: nobody), appending to
     * the assignment history. Assigning the manager already responsible changes nothing and raises no event.
     */
    public Decision<ClientCard, ClientEvent> assignManager(ClientCard card, @Nullable EmployeeId manager,
                                                           @Nullable EmployeeId assignedBy, @Nullable String reason,
                                                           Instant at) {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(at, "at");
        Optional<EmployeeId> previous = card.responsibleManager();
        if (previous.equals(Optional.ofNullable(manager))) {
            return Decision.of(card);
        }
        if (!card.assignments().isEmpty() && at.isBefore(card.assignments().get(card.assignments().size() - 1).at())) {
            Violations v = new Violations();
            v.add("at", "assignment.order", at, "an assignment cannot take effect before the previous one");
            v.throwIfAny();
        }
        ClientCard changed = card.toBuilder()
                .assignment(new ManagerAssignment(manager, at, assignedBy, reason))
                .updatedAt(at)
                .build();
        return Decision.of(changed,
                new ClientEvent.ResponsibleManagerAssigned(card.id(), previous.orElse(null), manager, at));
    }

    /**
     * The card's formal section from the form; dictionary codes are checked unless they are those of the card
     * as it was ({@code before}), so a code deactivated since stays on the cards that have it.
     */
    private ClientCard.Builder formalSection(Violations v, ClientCard.Builder card, ClientForm form,
                                             @Nullable ClientCard before) {
        Segments segments = forms.segments(v, form.region(), form.industry());
        String leadSource = ClientForms.blank(form.leadSource()) ? null : form.leadSource().strip();
        codes.checkChanged(v, "leadSource", ClassifierKind.LEAD_SOURCE, leadSource,
                before == null ? null : before.leadSource());
        codes.checkChanged(v, "region", ClassifierKind.REGION, segments.region(),
                before == null ? null : before.segments().region());
        codes.checkChanged(v, "industry", ClassifierKind.INDUSTRY, segments.industry(),
                before == null ? null : before.segments().industry());
        ClientKind kind = form.kind();
        PersonName person = null;
        if (kind == ClientKind.ORGANISATION) {
            if (!ClientForms.blank(form.surname()) || !ClientForms.blank(form.givenName())) {
                v.add("surname", "client.person-name-kind", form.surname(),
                        "an organisation has no person's name; choose the kind sole proprietor or person");
            }
        } else {
            person = forms.personName(v, "", form.surname(), form.givenName(), form.patronymic());
        }
        String name = form.name();
        if (ClientForms.blank(name) && person != null) {
            name = kind == ClientKind.SOLE_PROPRIETOR ? "ИП " + person.fullName() : person.fullName();
        }
        return card.kind(kind)
                .relation(form.relation())
                .name(name == null ? "" : name)
                .fullName(form.fullName())
                .legalForm(form.legalForm())
                .personName(person)
                .requisites(forms.requisites(v, kind, form.inn(), form.kpp(), form.ogrn(), form.foreignTaxId()))
                .addresses(forms.addresses(v, form.addresses()))
                .bankAccounts(forms.bankAccounts(v, form.bankAccounts()))
                .phones(forms.phones(v, "", form.phones()))
                .emails(forms.emails(v, "", form.emails()))
                .segments(segments)
                .leadSource(leadSource)
                .tags(form.tags());
    }

    /**
     * Builds the card, adding the card's own rules (kind and requisites agree, no repeated phones, …) to the
     * violations found while reading the input, and throws them all at once.
     */
    private static ClientCard build(Violations v, ClientCard.Builder card) {
        ClientCard built = v.nested("", card::build);
        v.throwIfAny();
        return Objects.requireNonNull(built);
    }

    private static int indexOf(ClientCard card, ContactPersonId contactId) {
        Objects.requireNonNull(contactId, "contactId");
        for (int i = 0; i < card.contactPersons().size(); i++) {
            if (card.contactPersons().get(i).id().equals(contactId)) {
                return i;
            }
        }
        throw new NotFoundException("contact-person", contactId);
    }
}
