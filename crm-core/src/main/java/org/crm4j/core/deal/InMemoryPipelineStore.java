package org.crm4j.core.deal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.crm4j.deal.Pipeline;
import org.crm4j.deal.PipelineNotFoundException;
import org.crm4j.deal.PipelineStore;
import org.crm4j.storage.OptimisticLock;

/** Pipelines in memory, by code. Every method holds one lock, so each is atomic. Thread-safe. */
public final class InMemoryPipelineStore implements PipelineStore {
    private final TreeMap<String, Pipeline> byCode = new TreeMap<>();

    @Override
    public synchronized Pipeline save(Pipeline pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        Pipeline before = byCode.get(pipeline.code());
        OptimisticLock.check("pipeline", "code", pipeline.code(), pipeline.version(),
                before == null ? null : before.version(), () -> new PipelineNotFoundException(pipeline.code()));
        Pipeline stored = pipeline.withVersion(pipeline.version() + 1);
        byCode.put(pipeline.code(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Pipeline> findByCode(String code) {
        return Optional.ofNullable(byCode.get(Objects.requireNonNull(code, "code")));
    }

    @Override
    public synchronized List<Pipeline> findAll() {
        return List.copyOf(byCode.values());
    }
}
