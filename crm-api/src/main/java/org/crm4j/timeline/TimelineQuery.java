package org.crm4j.timeline;

import java.time.ZoneId;
import org.crm4j.client.ClientId;
import org.jspecify.annotations.Nullable;

/**
 * Reads a client's timeline across the stores of a {@code CrmStorage}: its interactions, notable events and
 * work-history facts, merged in {@link TimelineCursor#NEWEST_FIRST timeline order}. An implementation proves
 * itself with {@code TimelineQueryContract} from crm-api's test-jar.
 *
 * <ul>
 *   <li>A page holds the first {@code limit} entries after {@code after} (from the newest when it is
 *       {@code null}); its {@code next} cursor is that of its last entry, or {@code null} when no entry
 *       follows.</li>
 *   <li>An entry with a date but no time (a notable event) stands at the start of its date in {@code zone}.</li>
 *   <li>A page's cost must not grow with the length of the history: crm-jpa answers each page with one
 *       statement over indexes.</li>
 * </ul>
 */
public interface TimelineQuery {
    /** The largest page a store must answer. */
    int MAX_LIMIT = 500;

    /**
     * A page of the client's timeline.
     *
     * @param limit 1 to {@link #MAX_LIMIT}
     * @throws IllegalArgumentException when {@code limit} is out of range
     */
    TimelinePage page(ClientId client, ZoneId zone, @Nullable TimelineCursor after, int limit);

    /**
     * Returns {@code limit} when a store must answer a page of that size.
     *
     * @throws IllegalArgumentException when it is not 1 to {@link #MAX_LIMIT}
     */
    static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        return limit;
    }
}
