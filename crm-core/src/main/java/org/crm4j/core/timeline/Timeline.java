package org.crm4j.core.timeline;

import java.time.ZoneId;
import java.util.Objects;
import org.crm4j.client.ClientId;
import org.crm4j.common.Transactions;
import org.crm4j.common.ValidationException;
import org.crm4j.timeline.TimelineCursor;
import org.crm4j.timeline.TimelinePage;
import org.crm4j.timeline.TimelineQuery;
import org.jspecify.annotations.Nullable;

/**
 * The client's timeline (M-1.5): the single view of the relationship, every interaction, notable event and
 * work-history fact of a client in one list, newest first, page by page. A page ends with a cursor; passing it
 * back gives the next page, unchanged by what was recorded meanwhile.
 *
 * <pre>{@code
 * TimelinePage page = crm.timeline().page(client, null, 50);
 * while (page.next() != null) {
 *     page = crm.timeline().page(client, page.next().encode(), 50);
 * }
 * }</pre>
 *
 * A client with no card, or with nothing recorded, has an empty timeline. Thread-safe.
 */
public final class Timeline {
    private final TimelineQuery query;
    private final Transactions transactions;
    private final ZoneId zone;

    /**
     * @param zone the tenant's zone: a notable event's date stands at the start of that day in it
     */
    public Timeline(TimelineQuery query, Transactions transactions, ZoneId zone) {
        this.query = Objects.requireNonNull(query, "query");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * A page of the client's timeline.
     *
     * @param after the cursor a previous page ended with, as {@link TimelineCursor#encode()} wrote it, or
     *              {@code null} for the newest entries
     * @param limit how many entries, 1 to {@link TimelineQuery#MAX_LIMIT}
     * @throws ValidationException for a limit out of range ({@code timeline.limit}) or a text that is not a
     *                             cursor ({@code timeline.cursor})
     */
    public TimelinePage page(ClientId client, @Nullable String after, int limit) {
        return page(client, after == null ? null : TimelineCursor.decode(after), limit);
    }

    /** A page of the client's timeline after {@code after}, or from the newest entry when it is {@code null}. */
    public TimelinePage page(ClientId client, @Nullable TimelineCursor after, int limit) {
        Objects.requireNonNull(client, "client");
        if (limit < 1 || limit > TimelineQuery.MAX_LIMIT) {
            throw new ValidationException("limit", "timeline.limit", limit,
                    "a page holds 1 to " + TimelineQuery.MAX_LIMIT + " entries, was " + limit);
        }
        return transactions.inTransaction(() -> query.page(client, zone, after, limit));
    }
}
