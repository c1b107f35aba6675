package org.crm4j.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.crm4j.common.StorageException;
import org.crm4j.common.Transactions;

/**
 * Resource-local transactions of crm4j's own entity manager factory, the default when no transaction manager of
 * the embedding system is given. The entity manager of a transaction is bound to the thread running it; a nested
 * {@link #inTransaction} joins the outer one, and {@link #afterCommit} actions run when the outer one has
 * committed. A transaction commits when its work returns and rolls back when it
 * throws; a provider's exception at commit comes out as a {@link org.crm4j.common.CrmException}. Work that caught a
 * failure and returned normally after the provider marked the transaction for rollback gets a
 * {@link StorageException}: nothing is written, and nothing registered to run after the commit runs.
 */
final class ResourceLocalTransactions implements Transactions, JpaSession {
    private static final System.Logger LOG = System.getLogger(ResourceLocalTransactions.class.getName());

    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

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
        List<Runnable> actions = new ArrayList<>();
        afterCommit.set(actions);
        EntityTransaction tx = em.getTransaction();
        T result;
        try {
            tx.begin();
            result = work.apply(em);
            if (tx.getRollbackOnly()) {
                // the work caught a failure and went on; the provider would roll back at commit without a word
                throw new StorageException("the transaction was rolled back: a statement within it failed and was "
                        + "caught, and the provider marked it for rollback; nothing of it was written", null);
            }
            tx.commit();
        } catch (RuntimeException e) {
            rollbackQuietly(tx, e);
            throw e instanceof PersistenceException pe ? JpaExceptions.translate(pe) : e;
        } catch (Error e) {
            rollbackQuietly(tx, e);
            throw e;
        } finally {
            current.remove();
            afterCommit.remove();
            em.close();
        }
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "An action after the commit failed; the transaction stands", e);
            }
        }
        return result;
    }

    /**
     * Runs {@code action} after the commit of this thread's transaction, not at all when it rolls back; outside a
     * transaction at once.
     */
    @Override
    public boolean afterCommit(Runnable action) {
        List<Runnable> actions = afterCommit.get();
        if (actions == null) {
            action.run();
        } else {
            actions.add(action);
        }
        return true;
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
