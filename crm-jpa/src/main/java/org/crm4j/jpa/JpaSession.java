package org.crm4j.jpa;

import jakarta.persistence.EntityManager;
import java.util.Collection;
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
}
