package org.crm4j.dossier;

import java.util.List;
import java.util.Optional;
import org.crm4j.client.ClientId;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.DuplicateException;
import org.crm4j.interaction.InteractionId;
import org.jspecify.annotations.Nullable;

/**
 * Storage of dossiers and of their timelines of facts: the port an embedding system implements to keep dossiers
 * in its own storage, or takes from crm4j (in memory in crm-core, JPA in crm-jpa). An implementation proves
 * itself with {@code DossierStoreContract} from crm-api's test-jar.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #save} follows {@link org.crm4j.storage.OptimisticLock}: version 0 inserts, version n replaces
 *       the stored version n and returns version n+1; a taken id is a {@link DuplicateException} (key
 *       {@code id}), a stale version a {@link ConcurrentModificationException}, an update of a dossier not stored
 *       a {@link DossierNotFoundException}. A link to a dossier that is not stored is refused with a
 *       {@link org.crm4j.common.NotFoundException} of aggregate {@code dossier}. Nothing is written when it
 *       throws.</li>
 *   <li>{@link #addFact} adds a fact to the timeline of a stored dossier; a taken fact id is a
 *       {@link DuplicateException} (aggregate {@code dossier-fact}, key {@code id}), a dossier not stored a
 *       {@link DossierNotFoundException}. Facts are never changed.</li>
 *   <li>Searches are indexed: by subject ({@link DossierSubjects}: a typed text matches the start of a word of the
 *       subject, whatever its case and {@code ё}/{@code е}), by tag, by client and by inbound link. Each returns
 *       dossiers by subject key, then by the id's canonical text, at most {@code limit} where it takes one.</li>
 *   <li>Facts are found by dossier (a page of its timeline) and by the interaction they were told in, each
 *       through an index.</li>
 *   <li>A timeline comes newest first: by date, then by the moment recorded, then by id, each descending; facts
 *       equal in date and moment are ordered by id as the store orders ids, the same in every read of one store,
 *       so paging with a {@link FactCursor} neither repeats nor loses a fact.</li>
 *   <li>Returned records are the stored state; implementations are thread-safe.</li>
 * </ul>
 */
public interface DossierStore {
    /**
     * Inserts a new dossier (version 0) or replaces the stored one whose version equals {@code dossier.version()}.
     *
     * @return the dossier as stored, with its version increased by one
     */
    Dossier save(Dossier dossier);

    Optional<Dossier> findById(DossierId id);

    /**
     * Dossiers whose subject has a word starting with {@code searchKey} (itself a search key, see
     * {@link DossierSubjects#searchKey}), of {@code kind} only unless it is {@code null}.
     */
    List<Dossier> findBySubject(String searchKey, @Nullable DossierKind kind, int limit);

    /** Dossiers having the tag (in normal form, see {@link DossierTags}). */
    List<Dossier> findByTag(String tag, int limit);

    /** Dossiers concerning the client card. */
    List<Dossier> findByClient(ClientId client);

    /**
     * Dossiers linking to {@code target}, with links of {@code type} only unless it is {@code null}: who works at a
     * firm, which firms compete with it, which products are its analogues.
     */
    List<Dossier> findLinkingTo(DossierId target, @Nullable DossierLinkType type, int limit);

    /** Adds a fact to the timeline of its dossier. @return the fact as stored */
    DossierFact addFact(DossierFact fact);

    Optional<DossierFact> findFact(DossierFactId id);

    /**
     * A page of a dossier's timeline, newest first: the facts after {@code before} in timeline order (from the
     * newest when {@code before} is {@code null}), at most {@code limit}.
     */
    List<DossierFact> findFacts(DossierId dossier, @Nullable FactCursor before, int limit);

    /** The facts told in an interaction, in every dossier, in timeline order: what a call taught the company. */
    List<DossierFact> findFactsByInteraction(InteractionId interaction);
}
