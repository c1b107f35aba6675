package org.crm4j.jpa;

import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crm4j.client.ClientId;
import org.crm4j.client.ContactPersonId;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.EmployeeId;
import org.crm4j.interaction.ActivityCount;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.interaction.InteractionStore;
import org.crm4j.interaction.PeriodCount;

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
        return session.select(em -> em.createQuery(jpql, InteractionEntity.class).setParameter("key", key),
                JpaInteractionStore::toInteraction).stream().findFirst();
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
        return session.select(em -> em.createQuery("select i from CrmInteraction i "
                                + "where i.clientId = :client order by i.startedAt desc, i.id desc",
                        InteractionEntity.class).setParameter("client", client.value()).setMaxResults(limit),
                JpaInteractionStore::toInteraction);
    }

    /**
     * One statement: {@code select lead_source, sum(case when started_at >= ?k and started_at < ?k+1 then 1
     * else 0 end), … group by lead_source}, a sum per period, in standard JPQL.
     */
    @Override
    public List<PeriodCount> countByLeadSource(List<Instant> boundaries, Set<String> types) {
        Objects.requireNonNull(types, "types");
        List<Instant> bounds = List.copyOf(boundaries);
        int periods = bounds.size() - 1;
        if (periods < 1 || types.isEmpty()) {
            return List.of();
        }
        StringBuilder jpql = new StringBuilder("select i.leadSource");
        for (int k = 0; k < periods; k++) {
            jpql.append(", sum(case when i.startedAt >= :b").append(k).append(" and i.startedAt < :b").append(k + 1)
                    .append(" then 1 else 0 end)");
        }
        jpql.append(" from CrmInteraction i where i.startedAt >= :b0 and i.startedAt < :b").append(periods)
                .append(" and i.type in :types group by i.leadSource");
        return session.read(em -> {
            TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class).setParameter("types", types);
            for (int k = 0; k <= periods; k++) {
                query.setParameter("b" + k, bounds.get(k));
            }
            List<PeriodCount> counts = new ArrayList<>();
            for (Object[] row : query.getResultList()) {
                for (int k = 0; k < periods; k++) {
                    long count = ((Number) row[k + 1]).longValue();
                    if (count > 0) {
                        counts.add(new PeriodCount((String) row[0], k, count));
                    }
                }
            }
            return counts;
        });
    }

    @Override
    public List<ActivityCount> countByManagerAndType(Instant from, Instant to) {
        return session.read(em -> em.createQuery("select i.managerId, i.type, count(i) from CrmInteraction i "
                                + "where i.startedAt >= :from and i.startedAt < :to group by i.managerId, i.type",
                        Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList().stream()
                .map(row -> new ActivityCount(row[0] == null ? null : EmployeeId.of((String) row[0]), (String) row[1],
                        ((Number) row[2]).longValue()))
                .toList());
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
