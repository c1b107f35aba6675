package org.crm4j.core.interaction;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.crm4j.client.ClientId;
import org.crm4j.common.DuplicateException;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.interaction.InteractionStore;

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
}
