package org.crm4j.core.classifier;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.classifier.ClassifierKind;
import org.crm4j.classifier.ClassifierStore;


import org.crm4j.common.NotFoundException;
import org.crm4j.storage.OptimisticLock;

/** Dictionaries in memory: one sorted map per kind, writes atomic per entry. Thread-safe. */
public final class InMemoryClassifierStore implements ClassifierStore {
    private final Map<ClassifierKind, ConcurrentSkipListMap<String, ClassifierEntry>> entries =
            new ConcurrentHashMap<>();

    @Override
    public ClassifierEntry save(ClassifierEntry entry) {
        Objects.requireNonNull(entry, "entry");
        ClassifierEntry stored = entry.withVersion(entry.version() + 1);
        ConcurrentSkipListMap<String, ClassifierEntry> kind =
                entries.computeIfAbsent(entry.kind(), k -> new ConcurrentSkipListMap<>());
        String id = entry.kind() + "/" + entry.code();
        kind.compute(entry.code(), (code, current) -> {
            OptimisticLock.check("classifier", "code", id, entry.version(), current == null ? null : current.version(),
                    () -> new NotFoundException("classifier", id));
            return stored;
        });
        return stored;
    }

    @Override
    public Optional<ClassifierEntry> find(ClassifierKind kind, String code) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        ConcurrentSkipListMap<String, ClassifierEntry> dictionary = entries.get(kind);
        return dictionary == null ? Optional.empty() : Optional.ofNullable(dictionary.get(code));
    }

    @Override
    public List<ClassifierEntry> list(ClassifierKind kind) {
        Objects.requireNonNull(kind, "kind");
        ConcurrentSkipListMap<String, ClassifierEntry> dictionary = entries.get(kind);
        return dictionary == null ? List.of() : List.copyOf(dictionary.values());
    }
}
