package org.crm4j.storage;

import java.util.function.Supplier;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.NotFoundException;
import org.jspecify.annotations.Nullable;

/**
 * The save rule every versioned store port states: version 0 inserts and is refused when something is stored
 * under the id; version n replaces exactly the stored version n, and is refused when nothing is stored or
 * another version is. Stores (crm4j's and a vendor's own) call it with what they found stored.
 */
public final class OptimisticLock {
    private OptimisticLock() {
    }

    /**
     * Refuses saving version {@code saving} of the aggregate identified by {@code id} when {@code stored} (the
     * stored version, {@code null} when nothing is stored) does not allow it; returns when it does.
     *
     * @param idKey   the key a {@link DuplicateException} names ({@code id}, {@code code}, …)
     * @param missing the exception for an update of nothing stored
     */
    public static void check(String aggregate, String idKey, Object id, long saving, @Nullable Long stored,
                             Supplier<? extends NotFoundException> missing) {
        if (saving == 0) {
            if (stored != null) {
                throw new DuplicateException(aggregate, idKey, id);
            }
        } else if (stored == null) {
            throw missing.get();
        } else if (stored != saving) {
            throw new ConcurrentModificationException(aggregate, id, saving, stored);
        }
    }

    /** {@link #check(String, String, Object, long, Long, Supplier)} with key {@code id} and a plain not-found. */
    public static void check(String aggregate, Object id, long saving, @Nullable Long stored) {
        check(aggregate, "id", id, saving, stored, () -> new NotFoundException(aggregate, id));
    }
}
