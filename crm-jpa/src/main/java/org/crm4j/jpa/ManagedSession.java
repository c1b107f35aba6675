package org.crm4j.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.crm4j.common.Transactions;

/**
 * The embedding system's transactions (JTA, Spring) and the entity manager its transaction manager binds to the
 * current transaction, such as a container-managed or a shared one.
 */
final class ManagedSession implements JpaSession {
    private final Transactions transactions;
    private final Supplier<EntityManager> entityManager;

    ManagedSession(Transactions transactions, Supplier<EntityManager> entityManager) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        try {
            return transactions.inTransaction(() -> work.apply(entityManager.get()));
        } catch (PersistenceException e) {
            throw JpaExceptions.translate(e);
        }
    }

    /** The persistence context is the embedding system's: only crm4j's rows leave it. */
    @Override
    public void release(EntityManager em, Collection<?> rows) {
        for (Object row : rows) {
            em.detach(row);
        }
    }

    /** The embedding system decides what a read runs in: it always goes through its transactions. */
    @Override
    public <T> T read(Function<EntityManager, T> work) {
        return inTransaction(work);
    }
}
