package org.crm4j.core.timeline;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.crm4j.client.ClientId;
import org.crm4j.core.history.InMemoryWorkHistoryStore;
import org.crm4j.core.interaction.InMemoryInteractionStore;
import org.crm4j.history.Claim;
import org.crm4j.history.Payment;
import org.crm4j.history.SaleLine;
import org.crm4j.history.WorkFact;
import org.crm4j.interaction.Interaction;
import org.crm4j.keydate.NotableEvent;
import org.crm4j.keydate.NotableEventStore;
import org.crm4j.timeline.TimelineCursor;
import org.crm4j.timeline.TimelineEntry;
import org.crm4j.timeline.TimelineKind;
import org.crm4j.timeline.TimelinePage;
import org.crm4j.timeline.TimelineQuery;
import org.jspecify.annotations.Nullable;

/**
 * The timeline over crm4j's in-memory stores. Interactions and work-history facts are read in timeline order
 * from their per-client indexes, skipping what precedes the cursor without copying it, and no more than one
 * entry past the page is taken from each source. Thread-safe.
 */
public final class InMemoryTimeline implements TimelineQuery {
    private final InMemoryInteractionStore interactions;
    private final NotableEventStore notableEvents;
    private final InMemoryWorkHistoryStore workHistory;

    public InMemoryTimeline(InMemoryInteractionStore interactions, NotableEventStore notableEvents,
                            InMemoryWorkHistoryStore workHistory) {
        this.interactions = Objects.requireNonNull(interactions, "interactions");
        this.notableEvents = Objects.requireNonNull(notableEvents, "notableEvents");
        this.workHistory = Objects.requireNonNull(workHistory, "workHistory");
    }

    @Override
    public TimelinePage page(ClientId client, ZoneId zone, @Nullable TimelineCursor after, int limit) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(zone, "zone");
        TimelineQuery.checkLimit(limit);
        Stream<TimelineEntry> fromInteractions = interactions.streamByClient(client).map(InMemoryTimeline::entry);
        Stream<TimelineEntry> fromEvents = notableEvents.findByClient(client).stream().map(e -> entry(e, zone));
        return TimelinePage.of(List.of(
                after(fromInteractions, after, limit),
                after(fromEvents.sorted(Comparator.comparing(TimelineEntry::cursor, TimelineCursor.NEWEST_FIRST)),
                        after, limit),
                workHistory.findByClientAfter(client, after, limit + 1).stream()
                        .map(InMemoryTimeline::entry).toList()), limit);
    }

    /** The first {@code limit + 1} entries of a source in timeline order that come after the cursor. */
    private static List<TimelineEntry> after(Stream<TimelineEntry> newestFirst, @Nullable TimelineCursor cursor,
                                             int limit) {
        Stream<TimelineEntry> rest = cursor == null ? newestFirst
                : newestFirst.dropWhile(e -> TimelineCursor.NEWEST_FIRST.compare(e.cursor(), cursor) <= 0);
        return rest.limit(limit + 1L).toList();
    }

    private static TimelineEntry entry(Interaction i) {
        return new TimelineEntry(TimelineKind.INTERACTION, i.id().value(), i.client(), i.at(), null, i.type(),
                i.subject(), null, i.manager(), i.documentRef());
    }

    private static TimelineEntry entry(WorkFact fact) {
        TimelineKind kind = TimelineKind.valueOf(fact.kind().name());
        String document = fact.key().documentId();
        if (fact instanceof SaleLine s) {
            return new TimelineEntry(kind, s.id().value(), s.client(), s.at(), null, s.productCode(),
                    s.productName(), s.amount(), s.manager(), document);
        }
        if (fact instanceof Payment p) {
            return new TimelineEntry(kind, p.id().value(), p.client(), p.at(), null, p.method().name(), document,
                    p.amount(), null, document);
        }
        Claim c = (Claim) fact;
        return new TimelineEntry(kind, c.id().value(), c.client(), c.at(), null, null, c.subject(), c.amount(),
                null, document);
    }

    private static TimelineEntry entry(NotableEvent e, ZoneId zone) {
        return new TimelineEntry(TimelineKind.NOTABLE_EVENT, e.id().value(), e.client(),
                e.date().atStartOfDay(zone).toInstant(), e.date(), e.kind().name(), e.title(), null, null, null);
    }
}
