package org.crm4j.classifier;

import java.util.List;
import java.util.Optional;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.NotFoundException;

/**
 * Storage of dictionary entries. An implementation proves itself with {@code ClassifierStoreContract} from
 * crm-api's test-jar.
 *
 * <ul>
 *   <li>{@link #save} with version 0 inserts; with version n it replaces the stored version n and returns the
 *       entry with version n+1. A taken code is a {@link DuplicateException} (key {@code code}); a stale version
 *       a {@link ConcurrentModificationException}; an update of an entry not stored a {@link NotFoundException}.
 *       Nothing is written when it throws.</li>
 *   <li>Lookups are by kind and code, indexed; {@link #list} orders by code.</li>
 * </ul>
 */
public interface ClassifierStore {
    ClassifierEntry save(ClassifierEntry entry);

    Optional<ClassifierEntry> find(ClassifierKind kind, String code);

    /** Every entry of a dictionary, active or not, by code. */
    List<ClassifierEntry> list(ClassifierKind kind);
}
