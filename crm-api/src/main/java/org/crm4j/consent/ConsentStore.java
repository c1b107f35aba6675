package org.crm4j.consent;

import java.util.List;
import java.util.Optional;
import org.crm4j.client.ClientId;
import org.crm4j.common.DuplicateException;

/**
 * Storage of consents: the history of grants and withdrawals, only added to. An implementation proves itself
 * with {@code ConsentStoreContract} from crm-api's test-jar.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #insert} stores a record; a taken id is a {@link DuplicateException} (key {@code id}) and nothing
 *       is written. Records are never changed or removed.</li>
 *   <li>The <em>current</em> consent for a client, mechanism, address and purpose is the record with the latest
 *       {@link Consent#at() time}; of records with the same time, a withdrawal prevails over a grant.</li>
 *   <li>Every lookup is one indexed query whatever the number of records; implementations are thread-safe.</li>
 * </ul>
 */
public interface ConsentStore {
    /**
     * Adds a grant or withdrawal to the history.
     *
     * @return the record as stored
     */
    Consent insert(Consent consent);

    /**
     * The current record for {@code client}, {@code mechanism}, {@code address} (in the form {@link
     * Consent#normalAddress} gives) and {@code purpose}; empty when none was ever recorded.
     */
    Optional<Consent> current(ClientId client, ContactMechanism mechanism, String address, ConsentPurpose purpose);

    /**
     * A client's whole history of consents, oldest first; of records with the same time a grant comes before a
     * withdrawal, so that the last record of a subject is its current one.
     */
    List<Consent> findByClient(ClientId client);
}
