package org.crm4j.jpa;

import java.util.function.Supplier;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.NotFoundException;
import org.crm4j.storage.OptimisticLock;
import org.jspecify.annotations.Nullable;

/**
 * What it means when a guarded update ({@code update … where id = ? and version = ?}) matched no row, given the
 * version the same transaction reads afterwards: nothing stored, another version stored, or — when the version
 * read is the one expected — a change committed by another transaction after this one's snapshot. A
 * repeatable-read transaction (MariaDB's default) keeps reading its snapshot, while the update reads the latest
 * committed row: the aggregate was changed meanwhile.
 */
final class MissedUpdate {
    private MissedUpdate() {
    }

    /** Throws the refusal of saving version {@code saving} when the version read afterwards is {@code stored}. */
    static RuntimeException refuse(String aggregate, String idKey, Object id, long saving, @Nullable Long stored,
                                   Supplier<? extends NotFoundException> missing) {
        OptimisticLock.check(aggregate, idKey, id, saving, stored, missing);
        throw new ConcurrentModificationException(aggregate, id, saving, null);
    }
}
