package org.crm4j.interaction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crm4j.client.ClientId;
import org.crm4j.common.DuplicateException;

/**
 * Storage of interactions, which are only ever added. An implementation proves itself with
 * {@code InteractionStoreContract} from crm-api's test-jar.
 *
 * <ul>
 *   <li>{@link #insert} refuses a taken id, or a taken external id, with a {@link DuplicateException} (key
 *       {@code id} or {@code externalId}) and writes nothing; the external id is what makes recording a call
 *       reported twice by the PBX idempotent.</li>
 *   <li>Lookups are indexed; {@link #findByClient} gives the newest first (by time, then id).</li>
 * </ul>
 */
public interface InteractionStore {
    Interaction insert(Interaction interaction);

    Optional<Interaction> findById(InteractionId id);

    Optional<Interaction> findByExternalId(String externalId);

    /** A client's interactions, newest first, at most {@code limit}. */
    List<Interaction> findByClient(ClientId client, int limit);

    /**
     * The call form's counts (M-3.3): interactions of the given types that began in each period, by lead source.
     * Period {@code k} runs from {@code boundaries[k]} included to {@code boundaries[k + 1]} excluded; only
     * counts above 0 are returned, in no particular order. One query, whatever the number of interactions.
     */
    List<PeriodCount> countByLeadSource(List<Instant> boundaries, Set<String> types);

    /** Manager activity (M-3.4): interactions that began from {@code from} (included) to {@code to}, by type. */
    List<ActivityCount> countByManagerAndType(Instant from, Instant to);
}
