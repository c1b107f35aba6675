package org.crm4j.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** How a store reaches the entity manager of the current transaction, beginning one if none is active. */
interface JpaSession {
    <T> T inTransaction(Function<EntityManager, T> work);

    /**
     * Runs a read: inside the current transaction if there is one, otherwise without beginning one (each select
     * in auto-commit), which saves the round trip of a commit on every lookup.
     */
    <T> T read(Function<EntityManager, T> work);

    /**
     * Lets go of crm4j's rows once they are written or read: clears the persistence context when it is crm4j's
     * own, detaches the rows one by one when it is shared with the embedding system.
     */
    void release(EntityManager em, Collection<?> rows);

    /** A read of the rows {@code query} selects, released and turned into values by {@code toValue}. */
    default <R, T> List<T> select(Function<EntityManager, TypedQuery<R>> query, Function<R, T> toValue) {
        return read(em -> {
            List<R> rows = query.apply(em).getResultList();
            release(em, rows);
            return rows.stream().map(toValue).toList();
        });
    }
}
