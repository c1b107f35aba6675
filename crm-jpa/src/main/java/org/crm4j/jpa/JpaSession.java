package org.crm4j.jpa;

import jakarta.persistence.EntityManager;
import java.util.function.Function;

/** How a store reaches the entity manager of the current transaction, beginning one if none is active. */
interface JpaSession {
    <T> T inTransaction(Function<EntityManager, T> work);
}
