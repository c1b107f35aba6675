package org.crm4j.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A page of a client's timeline, newest first, and where the next one starts. Immutable.
 *
 * @param entries the entries of the page
 * @param next    the cursor of the next page, or {@code null} when this page is the last
 */
public record TimelinePage(List<TimelineEntry> entries, @Nullable TimelineCursor next) {
    /** Newest first, then by kind name descending; a stable sort keeps a store's order of ids within a kind. */
    private static final Comparator<TimelineEntry> MOMENT_AND_KIND = Comparator.comparing(TimelineEntry::at)
            .thenComparing(e -> e.kind().name())
            .reversed();

    public TimelinePage {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    /**
     * The page a {@link TimelineQuery} answers from what its sources gave: each source's entries after the
     * cursor, in the source's own timeline order, up to {@code limit + 1} of them. They are merged by moment and
     * kind (a stable merge: each source's order of ids is kept), the first {@code limit} make the page, and the
     * page has a next cursor when any entry is left over.
     *
     * @throws IllegalArgumentException when {@code limit} is not 1 to {@link TimelineQuery#MAX_LIMIT}
     */
    public static TimelinePage of(List<List<TimelineEntry>> sources, int limit) {
        TimelineQuery.checkLimit(limit);
        List<TimelineEntry> merged = new ArrayList<>();
        sources.forEach(merged::addAll);
        merged.sort(MOMENT_AND_KIND);
        if (merged.size() <= limit) {
            return new TimelinePage(merged, null);
        }
        List<TimelineEntry> page = merged.subList(0, limit);
        return new TimelinePage(page, page.get(limit - 1).cursor());
    }

    /** The cursor of the next page, empty after the last page. */
    public Optional<TimelineCursor> nextCursor() {
        return Optional.ofNullable(next);
    }
}
