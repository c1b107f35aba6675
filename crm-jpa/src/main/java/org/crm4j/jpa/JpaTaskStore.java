package org.crm4j.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.crm4j.client.ClientId;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.EmployeeId;
import org.crm4j.interaction.InteractionId;
import org.crm4j.task.ComplianceCount;
import org.crm4j.task.LateTask;
import org.crm4j.task.Task;
import org.crm4j.task.TaskId;
import org.crm4j.task.TaskKind;
import org.crm4j.task.TaskNotFoundException;
import org.crm4j.task.TaskPriority;
import org.crm4j.task.TaskStatus;
import org.crm4j.task.TaskStore;

/**
 * {@link TaskStore} over JPA: one row per task. Statements:
 * <ul>
 *   <li>a save: the insert, or the guarded update ({@code where id = ? and version = ?}, the optimistic lock),
 *       and only when that matches nothing, one select telling why;</li>
 *   <li>every lookup and the column count: one indexed select ({@code (responsible_id, status, due_at)} for a
 *       person's open tasks, which is the whole agenda and the overdue policy's question);</li>
 *   <li>each compliance question: one select over the regulated tasks due in the period, the counts grouped in
 *       SQL by regulation and employee.</li>
 * </ul>
 * Rows it reads or writes leave the persistence context before it returns ({@link JpaSession#release}).
 */
final class JpaTaskStore implements TaskStore {
    private static final List<String> OPEN = List.of(TaskStatus.OPEN.name(), TaskStatus.IN_PROGRESS.name());
    private static final String UPDATE = "update CrmTask t set t.version = :version, t.kind = :kind, "
            + "t.title = :title, t.notes = :notes, t.responsibleId = :responsible, t.dueAt = :dueAt, "
            + "t.dueDate = :dueDate, t.priority = :priority, t.clientId = :client, t.dealRef = :dealRef, "
            + "t.interactionId = :interaction, t.status = :status, t.boardColumn = :column, "
            + "t.completedAt = :completedAt, t.regulation = :regulation, t.sourceKey = :sourceKey, "
            + "t.createdAt = :createdAt where t.id = :id and t.version = :expected";

    private final JpaSession session;
    private final String prefix;

    JpaTaskStore(JpaSession session, String tablePrefix) {
        this.session = Objects.requireNonNull(session, "session");
        this.prefix = tablePrefix.toLowerCase(Locale.ROOT);
    }

    @Override
    public Task save(Task task) {
        Objects.requireNonNull(task, "task");
        Task stored = task.withVersion(task.version() + 1);
        TaskEntity row = toRow(stored);
        return session.inTransaction(em -> {
            try {
                if (task.version() == 0) {
                    em.persist(row);
                    em.flush();
                    session.release(em, List.of(row));
                } else {
                    guardedUpdate(em, row, task);
                }
            } catch (PersistenceException e) {
                throw JpaExceptions.translate(e, violated -> violated.contains(prefix + "task_source_uk")
                        ? new DuplicateException("task", "sourceKey", task.sourceKey())
                        : new DuplicateException("task", "id", task.id()));
            }
            return stored;
        });
    }

    private void guardedUpdate(EntityManager em, TaskEntity row, Task task) {
        int updated = em.createQuery(UPDATE)
                .setParameter("version", row.version).setParameter("kind", row.kind)
                .setParameter("title", row.title).setParameter("notes", row.notes)
                .setParameter("responsible", row.responsibleId).setParameter("dueAt", row.dueAt)
                .setParameter("dueDate", row.dueDate).setParameter("priority", row.priority)
                .setParameter("client", row.clientId).setParameter("dealRef", row.dealRef)
                .setParameter("interaction", row.interactionId).setParameter("status", row.status)
                .setParameter("column", row.boardColumn).setParameter("completedAt", row.completedAt)
                .setParameter("regulation", row.regulation).setParameter("sourceKey", row.sourceKey)
                .setParameter("createdAt", row.createdAt).setParameter("id", row.id)
                .setParameter("expected", task.version())
                .executeUpdate();
        if (updated == 1) {
            return;
        }
        List<Long> actual = em.createQuery("select t.version from CrmTask t where t.id = :id", Long.class)
                .setParameter("id", row.id).getResultList();
        throw MissedUpdate.refuse("task", "id", task.id(), task.version(),
                actual.isEmpty() ? null : actual.get(0), () -> new TaskNotFoundException(task.id()));
    }

    @Override
    public Optional<Task> findById(TaskId id) {
        Objects.requireNonNull(id, "id");
        return session.select(em -> em.createQuery("select t from CrmTask t where t.id = :key", TaskEntity.class)
                .setParameter("key", id.value()), JpaTaskStore::toTask).stream().findFirst();
    }

    @Override
    public Optional<Task> findBySourceKey(String sourceKey) {
        Objects.requireNonNull(sourceKey, "sourceKey");
        return session.select(em -> em.createQuery("select t from CrmTask t where t.sourceKey = :key",
                TaskEntity.class).setParameter("key", sourceKey), JpaTaskStore::toTask).stream().findFirst();
    }

    @Override
    public List<Task> findOpenByResponsible(EmployeeId responsible, Instant before, int limit) {
        Objects.requireNonNull(responsible, "responsible");
        Objects.requireNonNull(before, "before");
        requireLimit(limit);
        if (limit == 0) {
            return List.of();
        }
        return session.select(em -> em.createQuery("select t from CrmTask t where t.responsibleId = :who "
                                + "and t.status in :open and t.dueAt < :before order by t.dueAt, t.id",
                        TaskEntity.class).setParameter("who", responsible.value()).setParameter("open", OPEN)
                .setParameter("before", before).setMaxResults(limit), JpaTaskStore::toTask);
    }

    @Override
    public List<Task> findByClient(ClientId client, int limit) {
        Objects.requireNonNull(client, "client");
        requireLimit(limit);
        if (limit == 0) {
            return List.of();
        }
        return session.select(em -> em.createQuery("select t from CrmTask t where t.clientId = :client "
                                + "order by t.dueAt, t.id", TaskEntity.class)
                .setParameter("client", client.value()).setMaxResults(limit), JpaTaskStore::toTask);
    }

    @Override
    public long countOpenInColumn(String column) {
        Objects.requireNonNull(column, "column");
        return session.read(em -> em.createQuery("select count(t) from CrmTask t where t.boardColumn = :column "
                        + "and t.status in :open", Long.class)
                .setParameter("column", column).setParameter("open", OPEN).getSingleResult());
    }

    /**
     * One grouped select: {@code count} and a {@code sum(case when ...)} per outcome, over the tasks with a
     * regulation due in the period (a range on {@code due_at}).
     */
    @Override
    public List<ComplianceCount> countRegulated(Instant from, Instant to, Instant now) {
        requirePeriod(from, to, now);
        return session.read(em -> em.createQuery("select t.regulation, t.responsibleId, count(t), "
                                + "sum(case when t.status = 'DONE' and t.completedAt <= t.dueAt then 1 else 0 end), "
                                + "sum(case when t.status = 'DONE' and t.completedAt > t.dueAt then 1 else 0 end), "
                                + "sum(case when t.status in ('OPEN', 'IN_PROGRESS') and t.dueAt < :now "
                                + "then 1 else 0 end), "
                                + "sum(case when t.status = 'CANCELLED' then 1 else 0 end) "
                                + "from CrmTask t where t.regulation is not null and t.dueAt >= :from "
                                + "and t.dueAt < :to group by t.regulation, t.responsibleId", Object[].class)
                .setParameter("from", from).setParameter("to", to).setParameter("now", now)
                .getResultList().stream()
                .map(row -> new ComplianceCount((String) row[0], EmployeeId.of((String) row[1]), number(row[2]),
                        number(row[3]), number(row[4]), number(row[5]), number(row[6])))
                .toList());
    }

    /** One select of four columns and the id, over the late rows only. */
    @Override
    public List<LateTask> findLateRegulated(Instant from, Instant to, Instant now) {
        requirePeriod(from, to, now);
        return session.read(em -> em.createQuery("select t.id, t.regulation, t.responsibleId, t.dueAt, "
                                + "t.completedAt, t.status from CrmTask t where t.regulation is not null "
                                + "and t.dueAt >= :from and t.dueAt < :to and ((t.status = 'DONE' "
                                + "and t.completedAt > t.dueAt) or (t.status in :open and t.dueAt < :now))",
                        Object[].class)
                .setParameter("from", from).setParameter("to", to).setParameter("now", now)
                .setParameter("open", OPEN).getResultList().stream()
                .map(row -> new LateTask(TaskId.of((UUID) row[0]), (String) row[1], EmployeeId.of((String) row[2]),
                        (Instant) row[3], OPEN.contains((String) row[5]) ? null : (Instant) row[4]))
                .toList());
    }

    private static void requirePeriod(Instant from, Instant to, Instant now) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(now, "now");
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static void requireLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    private static TaskEntity toRow(Task t) {
        TaskEntity row = new TaskEntity(t.id().value());
        row.version = t.version();
        row.kind = t.kind().name();
        row.title = t.title();
        row.notes = t.notes();
        row.responsibleId = t.responsible().value();
        row.dueAt = t.due();
        row.dueDate = t.dueDate();
        row.priority = t.priority().name();
        row.clientId = t.client() == null ? null : t.client().value();
        row.dealRef = t.dealRef();
        row.interactionId = t.interaction() == null ? null : t.interaction().value();
        row.status = t.status().name();
        row.boardColumn = t.column();
        row.completedAt = t.completedAt();
        row.regulation = t.regulation();
        row.sourceKey = t.sourceKey();
        row.createdAt = t.createdAt();
        return row;
    }

    private static Task toTask(TaskEntity row) {
        return new Task(TaskId.of(row.id), TaskKind.valueOf(row.kind), row.title, row.notes,
                EmployeeId.of(row.responsibleId), row.dueAt, row.dueDate, TaskPriority.valueOf(row.priority),
                row.clientId == null ? null : ClientId.of(row.clientId), row.dealRef,
                row.interactionId == null ? null : InteractionId.of(row.interactionId),
                TaskStatus.valueOf(row.status), row.boardColumn, row.completedAt, row.regulation, row.sourceKey,
                row.createdAt, row.version);
    }
}
