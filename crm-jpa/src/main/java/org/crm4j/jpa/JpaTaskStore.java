package org.crm4j.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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
 * Lookups select a task's columns as values, so no row of theirs enters the persistence context; a row it writes
 * leaves it before it returns ({@link JpaSession#release}).
 */
final class JpaTaskStore implements TaskStore {
    /**
     * The open statuses written into the queries as literals, not bound as a list: Hibernate translates a query
     * with a list parameter again on every execution, since the list's length may change.
     */
    private static final String OPEN = "('" + TaskStatus.OPEN.name() + "', '" + TaskStatus.IN_PROGRESS.name() + "')";
    /**
     * The columns of a task, read as values rather than as entities: a read builds records, so loading rows into
     * the persistence context only to clear it again costs the snapshot of every row for nothing.
     */
    private static final String COLUMNS = "select t.id, t.kind, t.title, t.notes, t.responsibleId, t.dueAt, "
            + "t.dueDate, t.priority, t.clientId, t.dealRef, t.interactionId, t.status, t.boardColumn, "
            + "t.completedAt, t.regulation, t.sourceKey, t.createdAt, t.version from CrmTask t ";
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
        return tasks(em -> em.createQuery(COLUMNS + "where t.id = :key", Object[].class)
                .setParameter("key", id.value())).stream().findFirst();
    }

    @Override
    public Optional<Task> findBySourceKey(String sourceKey) {
        Objects.requireNonNull(sourceKey, "sourceKey");
        return tasks(em -> em.createQuery(COLUMNS + "where t.sourceKey = :key", Object[].class)
                .setParameter("key", sourceKey)).stream().findFirst();
    }

    @Override
    public List<Task> findOpenByResponsible(EmployeeId responsible, Instant before, int limit) {
        Objects.requireNonNull(responsible, "responsible");
        Objects.requireNonNull(before, "before");
        requireLimit(limit);
        if (limit == 0) {
            return List.of();
        }
        return tasks(em -> em.createQuery(COLUMNS + "where t.responsibleId = :who and t.status in " + OPEN
                        + " and t.dueAt < :before order by t.dueAt, t.id", Object[].class)
                .setParameter("who", responsible.value()).setParameter("before", before).setMaxResults(limit));
    }

    @Override
    public List<Task> findByClient(ClientId client, int limit) {
        Objects.requireNonNull(client, "client");
        requireLimit(limit);
        if (limit == 0) {
            return List.of();
        }
        return tasks(em -> em.createQuery(COLUMNS + "where t.clientId = :client order by t.dueAt, t.id",
                Object[].class).setParameter("client", client.value()).setMaxResults(limit));
    }

    @Override
    public long countOpenInColumn(String column) {
        Objects.requireNonNull(column, "column");
        return session.read(em -> em.createQuery("select count(t) from CrmTask t where t.boardColumn = :column "
                        + "and t.status in " + OPEN, Long.class)
                .setParameter("column", column).getSingleResult());
    }

    /** The tasks whose columns {@code query} selects: values, never entities, so nothing enters the context. */
    private List<Task> tasks(Function<EntityManager, TypedQuery<Object[]>> query) {
        return session.read(em -> {
            List<Object[]> rows = query.apply(em).getResultList();
            List<Task> tasks = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                tasks.add(toTask(row));
            }
            return tasks;
        });
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
                                + "sum(case when t.status in " + OPEN + " and t.dueAt < :now "
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
                                + "and t.completedAt > t.dueAt) or (t.status in " + OPEN + " and t.dueAt < :now))",
                        Object[].class)
                .setParameter("from", from).setParameter("to", to).setParameter("now", now)
                .getResultList().stream()
                .map(row -> new LateTask(TaskId.of((UUID) row[0]), (String) row[1], EmployeeId.of((String) row[2]),
                        (Instant) row[3], TaskStatus.valueOf((String) row[5]).isOpen() ? null : (Instant) row[4]))
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

    /** A task from the values {@link #COLUMNS} selects, in that order. */
    private static Task toTask(Object[] row) {
        UUID client = (UUID) row[8];
        UUID interaction = (UUID) row[10];
        return new Task(TaskId.of((UUID) row[0]), TaskKind.valueOf((String) row[1]), (String) row[2],
                (String) row[3], EmployeeId.of((String) row[4]), (Instant) row[5], (LocalDate) row[6],
                TaskPriority.valueOf((String) row[7]), client == null ? null : ClientId.of(client), (String) row[9],
                interaction == null ? null : InteractionId.of(interaction), TaskStatus.valueOf((String) row[11]),
                (String) row[12], (Instant) row[13], (String) row[14], (String) row[15], (Instant) row[16],
                (Long) row[17]);
    }
}
