package org.crm4j.jpa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientNotFoundException;
import org.crm4j.client.ClientStore;

import org.crm4j.common.CrmException;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.Email;
import org.crm4j.common.PhoneNumber;
import org.crm4j.common.StorageException;
import org.crm4j.requisites.Inn;
import org.jspecify.annotations.Nullable;

/**
 * {@link ClientStore} over JPA. Every operation costs a fixed number of statements whatever the size of the card
 * or of the table:
 * <ul>
 *   <li>a lookup: one select of the matching cards, one of their parts, one of their contact persons; a lookup
 *       by phone or e-mail brings the cards and their parts in one select, so two in all;</li>
 *   <li>an insert: one insert of the card, one batch of contact persons, one batch per kind of part present;
 *       an import: multi-row inserts of {@value NativeInserts#ROWS_PER_STATEMENT} rows per table
 *       ({@link NativeInserts});</li>
 *   <li>an update: one guarded update of the card's row ({@code where id = ? and version = ?}, which is the
 *       optimistic lock), one delete per child table, then the inserts as above.</li>
 * </ul>
 * Rows it loads or writes leave the persistence context before it returns ({@link JpaSession#release}), so a
 * persistence context shared with the embedding system never holds crm4j's rows nor flushes them on its own.
 */
final class JpaClientStore implements ClientStore {
    /** Cards per round of an import's inserts, and cards per {@code in (...)} list of a load. */
    static final int CHUNK = 500;

    /** Reads of a card that keep meeting concurrent updates give up after this many attempts. */
    static final int READ_ATTEMPTS = 8;

    private static final String UPDATE = updateStatement();

    private final JpaSession session;
    private final String prefix;

    JpaClientStore(JpaSession session, String tablePrefix) {
        this.session = Objects.requireNonNull(session, "session");
        this.prefix = tablePrefix.toLowerCase(Locale.ROOT);
    }

    @Override
    public ClientCard save(ClientCard card) {
        Objects.requireNonNull(card, "card");
        ClientCard stored = card.toBuilder().version(card.version() + 1).build();
        ClientMapping.Rows rows = ClientMapping.toRows(stored);
        return session.inTransaction(em -> {
            try {
                if (card.version() == 0) {
                    em.persist(rows.client());
                    em.flush();
                } else {
                    guardedUpdate(em, rows.client(), card);
                    em.createQuery("delete from CrmClientPart p where p.clientId = :id")
                            .setParameter("id", rows.client().id).executeUpdate();
                    em.createQuery("delete from CrmClientContact c where c.clientId = :id")
                            .setParameter("id", rows.client().id).executeUpdate();
                }
                rows.contacts().forEach(em::persist);
                em.flush();
                persistByKind(em, rows.parts());
                em.flush();
            } catch (PersistenceException e) {
                throw JpaExceptions.translate(e, violated -> duplicate(violated, stored.requisites().uniqueKey(),
                        stored.id()));
            }
            session.release(em, List.of(rows.client()));
            session.release(em, rows.contacts());
            session.release(em, rows.parts());
            return stored;
        });
    }

    private void guardedUpdate(EntityManager em, ClientEntity row, ClientCard card) {
        var update = em.createQuery(UPDATE)
                .setParameter("id", row.id)
                .setParameter("expected", card.version())
                .setParameter("version", row.version);
        row.changeableAttributes().forEach(update::setParameter);
        if (update.executeUpdate() == 1) {
            return;
        }
        List<Long> actual = em.createQuery("select c.version from CrmClient c where c.id = :id", Long.class)
                .setParameter("id", row.id).getResultList();
        throw MissedUpdate.refuse("client", "id", card.id(), card.version(), actual.isEmpty() ? null : actual.get(0),
                () -> new ClientNotFoundException(card.id()));
    }

    private static String updateStatement() {
        StringBuilder jpql = new StringBuilder("update CrmClient c set c.version = :version");
        for (String attribute : new ClientEntity().changeableAttributes().keySet()) {
            jpql.append(", c.").append(attribute).append(" = :").append(attribute);
        }
        return jpql.append(" where c.id = :id and c.version = :expected").toString();
    }

    /**
     * The refusal of a violated constraint of the card table: a taken INN and KPP, or a taken id, each with the
     * value to name; {@code null} for another constraint.
     */
    private @Nullable CrmException duplicate(String violated, @Nullable Object innKey, Object id) {
        if (violated.contains(prefix + "client_unique_key")) {
            return new DuplicateException("client", "inn", innKey);
        }
        if (violated.contains(prefix + "client_pk") || violated.contains("primary")) {
            return new DuplicateException("client", "id", id);
        }
        return null;
    }

    @Override
    public int insertAll(List<ClientCard> cards) {
        List<ClientCard> stored = new ArrayList<>(cards.size());
        Set<ClientId> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (ClientCard card : cards) {
            if (card.version() != 0) {
                throw new IllegalArgumentException("insertAll takes new cards of version 0; " + card.id()
                        + " has version " + card.version());
            }
            if (!ids.add(card.id())) {
                throw new DuplicateException("client", "id", card.id());
            }
            String key = card.requisites().uniqueKey();
            if (key != null && !keys.add(key)) {
                throw new DuplicateException("client", "inn", key);
            }
            stored.add(card.toBuilder().version(1).build());
        }
        if (stored.isEmpty()) {
            return 0;
        }
        return session.inTransaction(em -> {
            for (int from = 0; from < stored.size(); from += CHUNK) {
                List<ClientCard> chunk = stored.subList(from, Math.min(stored.size(), from + CHUNK));
                List<ClientMapping.Rows> rows = chunk.stream().map(ClientMapping::toRows).toList();
                try {
                    NativeInserts.insert(em, prefix + "client", NativeInserts.CLIENT,
                            rows.stream().map(ClientMapping.Rows::client).toList());
                    NativeInserts.insert(em, prefix + "client_contact", NativeInserts.CONTACT,
                            rows.stream().flatMap(r -> r.contacts().stream()).toList());
                    NativeInserts.insert(em, prefix + "client_part", NativeInserts.PART,
                            rows.stream().flatMap(r -> r.parts().stream()).toList());
                } catch (PersistenceException e) {
                    // The database's unique indexes find a taken id or key; the batch is refused as a whole.
                    throw JpaExceptions.translate(e, violated -> duplicate(violated,
                            JpaExceptions.duplicateValue(violated), JpaExceptions.duplicateValue(violated)));
                }
            }
            return stored.size();
        });
    }

    @Override
    public Optional<ClientCard> findById(ClientId id) {
        Objects.requireNonNull(id, "id");
        return session.read(em -> load(em, m -> m.createQuery(
                "select c from CrmClient c where c.id = :id", ClientEntity.class)
                .setParameter("id", id.value()))).stream().findFirst();
    }

    /** One select of the primary key, loading nothing. */
    @Override
    public boolean exists(ClientId id) {
        Objects.requireNonNull(id, "id");
        return session.read(em -> !em.createQuery("select c.id from CrmClient c where c.id = :id", UUID.class)
                .setParameter("id", id.value()).setMaxResults(1).getResultList().isEmpty());
    }

    @Override
    public List<ClientCard> findByPhone(PhoneNumber phone) {
        Objects.requireNonNull(phone, "phone");
        return session.read(em -> loadThroughParts(em, m -> m.createQuery(
                "select c, p from CrmClient c, CrmClientPart p where p.clientId = c.id and c.id in "
                        + "(select q.clientId from CrmClientPart q where q.phone = :phone) order by p.clientId, p.ord",
                Object[].class).setParameter("phone", phone.e164())));
    }

    @Override
    public List<ClientCard> findByInn(Inn inn) {
        Objects.requireNonNull(inn, "inn");
        return session.read(em -> load(em, m -> m.createQuery(
                "select c from CrmClient c where c.inn = :inn", ClientEntity.class)
                .setParameter("inn", inn.value())));
    }

    @Override
    public List<ClientCard> findByEmail(Email email) {
        Objects.requireNonNull(email, "email");
        return session.read(em -> loadThroughParts(em, m -> m.createQuery(
                "select c, p from CrmClient c, CrmClientPart p where p.clientId = c.id and c.id in "
                        + "(select q.clientId from CrmClientPart q where q.email = :email) order by p.clientId, p.ord",
                Object[].class).setParameter("email", email.value())));
    }

    @Override
    public List<ClientCard> findByNamePrefix(String keyPrefix, int limit) {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        String pattern = keyPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return session.read(em -> load(em, m -> m.createQuery(
                "select c from CrmClient c where c.nameKey like :pattern escape '!' order by c.nameKey, c.id",
                ClientEntity.class)
                .setParameter("pattern", pattern)
                .setMaxResults(limit)));
    }

    @Override
    public long count() {
        return session.read(em -> em.createQuery("select count(c) from CrmClient c", Long.class)
                .getSingleResult());
    }

    /**
     * The cards the query selects, with their contact persons and parts: three selects in all. The three are
     * separate statements, and under read-committed isolation a concurrent update can commit between them; every
     * child row carries the version of the card it was written with, so such a mixed read is recognised and
     * read again.
     */
    private List<ClientCard> load(EntityManager em, Function<EntityManager, TypedQuery<ClientEntity>> query) {
        return withRetries(() -> byName(loadOnce(em, query.apply(em))));
    }

    /**
     * The cards of the clients with a responsible manager after {@code after} in the database's order of ids, at
     * most {@code limit}, in that order: three selects, as {@link #load}. What {@link JpaScheduleQuery} pages
     * through.
     */
    List<ClientCard> findManaged(@Nullable ClientId after, int limit) {
        String managed = "select c from CrmClient c where c.managerId is not null ";
        return session.read(em -> withRetries(() -> loadOnce(em, after == null
                ? em.createQuery(managed + "order by c.id", ClientEntity.class).setMaxResults(limit)
                : em.createQuery(managed + "and c.id > :after order by c.id", ClientEntity.class)
                        .setParameter("after", after.value()).setMaxResults(limit))));
    }

    /**
     * Runs a read until it sees no card changing under it, at most {@link #READ_ATTEMPTS} times, pausing a random
     * while that grows with each attempt (at most a few milliseconds) so that a reader falls out of step with a
     * burst of writes to the same card instead of meeting each of them.
     */
    private static List<ClientCard> withRetries(Supplier<@Nullable List<ClientCard>> read) {
        for (int attempt = 1; attempt < READ_ATTEMPTS; attempt++) {
            List<ClientCard> cards = read.get();
            if (cards != null) {
                return cards;
            }
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(500_000L * attempt));
        }
        List<ClientCard> cards = read.get();
        if (cards == null) {
            throw new StorageException("a card changed during each of " + READ_ATTEMPTS + " attempts to read it",
                    null);
        }
        return cards;
    }

    /** The cards, or {@code null} when a card changed between the selects. */
    private @Nullable List<ClientCard> loadOnce(EntityManager em, TypedQuery<ClientEntity> query) {
        List<ClientEntity> clients = query.getResultList();
        session.release(em, clients);
        if (clients.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = clients.stream().map(c -> c.id).toList();
        Map<UUID, List<ClientPartEntity>> parts = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<ClientPartEntity> partRows = byCard(em, "CrmClientPart", ClientPartEntity.class, chunk);
            session.release(em, partRows);
            parts.putAll(partRows.stream().collect(Collectors.groupingBy(p -> p.clientId)));
        }
        return assemble(em, clients, parts);
    }

    /**
     * Like {@link #load}, for cards found through one of their parts (a phone, an e-mail): each has at least one,
     * so one select brings the cards with their parts, and a second their contact persons.
     */
    private List<ClientCard> loadThroughParts(EntityManager em, Function<EntityManager, TypedQuery<Object[]>> query) {
        return withRetries(() -> {
            List<Object[]> rows = query.apply(em).getResultList();
            Map<UUID, ClientEntity> clients = new LinkedHashMap<>();
            Map<UUID, List<ClientPartEntity>> parts = new HashMap<>();
            for (Object[] row : rows) {
                ClientEntity client = (ClientEntity) row[0];
                clients.putIfAbsent(client.id, client);
                parts.computeIfAbsent(client.id, k -> new ArrayList<>()).add((ClientPartEntity) row[1]);
            }
            session.release(em, clients.values());
            session.release(em, rows.stream().map(row -> row[1]).toList());
            return byName(assemble(em, new ArrayList<>(clients.values()), parts));
        });
    }

    /**
     * The cards of these rows, in their order, their contact persons selected here; {@code null} when a child row was
     * written with another version of its card than the one read (an update committed between the selects).
     */
    private @Nullable List<ClientCard> assemble(EntityManager em, List<ClientEntity> clients,
                                                Map<UUID, List<ClientPartEntity>> parts) {
        if (clients.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = clients.stream().map(c -> c.id).toList();
        Map<UUID, List<ContactEntity>> contacts = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<ContactEntity> contactRows = byCard(em, "CrmClientContact", ContactEntity.class, chunk);
            session.release(em, contactRows);
            contacts.putAll(contactRows.stream().collect(Collectors.groupingBy(c -> c.clientId)));
        }
        List<ClientCard> cards = new ArrayList<>(clients.size());
        for (ClientEntity c : clients) {
            List<ContactEntity> cardContacts = contacts.getOrDefault(c.id, List.of());
            List<ClientPartEntity> cardParts = parts.getOrDefault(c.id, List.of());
            if (cardContacts.stream().anyMatch(r -> r.cardVersion != c.version)
                    || cardParts.stream().anyMatch(r -> r.cardVersion != c.version)) {
                return null;
            }
            cards.add(ClientMapping.toCard(c, cardContacts, cardParts));
        }
        return cards;
    }

    /** The cards in name order (then by id), as every lookup by name, phone, e-mail or INN returns them. */
    private static @Nullable List<ClientCard> byName(@Nullable List<ClientCard> cards) {
        if (cards != null && cards.size() > 1) {
            cards.sort(Comparator.comparing(ClientCard::nameKey).thenComparing(card -> card.id().value().toString()));
        }
        return cards;
    }

    /**
     * The rows of {@code entity} that belong to the cards, in card and {@code ord} order. One card, the usual
     * case (a caller, a card by id), is selected with {@code =}: a provider can cache the translation of that
     * query, while a list parameter of varying length makes it translate the query anew each time.
     */
    private static <R> List<R> byCard(EntityManager em, String entity, Class<R> type, List<UUID> cards) {
        if (cards.size() == 1) {
            return em.createQuery("select r from " + entity + " r where r.clientId = :id order by r.ord", type)
                    .setParameter("id", cards.get(0)).getResultList();
        }
        return em.createQuery("select r from " + entity + " r where r.clientId in :ids order by r.clientId, r.ord",
                type).setParameter("ids", cards).getResultList();
    }

    /**
     * Persists parts grouped by kind, each kind being its own insert statement: consecutive inserts of one
     * statement are what a provider can batch, with no provider-specific setting to reorder them.
     */
    private static void persistByKind(EntityManager em, List<? extends ClientPartEntity> parts) {
        Map<Class<?>, List<ClientPartEntity>> byKind = new LinkedHashMap<>();
        for (ClientPartEntity part : parts) {
            byKind.computeIfAbsent(part.getClass(), k -> new ArrayList<>()).add(part);
        }
        byKind.values().forEach(kind -> kind.forEach(em::persist));
    }
}
