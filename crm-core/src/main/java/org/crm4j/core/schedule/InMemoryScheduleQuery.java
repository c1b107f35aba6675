package org.crm4j.core.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.client.InMemoryClientStore;
import org.crm4j.core.interaction.InMemoryInteractionStore;
import org.crm4j.interaction.Interaction;
import org.crm4j.schedule.ClaimArguments;
import org.crm4j.schedule.IdleClient;
import org.crm4j.schedule.ScheduleQuery;
import org.jspecify.annotations.Nullable;

/**
 * The schedule's questions answered from the in-memory client and interaction stores: a walk over the cards in id
 * order, each client's latest interaction read from the head of its history. Thread-safe.
 */
public final class InMemoryScheduleQuery implements ScheduleQuery {
    private final InMemoryClientStore clients;
    private final InMemoryInteractionStore interactions;

    public InMemoryScheduleQuery(InMemoryClientStore clients, InMemoryInteractionStore interactions) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.interactions = Objects.requireNonNull(interactions, "interactions");
    }

    @Override
    public List<IdleClient> idleClients(Instant contactedBefore, @Nullable ClientId after, int limit) {
        Objects.requireNonNull(contactedBefore, "contactedBefore");
        ClaimArguments.requireLimit(limit);
        return clients.streamInIdOrder(after)
                .flatMap(card -> card.responsibleManager().map(m -> idle(card, m)).stream())
                .filter(idle -> idle.lastContact().isBefore(contactedBefore))
                .limit(limit).toList();
    }

    private IdleClient idle(ClientCard card, EmployeeId manager) {
        Optional<Interaction> latest = interactions.streamByClient(card.id()).findFirst();
        return new IdleClient(card.id(), manager, latest.map(Interaction::at).orElse(card.createdAt()));
    }

    @Override
    public List<ClientCard> managedClients(@Nullable ClientId after, int limit) {
        ClaimArguments.requireLimit(limit);
        return clients.streamInIdOrder(after).filter(c -> c.responsibleManager().isPresent()).limit(limit).toList();
    }
}
