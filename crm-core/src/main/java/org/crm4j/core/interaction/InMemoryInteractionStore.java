package org.crm4j.core.interaction;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;
import org.crm4j.client.ClientId;
import org.crm4j.common.DuplicateException;
import org.crm4j.interaction.ActivityCount;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.interaction.InteractionStore;
import org.crm4j.interaction.PeriodCount;

/** Interactions in memory, indexed by id, external id and client (newest first). Thread-safe. */
public final class InMemoryInteractionStore implements InteractionStore {
    private static final Comparator<Interaction> NEWEST_FIRST = Comparator.comparing(Interaction::at).reversed()
            .thenComparing(i -> i.id().toString(), Comparator.reverseOrder());

    private final Map<InteractionId, Interaction> byId = new ConcurrentHashMap<>();
    private final Map<String, Interaction> byExternalId = new ConcurrentHashMap<>();
    private final Map<ClientId, ConcurrentSkipListSet<Interaction>> byClient = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();

    @Override
    public Interaction insert(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        synchronized (writeLock) {
            if (byId.containsKey(interaction.id())) {
                throw new DuplicateException("interaction", "id", interaction.id());
            }
            String external = interaction.externalId();
            if (external != null && byExternalId.containsKey(external)) {
                throw new DuplicateException("interaction", "externalId", external);
            }
            byId.put(interaction.id(), interaction);
            if (external != null) {
                byExternalId.put(external, interaction);
            }
            byClient.computeIfAbsent(interaction.client(), c -> new ConcurrentSkipListSet<>(NEWEST_FIRST))
                    .add(interaction);
        }
        return interaction;
    }

    @Override
    public Optional<Interaction> findById(InteractionId id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public Optional<Interaction> findByExternalId(String externalId) {
        return Optional.ofNullable(byExternalId.get(Objects.requireNonNull(externalId, "externalId")));
    }

    @Override
    public List<Interaction> findByClient(ClientId client, int limit) {
        Objects.requireNonNull(client, "client");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        ConcurrentSkipListSet<Interaction> history = byClient.get(client);
        return history == null ? List.of() : history.stream().limit(limit).toList();
    }

    /**
     * A client's interactions, newest first (by time, then id text, descending), read lazily from the index:
     * what the in-memory timeline pages through without copying the history.
     */
    public Stream<Interaction> streamByClient(ClientId client) {
        ConcurrentSkipListSet<Interaction> history = byClient.get(Objects.requireNonNull(client, "client"));
        return history == null ? Stream.empty() : history.stream();
    }

    /** Streams over every interaction: in memory a report reads what it needs directly. */
    @Override
    public List<PeriodCount> countByLeadSource(List<Instant> boundaries, Set<String> types) {
        Objects.requireNonNull(types, "types");
        List<Instant> bounds = List.copyOf(boundaries);
        Map<PeriodCount, Long> counts = new HashMap<>();
        for (Interaction i : byId.values()) {
            if (!types.contains(i.type())) {
                continue;
            }
            for (int k = 0; k + 1 < bounds.size(); k++) {
                if (!i.at().isBefore(bounds.get(k)) && i.at().isBefore(bounds.get(k + 1))) {
                    counts.merge(new PeriodCount(i.leadSource(), k, 0), 1L, Long::sum);
                    break;
                }
            }
        }
        return counts.entrySet().stream()
                .map(e -> new PeriodCount(e.getKey().leadSource(), e.getKey().period(), e.getValue()))
                .toList();
    }

    @Override
    public List<ActivityCount> countByManagerAndType(Instant from, Instant to) {
        Map<ActivityCount, Long> counts = new HashMap<>();
        for (Interaction i : byId.values()) {
            if (!i.at().isBefore(from) && i.at().isBefore(to)) {
                counts.merge(new ActivityCount(i.manager(), i.type(), 0), 1L, Long::sum);
            }
        }
        return counts.entrySet().stream()
                .map(e -> new ActivityCount(e.getKey().manager(), e.getKey().type(), e.getValue()))
                .toList();
    }
}
