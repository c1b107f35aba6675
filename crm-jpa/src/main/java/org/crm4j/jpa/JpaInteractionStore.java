package org.crm4j.jpa;

import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.client.ClientId;
import org.crm4j.client.ContactPersonId;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.EmployeeId;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.interaction.InteractionStore;

/** {@link InteractionStore} over JPA: one row per interaction, every lookup one indexed select. */
final class JpaInteractionStore implements InteractionStore {
    private final JpaSession session;
    private final String prefix;

    JpaInteractionStore(JpaSession session, String tablePrefix) {
        this.session = Objects.requireNonNull(session, "session");
        this.prefix = tablePrefix;
    }

    @Override
    public Interaction insert(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        InteractionEntity row = toRow(interaction);
        return session.inTransaction(em -> {
            try {
                em.persist(row);
                em.flush();
            } catch (PersistenceException e) {
                throw JpaExceptions.translate(e, violated -> violated.contains(prefix + "interaction_external_uk")
                        ? new DuplicateException("interaction", "externalId", interaction.externalId())
                        : new DuplicateException("interaction", "id", interaction.id()));
            }
            session.release(em, List.of(row));
            return interaction;
        });
    }

    @Override
    public Optional<Interaction> findById(InteractionId id) {
        Objects.requireNonNull(id, "id");
        return first("select i from CrmInteraction i where i.id = :key", id.value());
    }

    @Override
    public Optional<Interaction> findByExternalId(String externalId) {
        Objects.requireNonNull(externalId, "externalId");
        return first("select i from CrmInteraction i where i.externalId = :key", externalId);
    }

    private Optional<Interaction> first(String jpql, Object key) {
        return session.read(em -> {
            List<InteractionEntity> rows = em.createQuery(jpql, InteractionEntity.class)
                    .setParameter("key", key).getResultList();
            session.release(em, rows);
            return rows.stream().findFirst().map(JpaInteractionStore::toInteraction);
        });
    }

    @Override
    public List<Interaction> findByClient(ClientId client, int limit) {
        Objects.requireNonNull(client, "client");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return session.read(em -> {
            List<InteractionEntity> rows = em.createQuery("select i from CrmInteraction i "
                                    + "where i.clientId = :client order by i.startedAt desc, i.id desc",
                            InteractionEntity.class)
                    .setParameter("client", client.value()).setMaxResults(limit).getResultList();
            session.release(em, rows);
            return rows.stream().map(JpaInteractionStore::toInteraction).toList();
        });
    }

    private static InteractionEntity toRow(Interaction i) {
        InteractionEntity row = new InteractionEntity(i.id().value());
        row.externalId = i.externalId();
        row.type = i.type();
        row.direction = i.direction().name();
        row.channel = i.channel().name();
        row.startedAt = i.at();
        row.durationMs = i.duration().toMillis();
        row.managerId = i.manager() == null ? null : i.manager().value();
        row.clientId = i.client().value();
        row.contactId = i.contact() == null ? null : i.contact().value();
        row.subject = i.subject();
        row.notes = i.notes();
        row.result = i.result();
        row.leadSource = i.leadSource();
        row.cause = i.cause();
        row.dealRef = i.dealRef();
        row.documentRef = i.documentRef();
        row.nextContact = i.nextContact();
        row.recordedAt = i.recordedAt();
        return row;
    }

    private static Interaction toInteraction(InteractionEntity row) {
        return new Interaction(InteractionId.of(row.id), row.externalId, row.type, Direction.valueOf(row.direction),
                Channel.valueOf(row.channel), row.startedAt, Duration.ofMillis(row.durationMs),
                row.managerId == null ? null : EmployeeId.of(row.managerId), ClientId.of(row.clientId),
                row.contactId == null ? null : ContactPersonId.of(row.contactId), row.subject, row.notes,
                row.result, row.leadSource, row.cause, row.dealRef, row.documentRef, row.nextContact,
                row.recordedAt);
    }
}
