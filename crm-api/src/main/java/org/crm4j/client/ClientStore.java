package org.crm4j.client;

import java.util.List;
import java.util.Optional;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.Email;
import org.crm4j.common.PhoneNumber;
import org.crm4j.requisites.Inn;

/**
 * Storage of client cards: the port an embedding system implements to keep cards in its own storage, or takes
 * from crm4j (in memory in crm-core, JPA in crm-jpa). An implementation proves itself by passing the contract
 * tests shipped in crm-api's test-jar ({@code ClientStoreContract}).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #save} with version 0 inserts; with version n it replaces the stored version n and returns the
 *       card with version n+1. A stale version throws {@link ConcurrentModificationException}; a missing card
 *       throws {@link ClientNotFoundException}. Nothing is written when it throws.</li>
 *   <li>Two cards may not share {@link Requisites#uniqueKey()} (INN and KPP): the second save throws
 *       {@link DuplicateException} with key {@code inn}.</li>
 *   <li>Lookups never scan every card: phone, INN, e-mail and name are indexed. Each returns cards in a stable
 *       order (by name key, then the id's canonical text) and never {@code null}.</li>
 *   <li>Returned cards are the stored state: nothing the caller does afterwards changes what is stored.</li>
 *   <li>Implementations are thread-safe.</li>
 * </ul>
 */
public interface ClientStore {

    /**
     * Inserts a new card (version 0) or replaces the stored card whose version equals {@code card.version()}.
     *
     * @return the card as stored, with its version increased by one
     * @throws ConcurrentModificationException when the stored version differs
     * @throws ClientNotFoundException         when a card with version above 0 is not stored
     * @throws DuplicateException              when the id, or the INN and KPP, are already taken
     */
    ClientCard save(ClientCard card);

    /**
     * Inserts many new cards (each of version 0) in one call, for an import: either all are stored or none.
     *
     * @return how many were stored
     * @throws DuplicateException when an id or an INN and KPP is taken, by a stored card or within the batch
     */
    int insertAll(List<ClientCard> cards);

    Optional<ClientCard> findById(ClientId id);

    /**
     * Whether a card with this id is stored: what a use case asks before it records something about a client.
     * The default loads the card; an adapter answers it more cheaply (crm-jpa: one indexed select of the id).
     */
    default boolean exists(ClientId id) {
        return findById(id).isPresent();
    }

    /** Cards having the number among their own phones or those of their contact persons (caller ID). */
    List<ClientCard> findByPhone(PhoneNumber phone);

    /** Cards with this INN: one organisation and its branches (different KPP), or one person. */
    List<ClientCard> findByInn(Inn inn);

    /** Cards having the address among their own e-mails or those of their contact persons. */
    List<ClientCard> findByEmail(Email email);

    /**
     * Cards whose {@link ClientCard#nameKey() name key} starts with {@code keyPrefix} (itself a search key, see
     * {@link ClientNames#searchKey}), ordered by name key then id, at most {@code limit}.
     */
    List<ClientCard> findByNamePrefix(String keyPrefix, int limit);

    /** The number of stored cards. */
    long count();
}
