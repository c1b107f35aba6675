package org.crm4j.common;

/**
 * The embedding system's hook for CRM events (deal won → create an order).
 *
 * <h2>Delivery</h2>
 * crm4j writes the events of a change to its outbox in the change's transaction and hands them to the listener
 * after the commit, never for a change rolled back. Delivery is at least once: each event carries an idempotency
 * key ({@link #on(CrmEvent, String)}), the same at every delivery, and a listener whose side effects must not
 * repeat keeps the keys it has handled. The events of one aggregate (one deal, one client) come in the order they
 * happened. An exception thrown here does not undo the change: the event is delivered again later, with a
 * growing pause, and after too many refusals it waits as a dead letter until released
 * ({@code crm.scheduler().deadLetters}, {@code release}).
 *
 * <p>Implementations must be thread-safe: several threads and nodes deliver at once.
 */
@FunctionalInterface
public interface CrmEventListener {
    /** Reacts to {@code event}; see {@link #on(CrmEvent, String)} for a listener that needs its key. */
    void on(CrmEvent event);

    /**
     * Reacts to {@code event} delivered under {@code key}, its idempotency key ({@code event:<uuid>}), the same
     * each time this event is delivered. crm4j's outbox calls this method; by default it calls {@link #on(CrmEvent)}.
     */
    default void on(CrmEvent event, String key) {
        on(event);
    }

    /** A listener that ignores every event. */
    static CrmEventListener none() {
        return event -> { };
    }
}
