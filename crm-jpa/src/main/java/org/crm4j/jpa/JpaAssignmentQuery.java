package org.crm4j.jpa;

import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.crm4j.assignment.AssignmentQuery;
import org.crm4j.assignment.AssignmentTally;
import org.crm4j.assignment.ManagerLoad;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;
import org.crm4j.task.TaskStatus;
import org.jspecify.annotations.Nullable;

/**
 * {@link AssignmentQuery} over crm4j's tables, one select per question whatever the number of rows:
 * <ul>
 *   <li>the loads: one statement of two grouped counts joined by {@code union all}, the open deals by the
 *       {@code (manager_id, closed_at)} index and the open tasks by the {@code (responsible_id, status, due_at)}
 *       one;</li>
 *   <li>the tallies: one grouped {@code max} and {@code count} over the assignment rows of the cards' parts, by
 *       the {@code (manager_id, kind, assigned_at)} index alone;</li>
 *   <li>the clients of a manager, and those of nobody: a page of ids by the {@code manager_id} index, in the
 *       order the database orders its {@code uuid} column.</li>
 * </ul>
 * Each answer costs in proportion to the index entries of the managers asked (their open deals and tasks, their
 * assignments), read without touching the rows. The managers asked are bound one parameter each, padded with the last up to a power of two, so the statements
 * have few texts for the caches.
 */
final class JpaAssignmentQuery implements AssignmentQuery {
    private static final String OPEN = "('" + TaskStatus.OPEN.name() + "', '" + TaskStatus.IN_PROGRESS.name() + "')";

    private final JpaSession session;
    private final String prefix;

    JpaAssignmentQuery(JpaSession session, String tablePrefix) {
        this.session = Objects.requireNonNull(session, "session");
        this.prefix = tablePrefix.toLowerCase(Locale.ROOT);
    }

    @Override
    public Map<EmployeeId, ManagerLoad> loads(Collection<EmployeeId> managers) {
        List<String> asked = asked(managers);
        Map<EmployeeId, ManagerLoad> out = new HashMap<>();
        if (asked.isEmpty()) {
            return Map.of();
        }
        int slots = slots(asked.size());
        StringBuilder sql = new StringBuilder("select manager_id, count(*), 0 from ").append(prefix)
                .append("deal where manager_id in (");
        placeholders(sql, 1, slots);
        sql.append(") and closed_at is null group by manager_id union all select responsible_id, 0, count(*) from ")
                .append(prefix).append("task where responsible_id in (");
        placeholders(sql, slots + 1, slots);
        sql.append(") and status in ").append(OPEN).append(" group by responsible_id");
        Map<String, long[]> counts = new HashMap<>();
        session.read(em -> {
            Query query = em.createNativeQuery(sql.toString());
            for (int i = 0; i < slots; i++) {
                String value = asked.get(Math.min(i, asked.size() - 1));
                query.setParameter(i + 1, value);
                query.setParameter(slots + i + 1, value);
            }
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                long[] c = counts.computeIfAbsent((String) r[0], k -> new long[2]);
                c[0] += ((Number) r[1]).longValue();
                c[1] += ((Number) r[2]).longValue();
            }
            return null;
        });
        for (String m : asked) {
            long[] c = counts.getOrDefault(m, new long[2]);
            out.put(EmployeeId.of(m), new ManagerLoad(EmployeeId.of(m), c[0], c[1]));
        }
        return Map.copyOf(out);
    }

    @Override
    public Map<EmployeeId, AssignmentTally> tallies(Collection<EmployeeId> managers) {
        List<String> asked = asked(managers);
        if (asked.isEmpty()) {
            return Map.of();
        }
        int slots = slots(asked.size());
        StringBuilder jpql = new StringBuilder("select a.managerId, max(a.assignedAt), count(a) "
                + "from CrmClientAssignmentPart a where a.managerId in (");
        for (int i = 0; i < slots; i++) {
            jpql.append(i == 0 ? ":m" : ", :m").append(i);
        }
        jpql.append(") group by a.managerId");
        return session.read(em -> {
            TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
            for (int i = 0; i < slots; i++) {
                query.setParameter("m" + i, asked.get(Math.min(i, asked.size() - 1)));
            }
            Map<EmployeeId, AssignmentTally> out = new HashMap<>();
            for (Object[] row : query.getResultList()) {
                EmployeeId m = EmployeeId.of((String) row[0]);
                out.put(m, new AssignmentTally(m, (Instant) row[1], ((Number) row[2]).longValue()));
            }
            return Map.copyOf(out);
        });
    }

    @Override
    public List<ClientId> clientsOf(EmployeeId manager, @Nullable ClientId after, int limit) {
        Objects.requireNonNull(manager, "manager");
        requireLimit(limit);
        String jpql = "select c.id from CrmClient c where c.managerId = :manager "
                + (after == null ? "" : "and c.id > :after ") + "order by c.id";
        return ids(jpql, after, limit, manager.value());
    }

    @Override
    public List<ClientId> unassigned(@Nullable ClientId after, int limit) {
        requireLimit(limit);
        String jpql = "select c.id from CrmClient c where c.managerId is null "
                + (after == null ? "" : "and c.id > :after ") + "order by c.id";
        return ids(jpql, after, limit, null);
    }

    private List<ClientId> ids(String jpql, @Nullable ClientId after, int limit, @Nullable String manager) {
        return session.read(em -> {
            TypedQuery<UUID> query = em.createQuery(jpql, UUID.class).setMaxResults(limit);
            if (manager != null) {
                query.setParameter("manager", manager);
            }
            if (after != null) {
                query.setParameter("after", after.value());
            }
            List<ClientId> out = new ArrayList<>();
            query.getResultList().forEach(id -> out.add(ClientId.of(id)));
            return out;
        });
    }

    private static List<String> asked(Collection<EmployeeId> managers) {
        Objects.requireNonNull(managers, "managers");
        if (managers.size() > MAX_MANAGERS) {
            throw new ValidationException("managers", "assignment.managers", managers.size(),
                    "a question names at most " + MAX_MANAGERS + " managers, was " + managers.size());
        }
        LinkedHashSet<String> values = new LinkedHashSet<>();
        managers.forEach(m -> values.add(m.value()));
        return List.copyOf(values);
    }

    private static int slots(int size) {
        int slots = 1;
        while (slots < size) {
            slots <<= 1;
        }
        return slots;
    }

    private static void placeholders(StringBuilder sql, int first, int count) {
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "?" : ", ?").append(first + i);
        }
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_MANAGERS) {
            throw new ValidationException("limit", "assignment.limit", limit,
                    "a page holds 1 to " + MAX_MANAGERS + " clients, was " + limit);
        }
    }
}
