package org.crm4j.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crm4j.client.ClientId;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.EmployeeId;

/**
 * Storage of tasks: the port an embedding system implements to keep tasks in its own storage, or takes from
 * crm4j (in memory in crm-core, JPA in crm-jpa). An implementation proves itself with {@code TaskStoreContract}
 * from crm-api's test-jar.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #save} follows {@link org.crm4j.storage.OptimisticLock}: version 0 inserts, version n replaces the
 *       stored version n and returns version n+1; a taken id is a {@link DuplicateException} (key {@code id}), a
 *       taken source key a {@link DuplicateException} (key {@code sourceKey}), a stale version a
 *       {@link ConcurrentModificationException}, an update of a task not stored a {@link TaskNotFoundException}.
 *       Nothing is written when it throws.</li>
 *   <li>Every lookup is indexed: by id, by source key, by responsible person, status and deadline
 *       ({@link #findOpenByResponsible}, which serves the agenda and the overdue policy in one select), by
 *       client, and the count by board column.</li>
 *   <li>Lists of tasks by deadline come by {@code due}, then by id as the store orders ids.</li>
 *   <li>The compliance questions ({@link #countRegulated}, {@link #findLateRegulated}) are aggregates the store
 *       answers itself, one query each whatever the number of tasks (crm-jpa pushes them down to SQL); they look
 *       at tasks with a regulation whose deadline lies in {@code [from, to)}.</li>
 *   <li>Returned records are the stored state; implementations are thread-safe.</li>
 * </ul>
 */
public interface TaskStore {
    /**
     * Inserts a new task (version 0) or replaces the stored one whose version equals {@code task.version()}.
     *
     * @return the task as stored, with its version increased by one
     */
    Task save(Task task);

    Optional<Task> findById(TaskId id);

    /** The task created under an idempotency key, such as {@code interaction:<id>:follow-up}. */
    Optional<Task> findBySourceKey(String sourceKey);

    /**
     * The open tasks ({@link TaskStatus#isOpen()}) of {@code responsible} due before {@code before} (excluded),
     * by deadline then id, at most {@code limit}.
     */
    List<Task> findOpenByResponsible(EmployeeId responsible, Instant before, int limit);

    /** A client's tasks, open or closed, by deadline then id, at most {@code limit}. */
    List<Task> findByClient(ClientId client, int limit);

    /** How many open tasks are in the board column {@code column}: what a work-in-progress limit is checked against. */
    long countOpenInColumn(String column);

    /**
     * Per regulation and responsible employee, how the regulated tasks due in {@code [from, to)} stand at
     * {@code now}, judged by the clock ({@link ComplianceCount}); pairs without such tasks are absent. In no
     * particular order (databases collate codes differently; the caller sorts).
     */
    List<ComplianceCount> countRegulated(Instant from, Instant to, Instant now);

    /**
     * The regulated tasks due in {@code [from, to)} that are past their deadline by the clock at {@code now}:
     * done after it, or open with a deadline before {@code now}; in no particular order.
     * Their lateness in business time needs a {@link org.crm4j.calendar.BusinessCalendar}, which is Java, so the
     * caller measures it from these rows (the only tasks whose lateness is not zero).
     */
    List<LateTask> findLateRegulated(Instant from, Instant to, Instant now);
}
