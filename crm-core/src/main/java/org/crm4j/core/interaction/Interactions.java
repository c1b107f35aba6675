package org.crm4j.core.interaction;

import java.util.List;
import java.util.Objects;
import org.crm4j.classifier.ClassifierKind;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientNotFoundException;
import org.crm4j.client.ClientStore;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.Transactions;
import org.crm4j.common.Violations;
import org.crm4j.core.classifier.ClassifierCodes;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionStore;

/**
 * Recording and reading the history of interactions (M-3). Recording is idempotent by the external id: the
 * same call reported twice by the PBX, or the same letter fetched twice from the mail server, is recorded once
 * and the second report gets the first record back.
 */
public final class Interactions {
    private final InteractionStore store;
    private final ClientStore clients;
    private final Transactions transactions;
    private final ClassifierCodes codes;

    public Interactions(InteractionStore store, ClientStore clients, Transactions transactions,
                        ClassifierCodes codes) {
        this.store = Objects.requireNonNull(store, "store");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.codes = Objects.requireNonNull(codes, "codes");
    }

    /** What {@link #record} did: the interaction as stored, and whether this call stored it. */
    public record Recorded(Interaction interaction, boolean created) {
    }

    /**
     * Records an interaction, or returns the one already recorded with its external id. Its type and lead
     * source must be active codes of their dictionaries, and its client a stored card.
     *
     * @throws org.crm4j.common.ValidationException naming every unknown code at once
     * @throws ClientNotFoundException when the client is not stored
     */
    public Recorded record(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        String external = interaction.externalId();
        try {
            return transactions.inTransaction(() -> {
                if (external != null) {
                    var earlier = store.findByExternalId(external);
                    if (earlier.isPresent()) {
                        return new Recorded(earlier.get(), false);
                    }
                }
                Violations v = new Violations();
                codes.check(v, "type", ClassifierKind.INTERACTION_TYPE, interaction.type());
                if (interaction.leadSource() != null) {
                    codes.check(v, "leadSource", ClassifierKind.LEAD_SOURCE, interaction.leadSource());
                }
                v.throwIfAny();
                if (clients.findById(interaction.client()).isEmpty()) {
                    throw new ClientNotFoundException(interaction.client());
                }
                return new Recorded(store.insert(interaction), true);
            });
        } catch (DuplicateException raced) {
            // Another thread recorded the same external id between our look and our insert.
            if (external != null && "externalId".equals(raced.key())) {
                return new Recorded(transactions.inTransaction(() -> store.findByExternalId(external))
                        .orElseThrow(() -> raced), false);
            }
            throw raced;
        }
    }

    /** A client's interactions, newest first, at most {@code limit}. */
    public List<Interaction> history(ClientId client, int limit) {
        return transactions.inTransaction(() -> store.findByClient(client, limit));
    }
}
