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

    /** No transaction at all: for stores that are atomic per call, such as the in-memory store. */
    static Transactions none() {
        return Supplier::get;
    }
}
