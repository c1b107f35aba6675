package org.crm4j.history;

import java.time.Instant;
import org.crm4j.client.ClientId;

/**
 * A fact of a client's work history, fed by the ERP: a {@link SaleLine}, a {@link Payment} or a {@link Claim}.
 * Facts are only ever added. A fact is identified in crm4j by its {@link #id()}, and in the ERP by its
 * {@link #kind()} and {@link #key()} (document and line): feeding the same key again with the same content
 * changes nothing, with other content it is refused. Implementations are immutable, thread-safe records whose
 * moment is kept to the microsecond, as every store keeps it.
 */
public sealed interface WorkFact permits SaleLine, Payment, Claim {
    /** crm4j's identity of the fact. */
    WorkFactId id();

    /** The ERP's document and line the fact comes from. */
    DocumentLine key();

    /** The client the fact concerns. */
    ClientId client();

    /** The moment of the ERP's document (a date-only document is fed as the start of its day in the CRM's zone). */
    Instant at();

    /** Which of the three kinds of fact this is. */
    WorkFactKind kind();

    /** The same fact under another id. */
    WorkFact withId(WorkFactId id);

    /** Whether {@code other} says the same as this fact, whatever the ids: a re-sent line that changes nothing. */
    default boolean sameContentAs(WorkFact other) {
        return equals(other.withId(id()));
    }
}
