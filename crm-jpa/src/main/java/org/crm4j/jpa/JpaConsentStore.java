package org.crm4j.jpa;

import jakarta.persistence.PersistenceException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.client.ClientId;
import org.crm4j.client.ContactPersonId;
import org.crm4j.common.DuplicateException;
import org.crm4j.consent.Consent;
import org.crm4j.consent.ConsentId;
import org.crm4j.consent.ConsentPurpose;
import org.crm4j.consent.ConsentStore;
import org.crm4j.consent.ContactMechanism;

/**
 * {@link ConsentStore} over JPA: rows only inserted; the current consent is one select over the subject index,
 * latest first and a withdrawal before a grant of the same moment, limited to one row.
 */
final class JpaConsentStore implements ConsentStore {
    /** Oldest first; at the same moment a grant before a withdrawal; then by id text (databases order UUIDs apart). */
    private static final Comparator<Consent> HISTORY = Comparator.comparing(Consent::at)
            .thenComparing(Consent::granted, Comparator.reverseOrder())
            .thenComparing(c -> c.id().toString());

    private final JpaSession session;

    JpaConsentStore(JpaSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public Consent insert(Consent consent) {
        Objects.requireNonNull(consent, "consent");
        ConsentEntity row = toRow(consent);
        return session.inTransaction(em -> {
            try {
                em.persist(row);
                em.flush();
                session.release(em, List.of(row));
                return consent;
            } catch (PersistenceException e) {
                throw JpaExceptions.translate(e, violated -> new DuplicateException("consent", "id", consent.id()));
            }
        });
    }

    @Override
    public Optional<Consent> current(ClientId client, ContactMechanism mechanism, String address,
                                     ConsentPurpose purpose) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(purpose, "purpose");
        return session.select(em -> em.createQuery("select c from CrmConsent c where c.clientId = :client "
                                + "and c.mechanism = :mechanism and c.address = :address and c.purpose = :purpose "
                                + "order by c.givenAt desc, c.granted asc", ConsentEntity.class)
                        .setParameter("client", client.value()).setParameter("mechanism", mechanism.name())
                        .setParameter("address", address).setParameter("purpose", purpose.name())
                        .setMaxResults(1),
                JpaConsentStore::toConsent).stream().findFirst();
    }

    @Override
    public List<Consent> findByClient(ClientId client) {
        Objects.requireNonNull(client, "client");
        return session.select(em -> em.createQuery("select c from CrmConsent c where c.clientId = :client",
                        ConsentEntity.class).setParameter("client", client.value()), JpaConsentStore::toConsent)
                .stream().sorted(HISTORY).toList();
    }

    private static ConsentEntity toRow(Consent consent) {
        ConsentEntity row = new ConsentEntity(consent.id().value());
        row.clientId = consent.client().value();
        row.contactId = consent.contact() == null ? null : consent.contact().value();
        row.mechanism = consent.mechanism().name();
        row.address = consent.address();
        row.purpose = consent.purpose().name();
        row.granted = consent.granted();
        row.givenAt = consent.at();
        row.source = consent.source();
        return row;
    }

    private static Consent toConsent(ConsentEntity row) {
        return new Consent(ConsentId.of(row.id), ClientId.of(row.clientId),
                row.contactId == null ? null : ContactPersonId.of(row.contactId),
                ContactMechanism.valueOf(row.mechanism), row.address, ConsentPurpose.valueOf(row.purpose),
                row.granted, row.givenAt, row.source);
    }
}
