package org.crm4j.core.client;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientEvent;
import org.crm4j.client.ClientForm;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientNames;
import org.crm4j.client.ClientNotFoundException;
import org.crm4j.client.ClientStore;
import org.crm4j.client.ContactForm;
import org.crm4j.client.ContactPersonId;
import org.crm4j.client.PhoneMatch;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.CrmEventListener;
import org.crm4j.common.Email;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.PhoneNumber;
import org.crm4j.common.Transactions;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violations;
import org.crm4j.core.classifier.ClassifierCodes;
import org.crm4j.core.common.Events;
import org.crm4j.core.common.Decision;
import org.crm4j.core.common.Ids;
import org.crm4j.core.common.PhoneNumbers;
import org.crm4j.requisites.Inn;
import org.jspecify.annotations.Nullable;

/**
 * The client card's use cases (M-1, M-6.3, M-6.4), returned by {@code crm.clients()}: register a client, change
 * its formal section and contact persons, assign its responsible manager, and find clients by id, phone
 * (caller identification), INN, e-mail or name.
 *
 * <p>Every command reads and checks its whole input before it changes anything, reports every violation at
 * once in one {@link ValidationException}, and runs its load and save in one transaction. Commands that edit
 * what a person saw take the version they saw ({@code expectedVersion}); if someone saved in between, they
 * throw {@link ConcurrentModificationException} and change nothing. Events go to the listener in the transaction of the save (crm4j's
 * outbox, which delivers them after the commit).
 *
 * <p>Thread-safe.
 */
public final class Clients {
    private static final int ASSIGN_ATTEMPTS = 5;

    private final ClientStore store;
    private final Transactions transactions;
    private final Clock clock;
    private final Ids ids;
    private final PhoneNumbers phoneNumbers;
    private final ClientRules rules;
    private final CrmEventListener listener;

    /**
     * The use cases over a store. Usually built by {@code Crm.builder()}; public so that they can be used
     * without the entry point, in tests for instance.
     */
    public Clients(ClientStore store, Transactions transactions, Clock clock, PhoneNumbers phoneNumbers,
                   CrmEventListener listener) {
        this(store, transactions, clock, phoneNumbers, listener, ClassifierCodes.any());
    }

    /**
     * The use cases over a store, checking lead sources, regions and industries with {@code codes} (as
     * {@code Crm} does with its dictionaries).
     */
    public Clients(ClientStore store, Transactions transactions, Clock clock, PhoneNumbers phoneNumbers,
                   CrmEventListener listener, ClassifierCodes codes) {
        this.store = Objects.requireNonNull(store, "store");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.phoneNumbers = Objects.requireNonNull(phoneNumbers, "phoneNumbers");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.ids = new Ids(clock);
        this.rules = new ClientRules(phoneNumbers, codes);
    }

    /** Registers a client without contact persons. */
    public ClientCard register(ClientForm form) {
        return register(form, List.of());
    }

    /**
     * Registers a client with its contact persons.
     *
     * @throws ValidationException with every violation of the form and the contacts, including a client already
     *                             registered with the same INN and KPP ({@code client.duplicate-inn})
     */
    public ClientCard register(ClientForm form, List<ContactForm> contacts) {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(contacts, "contacts");
        Instant now = clock.instant();
        Decision<ClientCard, ClientEvent> decision = transactions.inTransaction(() -> {
            Decision<ClientCard, ClientEvent> d = rules.register(ClientId.of(ids.next()), form, contacts, ids::next, now);
            refuseDuplicate(d.state());
            return published(new Decision<>(store.save(d.state()), d.events()));
        });
        return decision.state();
    }

    /** Replaces the formal section of the card the caller saw at {@code expectedVersion}. */
    public ClientCard changeFormalSection(ClientId id, long expectedVersion, ClientForm form) {
        Objects.requireNonNull(form, "form");
        return change(id, expectedVersion, card -> {
            Decision<ClientCard, ClientEvent> d = rules.changeFormalSection(card, form, clock.instant());
            refuseDuplicate(d.state());
            return d;
        });
    }

    /** Adds a contact person; the new person is the last of {@link ClientCard#contactPersons()}. */
    public ClientCard addContactPerson(ClientId id, long expectedVersion, ContactForm form) {
        Objects.requireNonNull(form, "form");
        ContactPersonId contactId = ContactPersonId.of(ids.next());
        return change(id, expectedVersion, card -> rules.addContactPerson(card, contactId, form, clock.instant()));
    }

    /** Replaces what is known of a contact person. */
    public ClientCard changeContactPerson(ClientId id, long expectedVersion, ContactPersonId contactId,
                                          ContactForm form) {
        Objects.requireNonNull(form, "form");
        return change(id, expectedVersion, card -> rules.changeContactPerson(card, contactId, form, clock.instant()));
    }

    /** Removes a contact person. */
    public ClientCard removeContactPerson(ClientId id, long expectedVersion, ContactPersonId contactId) {
        return change(id, expectedVersion, card -> rules.removeContactPerson(card, contactId, clock.instant()));
    }

    /**
     * Makes {@code manager} responsible for the client from now on ({@code null}: nobody), keeping the history of
     * assignments. An assignment does not depend on what its caller saw, so a concurrent change of the card is
     * retried (a few times) rather than refused.
     *
     * @param assignedBy who assigns, or {@code null} for a rule or an import
     * @param reason     why, or {@code null}
     */
    public ClientCard assignManager(ClientId id, @Nullable EmployeeId manager, @Nullable EmployeeId assignedBy,
                                    @Nullable String reason) {
        Objects.requireNonNull(id, "id");
        for (int attempt = 1; ; attempt++) {
            try {
                return change(id, null,
                        card -> rules.assignManager(card, manager, assignedBy, reason, clock.instant()));
            } catch (ConcurrentModificationException e) {
                if (attempt == ASSIGN_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The card, if there is one with this id. */
    public Optional<ClientCard> find(ClientId id) {
        return transactions.inTransaction(() -> store.findById(Objects.requireNonNull(id, "id")));
    }

    /** The card with this id. @throws ClientNotFoundException when there is none */
    public ClientCard get(ClientId id) {
        return find(id).orElseThrow(() -> new ClientNotFoundException(id));
    }

    /**
     * Caller identification: the clients having the number as typed or as the exchange reports it
     * ({@code "8 (495) 123-45-67"}), read with the default region, among their own phones and their contact
     * persons' phones. Each match says which contact person the number belongs to.
     *
     * @throws ValidationException when the text is not a valid phone number
     */
    public List<PhoneMatch> findByPhone(String typed) {
        return findByPhone(phoneNumbers.parse(typed));
    }

    /** Caller identification by a normalised number. */
    public List<PhoneMatch> findByPhone(PhoneNumber phone) {
        Objects.requireNonNull(phone, "phone");
        List<ClientCard> cards = transactions.inTransaction(() -> store.findByPhone(phone));
        List<PhoneMatch> matches = new ArrayList<>(cards.size());
        cards.forEach(card -> matches.add(PhoneMatch.of(card, phone)));
        return matches;
    }

    /** Clients with the INN as typed: an organisation and its branches, or a person. */
    public List<ClientCard> findByInn(String inn) {
        Inn parsed = Inn.of(Objects.requireNonNull(inn, "inn"));
        return transactions.inTransaction(() -> store.findByInn(parsed));
    }

    /** Clients having the e-mail address, their own or a contact person's, however its case was typed. */
    public List<ClientCard> findByEmail(String email) {
        Email parsed = Email.of(Objects.requireNonNull(email, "email"));
        return transactions.inTransaction(() -> store.findByEmail(parsed));
    }

    /**
     * Clients whose name starts with the text, ignoring case, quotes and the difference of ё and е, in name
     * order, at most {@code limit} (1 to 1000).
     */
    public List<ClientCard> findByName(String prefix, int limit) {
        Objects.requireNonNull(prefix, "prefix");
        Violations v = new Violations();
        String key = ClientNames.searchKey(prefix);
        if (key.isEmpty()) {
            v.add("prefix", "search.prefix-empty", prefix, "type at least one letter of the name");
        }
        if (limit < 1 || limit > 1000) {
            v.add("limit", "search.limit", limit, "limit must be 1 to 1000, was " + limit);
        }
        v.throwIfAny();
        return transactions.inTransaction(() -> store.findByNamePrefix(key, limit));
    }

    private ClientCard change(ClientId id, @Nullable Long expectedVersion,
                              Function<ClientCard, Decision<ClientCard, ClientEvent>> rule) {
        Objects.requireNonNull(id, "id");
        Decision<ClientCard, ClientEvent> decision = transactions.inTransaction(() -> {
            ClientCard card = store.findById(id).orElseThrow(() -> new ClientNotFoundException(id));
            if (expectedVersion != null && card.version() != expectedVersion) {
                throw new ConcurrentModificationException("client", id, expectedVersion, card.version());
            }
            Decision<ClientCard, ClientEvent> d = rule.apply(card);
            if (d.events().isEmpty()) {
                return d;
            }
            return published(new Decision<>(store.save(d.state()), d.events()));
        });
        return decision.state();
    }

    private void refuseDuplicate(ClientCard card) {
        String key = card.requisites().uniqueKey();
        if (key == null) {
            return;
        }
        for (ClientCard other : store.findByInn(Objects.requireNonNull(card.requisites().inn()))) {
            if (!other.id().equals(card.id()) && key.equals(other.requisites().uniqueKey())) {
                throw new ValidationException("requisites.inn", "client.duplicate-inn", key,
                        "client " + other.id() + " (" + other.name() + ") already has INN/KPP " + key);
            }
        }
    }

    /** Hands the decision's events to the listener, in the transaction that saved its state. */
    private Decision<ClientCard, ClientEvent> published(Decision<ClientCard, ClientEvent> decision) {
        Events.publish(listener, decision.events());
        return decision;
    }
}
