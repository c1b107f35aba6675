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
}
