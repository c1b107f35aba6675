package org.crm4j.core.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crm4j.client.ClientId;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.EmployeeId;
import org.crm4j.storage.OptimisticLock;
import org.crm4j.task.ComplianceCount;
import org.crm4j.task.LateTask;
import org.crm4j.task.Task;
import org.crm4j.task.TaskId;
import org.crm4j.task.TaskNotFoundException;
import org.crm4j.task.TaskStatus;
import org.crm4j.task.TaskStore;

/**
 * Tasks in memory, indexed by id and source key; the lists and the compliance aggregates scan the tasks, which is what an in-memory store of
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

    @Override
    public synchronized List<ComplianceCount> countRegulated(Instant from, Instant to, Instant now) {
        Objects.requireNonNull(now, "now");
        Map<List<String>, long[]> counts = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        regulatedDue(from, to).forEach(t -> {
            long[] c = counts.computeIfAbsent(List.of(t.regulation(), t.responsible().value()), k -> new long[5]);
            c[0]++;
            if (t.status() == TaskStatus.DONE) {
                c[t.completedAt().isAfter(t.due()) ? 2 : 1]++;
            } else if (t.status() == TaskStatus.CANCELLED) {
                c[4]++;
            } else if (t.due().isBefore(now)) {
                c[3]++;
            }
        });
        List<ComplianceCount> out = new ArrayList<>(counts.size());
        counts.forEach((k, c) -> out.add(new ComplianceCount(k.get(0), EmployeeId.of(k.get(1)), c[0], c[1], c[2],
                c[3], c[4])));
        return out;
    }

    @Override
    public synchronized List<LateTask> findLateRegulated(Instant from, Instant to, Instant now) {
        Objects.requireNonNull(now, "now");
        return regulatedDue(from, to)
                .filter(t -> t.status() == TaskStatus.DONE ? t.completedAt().isAfter(t.due())
                        : t.status().isOpen() && t.due().isBefore(now))
                .sorted(BY_DUE)
                .map(t -> new LateTask(t.id(), t.regulation(), t.responsible(), t.due(),
                        t.status().isOpen() ? null : t.completedAt()))
                .toList();
    }

    private Stream<Task> regulatedDue(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return byId.values().stream().filter(t -> t.regulation() != null && !t.due().isBefore(from)
                && t.due().isBefore(to));
    }

    /** How many open tasks each of {@code employees} is responsible for; those without any are absent. */
    public synchronized Map<EmployeeId, Long> countOpenByResponsible(Collection<EmployeeId> employees) {
        Set<EmployeeId> asked = Set.copyOf(employees);
        return byId.values().stream().filter(t -> t.status().isOpen() && asked.contains(t.responsible()))
                .collect(Collectors.groupingBy(Task::responsible, Collectors.counting()));
    }

    private static void requireLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }
}
