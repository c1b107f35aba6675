package org.crm4j.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Storage of calls: the port an embedding system implements to keep calls in its own storage, or takes from
 * crm4j (in memory in crm-core, JPA in crm-jpa). An implementation proves itself with {@code CallStoreContract}
 * from crm-api's test-jar.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>A call is the fold of its events ({@link Call#apply}), each kind taken once: appending an event is reading
 *       the call, applying the event and saving it only when it changed, so a repeated event writes nothing.</li>
 *   <li>{@link #save} follows {@link org.crm4j.storage.OptimisticLock}: version 0 inserts, version n replaces the
 *       stored version n and returns version n+1; a taken call id is a {@link org.crm4j.common.DuplicateException}
 *       (key {@code id}), a stale version a {@link org.crm4j.common.ConcurrentModificationException}, an update of
 *       a call not stored a {@link CallNotFoundException}. Nothing is written when it throws.</li>
 *   <li>{@link #countServiceLevel} is an aggregate the store answers itself, one query whatever the number of
 *       calls (crm-jpa pushes it down to SQL, indexed by line and offered moment).</li>
 *   <li>Returned records are the stored state; implementations are thread-safe.</li>
 * </ul>
 */
public interface CallStore {
    /**
     * Inserts a new call (version 0) or replaces the stored one whose version equals {@code call.version()}.
     *
     * @return the call as stored, with its version increased by one
     */
    Call save(Call call);

    /** The call with this PBX call id. */
    Optional<Call> findById(String callId);

    /**
     * The counts of the service level of {@code line} for the calls offered in {@code [from, to)} that were
     * answered or abandoned: a call is within a limit when its {@link Call#waiting() waiting} is at most the limit.
     */
    ServiceLevelCounts countServiceLevel(String line, Instant from, Instant to, Duration threshold,
                                         Duration shortAbandon);
}
