package org.crm4j.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link Transactions#none()}: no transaction around the work, as stores atomic per call need none; but a call's
 * {@link #afterCommit} actions wait until the outermost {@link #inTransaction} on the thread returns, and are
 * dropped if it throws, so nothing an outbox received is delivered for a use case that failed.
 */
final class NoTransactions implements Transactions {
    /** The after-commit actions of the outermost call under way on each thread; absent outside any call. */
    private static final ThreadLocal<List<Runnable>> PENDING = new ThreadLocal<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (PENDING.get() != null) {
            return work.get();
        }
        List<Runnable> actions = new ArrayList<>();
        PENDING.set(actions);
        T result;
        try {
            result = work.get();
        } finally {
            PENDING.remove();
        }
        runAll(actions);
        return result;
    }

    /** Runs every action, even when one throws; the first exception is thrown after the last action ran. */
    static void runAll(List<Runnable> actions) {
        RuntimeException failure = null;
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean afterCommit(Runnable action) {
        List<Runnable> actions = PENDING.get();
        if (actions == null) {
            action.run();
        } else {
            actions.add(action);
        }
        return true;
    }
}
