package org.crm4j.common;

import java.util.function.Supplier;

/**
 * The transaction boundary of a use case. The embedding system decides what a transaction is: its JTA or
 * Spring transaction manager, a resource-local JPA transaction, or nothing for in-memory storage. Every crm4j
 * use case runs its loads, decision and saves inside one {@link #inTransaction} call, so a refused command
 * leaves nothing behind.
 */
@FunctionalInterface
public interface Transactions {
    /**
     * Runs {@code work} in a transaction: joins the caller's transaction if one is active, otherwise begins one
     * and commits it when {@code work} returns, or rolls it back when {@code work} throws.
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Asks to run {@code action} once the current transaction has committed, and not at all if it rolls back.
     * crm4j uses it to deliver what its outbox received in the transaction (notifications, events for the
     * listener) right after the commit instead of at the next {@code fireDue}. Called inside {@link #inTransaction};
     * outside any transaction an implementation runs {@code action} at once. The action must not throw; if it does,
     * the implementation logs or ignores the exception, as the transaction has committed already.
     *
     * <p>The default does not support it and returns {@code false}: what the outbox received then waits for the
     * next {@code fireDue}, which is always correct and only later. An implementation bound to a transaction
     * manager overrides it (Spring: {@code TransactionSynchronization.afterCommit}; JTA:
     * {@code Synchronization.afterCompletion} with a committed status).
     *
     * @return whether {@code action} will run (or ran) after the commit
     */
    default boolean afterCommit(Runnable action) {
        return false;
    }

    /**
     * No transaction at all: for stores that are atomic per call, such as the in-memory store. A write is final
     * when its store call returns and is not undone when the use case fails later; {@link #afterCommit} actions run
     * when the outermost {@code inTransaction} on the thread returns, and are dropped when it throws.
     */
    static Transactions none() {
        return new NoTransactions();
    }
}
