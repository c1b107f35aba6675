package org.crm4j.core.consent;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientNotFoundException;
import org.crm4j.client.ClientStore;
import org.crm4j.client.ContactPersonId;
import org.crm4j.common.Transactions;
import org.crm4j.common.ValidationException;
import org.crm4j.consent.Consent;
import org.crm4j.consent.ConsentId;
import org.crm4j.consent.ConsentPurpose;
import org.crm4j.consent.ConsentStore;
import org.crm4j.consent.ContactMechanism;
import org.crm4j.core.common.Ids;
import org.crm4j.core.common.PhoneNumbers;
import org.jspecify.annotations.Nullable;

/**
 * Clients' consents to be contacted (M-6.2): grants and withdrawals per mechanism, address and purpose, with
 * their time and source, kept as a history; the current consent is the latest record. Marketing messages are
 * never sent without a current grant (see {@code Mailing}). Thread-safe.
 */
public final class Consents {
    private final ConsentStore store;
    private final ClientStore clients;
    private final Transactions transactions;
    private final Clock clock;
    private final Ids ids;
    private final PhoneNumbers phoneNumbers;

    /** Consents kept in {@code store}, about the cards of {@code clients}, timed by {@code clock}. */
    public Consents(ConsentStore store, ClientStore clients, Transactions transactions, Clock clock,
                    PhoneNumbers phoneNumbers) {
        this.store = Objects.requireNonNull(store, "store");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = new Ids(clock);
        this.phoneNumbers = Objects.requireNonNull(phoneNumbers, "phoneNumbers");
    }

    /**
     * Records that {@code client} (or its contact person {@code contact}) agreed now to receive messages of
     * {@code purpose} by {@code mechanism} at {@code address}, as {@code source} tells.
     *
     * @param address an e-mail address, or a phone number as typed (read with the CRM's default region)
     * @throws ClientNotFoundException when the client is not stored
     * @throws ValidationException     when the address is not one of the mechanism, the source is blank or too
     *                                 long, or the card has no such contact person
     */
    public Consent grant(ClientId client, @Nullable ContactPersonId contact, ContactMechanism mechanism,
                         String address, ConsentPurpose purpose, String source) {
        return record(client, contact, mechanism, address, purpose, true, source);
    }

    /** Records that consent of {@link #grant} was withdrawn now; the same checks. */
    public Consent withdraw(ClientId client, @Nullable ContactPersonId contact, ContactMechanism mechanism,
                            String address, ConsentPurpose purpose, String source) {
        return record(client, contact, mechanism, address, purpose, false, source);
    }

    /** The current consent for an address (typed as for {@link #grant}), empty when none was ever recorded. */
    public Optional<Consent> current(ClientId client, ContactMechanism mechanism, String address,
                                     ConsentPurpose purpose) {
        String normal = normalise(mechanism, address);
        return transactions.inTransaction(() -> store.current(client, mechanism, normal, purpose));
    }

    /** Whether a message of {@code purpose} may go to the address: for marketing, a current grant. */
    public boolean allows(ClientId client, ContactMechanism mechanism, String address, ConsentPurpose purpose) {
        Optional<Consent> current = current(client, mechanism, address, purpose);
        return purpose == ConsentPurpose.MARKETING ? current.map(Consent::granted).orElse(false)
                : current.map(Consent::granted).orElse(true);
    }

    /** A client's history of consents, oldest first. */
    public List<Consent> history(ClientId client) {
        Objects.requireNonNull(client, "client");
        return transactions.inTransaction(() -> store.findByClient(client));
    }

    /**
     * {@code address} as consents keep it: an e-mail address in lower case, a phone number in E.164 form.
     *
     * @throws ValidationException when it is not an address of the mechanism
     */
    public String normalise(ContactMechanism mechanism, String address) {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(address, "address");
        String typed = mechanism.usesPhone() ? phoneNumbers.parse(address).e164() : address;
        return Consent.normalAddress(mechanism, typed);
    }

    private Consent record(ClientId client, @Nullable ContactPersonId contact, ContactMechanism mechanism,
                           String address, ConsentPurpose purpose, boolean granted, String source) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(purpose, "purpose");
        String normal;
        try {
            normal = normalise(mechanism, Objects.requireNonNull(address, "address"));
        } catch (ValidationException e) {
            throw new ValidationException(e.violations().stream().map(v -> v.at("address")).toList());
        }
        Consent consent = new Consent(ConsentId.of(ids.next()), client, contact, mechanism, normal, purpose,
                granted, clock.instant(), source);
        return transactions.inTransaction(() -> {
            ClientCard card = clients.findById(client).orElseThrow(() -> new ClientNotFoundException(client));
            if (contact != null && card.contactPersons().stream().noneMatch(p -> p.id().equals(contact))) {
                throw new ValidationException("contact", "consent.contact", contact,
                        "the client " + client + " has no contact person " + contact);
            }
            return store.insert(consent);
        });
    }
}
