package org.crm4j.core.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientNotFoundException;
import org.crm4j.client.ClientStore;

import org.crm4j.common.DuplicateException;
import org.crm4j.common.Email;
import org.crm4j.common.PhoneNumber;
import org.crm4j.common.ValidationException;
import org.crm4j.requisites.Inn;
import org.crm4j.storage.OptimisticLock;
import org.jspecify.annotations.Nullable;

/**
 * Client cards kept in memory: the embedded default and the reference implementation of the {@link ClientStore}
 * contract. Cards are immutable records, so the store keeps and returns the very instances it was given.
 *
 * <p>Every lookup is one hash or tree lookup, never a scan: the phone, INN and e-mail indexes map a key to the
 * immutable, ordered list of cards having it; the name index is a sorted map from name key and id to card, read
 * by prefix range. Writes are serialised by one lock and replace index entries atomically per key; reads take
 * no lock, and each read sees every key either before or after a write, never half of it.
 *
 * <p>Thread-safe.
 */
public final class InMemoryClientStore implements ClientStore {
    private static final Comparator<ClientCard> ORDER =
            Comparator.comparing(ClientCard::nameKey).thenComparing(c -> c.id().toString());

    private final ConcurrentHashMap<ClientId, ClientCard> cards = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<PhoneNumber, List<ClientCard>> byPhone = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Inn, List<ClientCard>> byInn = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Email, List<ClientCard>> byEmail = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ClientId> byUniqueKey = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, ClientCard> byName = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<UUID, ClientCard> inIdOrder = new ConcurrentSkipListMap<>();
    private final ReentrantLock writes = new ReentrantLock();

    @Override
    public ClientCard save(ClientCard card) {
        Objects.requireNonNull(card, "card");
        writes.lock();
        try {
            ClientCard current = cards.get(card.id());
            OptimisticLock.check("client", "id", card.id(), card.version(), current == null ? null : current.version(),
                    () -> new ClientNotFoundException(card.id()));
            checkUniqueKey(card, Map.of());
            ClientCard saved = card.toBuilder().version(card.version() + 1).build();
            replace(current, saved);
            return saved;
        } finally {
            writes.unlock();
        }
    }

    @Override
    public int insertAll(List<ClientCard> batch) {
        Objects.requireNonNull(batch, "cards");
        writes.lock();
        try {
            Set<ClientId> ids = new HashSet<>();
            Map<String, ClientId> keys = new HashMap<>();
            for (ClientCard card : batch) {
                if (card.version() != 0) {
                    throw new ValidationException("version", "client.import-version", card.version(),
                            "an imported card must be new (version 0), card " + card.id() + " has " + card.version());
                }
                if (cards.containsKey(card.id()) || !ids.add(card.id())) {
                    throw new DuplicateException("client", "id", card.id());
                }
                checkUniqueKey(card, keys);
                String key = card.requisites().uniqueKey();
                if (key != null) {
                    keys.put(key, card.id());
                }
            }
            for (ClientCard card : batch) {
                replace(null, card.toBuilder().version(1).build());
            }
            return batch.size();
        } finally {
            writes.unlock();
        }
    }

    private void checkUniqueKey(ClientCard card, Map<String, ClientId> pending) {
        String key = card.requisites().uniqueKey();
        if (key == null) {
            return;
        }
        ClientId holder = byUniqueKey.get(key);
        if (holder == null) {
            holder = pending.get(key);
        }
        if (holder != null && !holder.equals(card.id())) {
            throw new DuplicateException("client", "inn", key);
        }
    }

    /** Replaces {@code old} (or nothing) by {@code saved} in the card map and every index. Under the lock. */
    private void replace(@Nullable ClientCard old, ClientCard saved) {
        if (old != null) {
            Set<PhoneNumber> oldPhones = old.allPhones();
            Set<Email> oldEmails = old.allEmails();
            oldPhones.forEach(p -> unindex(byPhone, p, old));
            oldEmails.forEach(e -> unindex(byEmail, e, old));
            if (old.requisites().inn() != null) {
                unindex(byInn, old.requisites().inn(), old);
            }
            String oldKey = old.requisites().uniqueKey();
            if (oldKey != null) {
                byUniqueKey.remove(oldKey, old.id());
            }
            byName.remove(nameEntry(old));
        }
        cards.put(saved.id(), saved);
        inIdOrder.put(saved.id().value(), saved);
        saved.allPhones().forEach(p -> index(byPhone, p, saved));
        saved.allEmails().forEach(e -> index(byEmail, e, saved));
        if (saved.requisites().inn() != null) {
            index(byInn, saved.requisites().inn(), saved);
        }
        String key = saved.requisites().uniqueKey();
        if (key != null) {
            byUniqueKey.put(key, saved.id());
        }
        byName.put(nameEntry(saved), saved);
    }

    private static <K> void index(ConcurrentHashMap<K, List<ClientCard>> index, K key, ClientCard card) {
        index.compute(key, (k, list) -> {
            List<ClientCard> next = list == null ? new ArrayList<>(1) : new ArrayList<>(list);
            next.removeIf(c -> c.id().equals(card.id()));
            next.add(card);
            next.sort(ORDER);
            return List.copyOf(next);
        });
    }

    private static <K> void unindex(ConcurrentHashMap<K, List<ClientCard>> index, K key, ClientCard card) {
        index.computeIfPresent(key, (k, list) -> {
            List<ClientCard> next = new ArrayList<>(list);
            next.removeIf(c -> c.id().equals(card.id()));
            return next.isEmpty() ? null : List.copyOf(next);
        });
    }

    private static String nameEntry(ClientCard card) {
        // the id keeps entries of equal names apart; \u0000 sorts before every character a key can hold
        return card.nameKey() + '\u0000' + card.id();
    }

    @Override
    public Optional<ClientCard> findById(ClientId id) {
        return Optional.ofNullable(cards.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public List<ClientCard> findByPhone(PhoneNumber phone) {
        return lookup(byPhone, Objects.requireNonNull(phone, "phone"));
    }

    @Override
    public List<ClientCard> findByInn(Inn inn) {
        return lookup(byInn, Objects.requireNonNull(inn, "inn"));
    }

    @Override
    public List<ClientCard> findByEmail(Email email) {
        return lookup(byEmail, Objects.requireNonNull(email, "email"));
    }

    private static <K> List<ClientCard> lookup(Map<K, List<ClientCard>> index, K key) {
        List<ClientCard> found = index.get(key);
        return found == null ? List.of() : found;
    }

    @Override
    public List<ClientCard> findByNamePrefix(String keyPrefix, int limit) {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (limit < 0) {
            throw new ValidationException("limit", "limit.negative", limit, "limit must not be negative");
        }
        NavigableMap<String, ClientCard> range = keyPrefix.isEmpty() ? byName
                : byName.subMap(keyPrefix, true, keyPrefix + Character.MAX_VALUE, true);
        return range.values().stream().limit(limit).toList();
    }

    @Override
    public long count() {
        return cards.size();
    }

    /**
     * The cards after {@code after} in the order of their ids' UUIDs ({@link UUID#compareTo}), all of them when
     * {@code after} is {@code null}, read lazily: what paged walks over all clients go through.
     */
    public Stream<ClientCard> streamInIdOrder(@Nullable ClientId after) {
        return (after == null ? inIdOrder : inIdOrder.tailMap(after.value(), false)).values().stream();
    }
}
