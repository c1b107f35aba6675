package org.crm4j.core.common;

import java.util.List;
import java.util.Objects;
import org.crm4j.common.CrmEvent;
import org.crm4j.common.CrmEventListener;

/**
 * How a use case hands the events of one change to its listener: inside the change's transaction, all of them at
 * once to a {@link Batch} (crm4j's outbox, which keeps them with the change), one by one to any other listener.
 * An exception from the listener propagates, so the change is rolled back with an event it could not keep.
 */
public final class Events {
    private Events() {
    }

    /** A listener that takes the events of one change together, in their order. */
    public interface Batch extends CrmEventListener {
        /** The events of one change, in order, in the change's transaction; never empty. */
        void onChange(List<? extends CrmEvent> events);

        @Override
        default void on(CrmEvent event) {
            onChange(List.of(event));
        }
    }

    /** Hands {@code events}, the events of one change, to {@code listener}; nothing when there are none. */
    public static void publish(CrmEventListener listener, List<? extends CrmEvent> events) {
        Objects.requireNonNull(listener, "listener");
        if (events.isEmpty()) {
            return;
        }
        if (listener instanceof Batch batch) {
            batch.onChange(events);
        } else {
            for (CrmEvent event : events) {
                listener.on(event);
            }
        }
    }
}
