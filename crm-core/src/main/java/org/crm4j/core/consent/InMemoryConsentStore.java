package org.crm4j.core.consent;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.crm4j.client.ClientId;
import org.crm4j.common.DuplicateException;
import org.crm4j.consent.Consent;
import org.crm4j.consent.ConsentId;
import org.crm4j.consent.ConsentPurpose;
import org.crm4j.consent.ConsentStore;
import org.crm4j.consent.ContactMechanism;

/**
 * Consents in memory. Lookups scan the records, which in memory (thousands, not millions) costs less than
 * keeping an index current. Thread-safe.
 */
public final class InMemoryConsentStore implements ConsentStore {
    /** Oldest first; at the same moment a grant before a withdrawal, so the last is the current one. */
    static final Comparator<Consent> HISTORY = Comparator.comparing(Consent::at)
            .thenComparing(Consent::granted, Comparator.reverseOrder())
            .thenComparing(c -> c.id().toString());

    private final ConcurrentHashMap<ConsentId, Consent> consents = new ConcurrentHashMap<>();

    @Override
    public Consent insert(Consent consent) {
        Objects.requireNonNull(consent, "consent");
        if (consents.putIfAbsent(consent.id(), consent) != null) {
            throw new DuplicateException("consent", "id", consent.id());
        }
        return consent;
    }

    @Override
    public Optional<Consent> current(ClientId client, ContactMechanism mechanism, String address,
                                     ConsentPurpose purpose) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(address, "address");
        return consents.values().stream()
                .filter(c -> c.client().equals(client) && c.mechanism() == mechanism && c.address().equals(address)
                        && c.purpose() == purpose)
                .min(Comparator.comparing(Consent::at).reversed()
                        .thenComparing(Consent::granted));
    }

    @Override
    public List<Consent> findByClient(ClientId client) {
        Objects.requireNonNull(client, "client");
        return consents.values().stream().filter(c -> c.client().equals(client)).sorted(HISTORY).toList();
    }
}
