package org.crm4j.jpa;

import jakarta.persistence.EntityManager;
import java.util.function.Function;

/** How a store reaches the entity manager of the current transaction, beginning one if none is active. */
interface JpaSession {
    <T> T inTransaction(Function<EntityManager, T> work);

    /**
     * Runs a read: inside the current transaction if there is one, otherwise without beginning one (each select
     * in auto-commit), which saves the round trip of a commit on every lookup.
     */
    <T> T read(Function<EntityManager, T> work);
}
