package org.crm4j.core.task;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.client.ClientId;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.EmployeeId;
import org.crm4j.storage.OptimisticLock;
import org.crm4j.task.Task;
import org.crm4j.task.TaskId;
import org.crm4j.task.TaskNotFoundException;
import org.crm4j.task.TaskStore;

/**
 * Tasks in memory, indexed by id and source key; the lists scan the tasks, which is what an in-memory store of
 * one application's tasks can afford. Every method holds one lock, so each is atomic. Thread-safe.
 */
public final class InMemoryTaskStore implements TaskStore {
    private static final Comparator<Task> BY_DUE = Comparator.comparing(Task::due)
            .thenComparing(t -> t.id().toString());

    private final Map<TaskId, Task> byId = new HashMap<>();
    private final Map<String, TaskId> bySourceKey = new HashMap<>();

    @Override
    public synchronized Task save(Task task) {
        Objects.requireNonNull(task, "task");
        Task before = byId.get(task.id());
        OptimisticLock.check("task", "id", task.id(), task.version(), before == null ? null : before.version(),
                () -> new TaskNotFoundException(task.id()));
        String key = task.sourceKey();
        if (key != null) {
            TaskId holder = bySourceKey.get(key);
            if (holder != null && !holder.equals(task.id())) {
                throw new DuplicateException("task", "sourceKey", key);
            }
        }
        Task stored = task.withVersion(task.version() + 1);
        if (before != null && before.sourceKey() != null) {
            bySourceKey.remove(before.sourceKey());
        }
        if (key != null) {
            bySourceKey.put(key, task.id());
        }
        byId.put(task.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Task> findById(TaskId id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public synchronized Optional<Task> findBySourceKey(String sourceKey) {
        TaskId id = bySourceKey.get(Objects.requireNonNull(sourceKey, "sourceKey"));
        return id == null ? Optional.empty() : Optional.of(byId.get(id));
    }

    @Override
    public synchronized List<Task> findOpenByResponsible(EmployeeId responsible, Instant before, int limit) {
        Objects.requireNonNull(responsible, "responsible");
        Objects.requireNonNull(before, "before");
        requireLimit(limit);
        return byId.values().stream()
                .filter(t -> t.responsible().equals(responsible) && t.status().isOpen() && t.due().isBefore(before))
                .sorted(BY_DUE).limit(limit).toList();
    }

    @Override
    public synchronized List<Task> findByClient(ClientId client, int limit) {
        Objects.requireNonNull(client, "client");
        requireLimit(limit);
        return byId.values().stream().filter(t -> client.equals(t.client())).sorted(BY_DUE).limit(limit).toList();
    }

    @Override
    public synchronized long countOpenInColumn(String column) {
        Objects.requireNonNull(column, "column");
        return byId.values().stream().filter(t -> t.status().isOpen() && t.column().equals(column)).count();
    }

    private static void requireLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }
}
