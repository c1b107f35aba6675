package org.crm4j.deal;

import java.util.List;
import java.util.Optional;

/**
 * Storage of pipelines. An implementation proves itself with {@code PipelineStoreContract} from crm-api's
 * test-jar.
 *
 * <h2>Contract</h2>
 * {@link #save} follows {@link org.crm4j.storage.OptimisticLock} keyed by the code: version 0 inserts (a taken
 * code is a {@link org.crm4j.common.DuplicateException} with key {@code code}), version n replaces exactly the
 * stored version n and returns version n+1 (a stale version is a
 * {@link org.crm4j.common.ConcurrentModificationException}, an update of nothing stored a
 * {@link PipelineNotFoundException}). Stages come back in the order saved. Implementations are thread-safe.
 */
public interface PipelineStore {
    /** Inserts a new pipeline or replaces the stored version; returns it as stored. */
    Pipeline save(Pipeline pipeline);

    /** The pipeline stored under {@code code}. */
    Optional<Pipeline> findByCode(String code);

    /** Every pipeline, by code. */
    List<Pipeline> findAll();
}
