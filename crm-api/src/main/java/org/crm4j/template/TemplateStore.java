package org.crm4j.template;

import java.util.List;
import java.util.Optional;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.DuplicateException;

/**
 * Storage of message templates. An implementation proves itself with {@code TemplateStoreContract} from crm-api's
 * test-jar.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #save} follows {@link org.crm4j.storage.OptimisticLock}: version 0 inserts, version n replaces the
 *       stored version n and returns version n+1; a taken code is a {@link DuplicateException} (key {@code code}),
 *       a stale version a {@link ConcurrentModificationException}, an update of a template not stored a
 *       {@link TemplateNotFoundException}. Nothing is written when it throws.</li>
 *   <li>Lookups by code are one indexed query; implementations are thread-safe.</li>
 * </ul>
 */
public interface TemplateStore {
    /**
     * Inserts a new template (version 0) or replaces the stored one whose version equals {@code template.version()}.
     *
     * @return the template as stored, with its version increased by one
     */
    MessageTemplate save(MessageTemplate template);

    /** The template stored under {@code code}. */
    Optional<MessageTemplate> findByCode(String code);

    /** Every template, by code. */
    List<MessageTemplate> findAll();
}
