package org.crm4j.common;

import java.time.Instant;

/**
 * Something that happened in the CRM which the embedding system may react to (a client registered, a deal won).
 * Each aggregate has a sealed interface of its own events extending this one. Events are immutable records.
 */
public interface CrmEvent {
    /** When it happened, from the CRM's clock. */
    Instant at();

    /** The stable name of the event type, such as {@code client.registered}. */
    String type();
}
