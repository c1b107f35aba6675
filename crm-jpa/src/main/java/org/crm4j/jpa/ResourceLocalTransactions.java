package org.crm4j.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.crm4j.common.Transactions;

/**
 * Resource-local transactions of crm4j's own entity manager factory, the default when no transaction manager of
 * the embedding system is given. The entity manager of a transaction is bound to the thread running it; a nested
 * {@link #inTransaction} joins the outer one. A transaction commits when its work returns and rolls back when it
 * throws; a provider's exception at commit comes out as a {@link org.crm4j.common.CrmException}.
 */
final class ResourceLocalTransactions implements Transactions, JpaSession {
    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    ResourceLocalTransactions(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return inTransaction(em -> work.get());
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager joined = current.get();
        if (joined != null) {
            return work.apply(joined);
        }
        EntityManager em = open();
        current.set(em);
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            rollbackQuietly(tx, e);
            throw e instanceof PersistenceException pe ? JpaExceptions.translate(pe) : e;
        } catch (Error e) {
            rollbackQuietly(tx, e);
            throw e;
        } finally {
            current.remove();
            em.close();
        }
    }

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager joined = current.get();
        if (joined != null) {
            return work.apply(joined);
        }
        EntityManager em = open();
        try {
            return work.apply(em);
        } catch (PersistenceException e) {
            throw JpaExceptions.translate(e);
        } finally {
            em.close();
        }
    }

    /** The persistence context is crm4j's own and holds nothing but crm4j's rows: clearing it is cheapest. */
    @Override
    public void release(EntityManager em, Collection<?> rows) {
        em.clear();
    }

    private EntityManager open() {
        try {
            return factory.createEntityManager();
        } catch (PersistenceException e) {
            throw JpaExceptions.translate(e);
        }
    }

    private static void rollbackQuietly(EntityTransaction tx, Throwable cause) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
