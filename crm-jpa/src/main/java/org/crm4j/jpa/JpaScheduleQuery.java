package org.crm4j.jpa;

import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.schedule.ClaimArguments;
import org.crm4j.schedule.IdleClient;
import org.crm4j.schedule.ScheduleQuery;
import org.jspecify.annotations.Nullable;

/**
 * {@link ScheduleQuery} over crm4j's client and interaction tables.
 * <ul>
 *   <li>The idle clients are one select: the clients with a manager walked by primary key after the cursor, each
 *       with the start of its latest interaction read by a correlated {@code max(started_at)} from the
 *       {@code (client_id, started_at)} index, or its {@code created_at} when it has none, kept when that is
 *       before the moment asked; the database stops at {@code limit} rows, so a page costs in proportion to the
 *       clients it passes, not to all clients.</li>
 *   <li>The managed clients are the cards of a page of clients with a manager: three selects
 *       (cards, their parts, their contact persons), as every read of cards.</li>
 * </ul>
 * Both order clients by id as the database orders its {@code uuid} column, and the cursor compares the same way.
 */
final class JpaScheduleQuery implements ScheduleQuery {
    private static final String LAST_CONTACT = "coalesce((select max(i.startedAt) from CrmInteraction i "
            + "where i.clientId = c.id), c.createdAt)";
    private static final String IDLE = "select c.id, c.managerId, " + LAST_CONTACT + " from CrmClient c "
            + "where c.managerId is not null and " + LAST_CONTACT + " < :before ";

    private final JpaSession session;
    private final JpaClientStore clients;

    JpaScheduleQuery(JpaSession session, JpaClientStore clients) {
        this.session = Objects.requireNonNull(session, "session");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public List<IdleClient> idleClients(Instant contactedBefore, @Nullable ClientId after, int limit) {
        Objects.requireNonNull(contactedBefore, "contactedBefore");
        ClaimArguments.requireLimit(limit);
        return session.read(em -> {
            TypedQuery<Object[]> query = after == null
                    ? em.createQuery(IDLE + "order by c.id", Object[].class)
                    : em.createQuery(IDLE + "and c.id > :after order by c.id", Object[].class)
                            .setParameter("after", after.value());
            return query.setParameter("before", contactedBefore).setMaxResults(limit).getResultList().stream()
                    .map(row -> new IdleClient(ClientId.of((UUID) row[0]), EmployeeId.of((String) row[1]),
                            (Instant) row[2]))
                    .toList();
        });
    }

    @Override
    public List<ClientCard> managedClients(@Nullable ClientId after, int limit) {
        ClaimArguments.requireLimit(limit);
        return clients.findManaged(after, limit);
    }
}
