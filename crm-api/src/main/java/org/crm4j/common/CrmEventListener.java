package org.crm4j.common;

/**
 * The embedding system's hook for CRM events (deal won → create an order). Called after the change that raised
 * the event has been saved. An exception thrown here does not undo the change. Implementations must be
 * thread-safe: several threads may save at once.
 */
@FunctionalInterface
public interface CrmEventListener {
    void on(CrmEvent event);

    /** A listener that ignores every event. */
    static CrmEventListener none() {
        return event -> { };
    }
}
