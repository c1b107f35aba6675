package org.crm4j.keydate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crm4j.client.ClientId;

/**
 * Storage of notable events; an implementation proves itself with {@code NotableEventStoreContract} from
 * crm-api's test-jar.
 *
 * <ul>
 *   <li>{@link #save} with version 0 inserts, with version n replaces version n and returns version n+1; a
 *       taken id is a {@code DuplicateException}, a stale version a {@code ConcurrentModificationException}, an
 *       update of an event not stored a {@code NotFoundException}.</li>
 *   <li>The lookups below are indexed and order by date, then id.</li>
 * </ul>
 */
public interface NotableEventStore {
    NotableEvent save(NotableEvent event);

    Optional<NotableEvent> findById(NotableEventId id);

    /** The events on a client's card. */
    List<NotableEvent> findByClient(ClientId client);

    /** One-off events dated from {@code from} to {@code to}, both included. */
    List<NotableEvent> findOnceBetween(LocalDate from, LocalDate to);

    /**
     * Yearly events whose month and day lie from {@code fromMonthDay} to {@code toMonthDay}, both included and
     * written as {@code month * 100 + day} (0101 to 1231), {@code from ≤ to}.
     */
    List<NotableEvent> findYearlyBetween(int fromMonthDay, int toMonthDay);
}
