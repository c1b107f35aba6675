package org.crm4j.core.keydate;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.crm4j.client.ClientId;



import org.crm4j.keydate.NotableEvent;
import org.crm4j.keydate.NotableEventId;
import org.crm4j.keydate.NotableEventStore;
import org.crm4j.storage.OptimisticLock;

/**
 * Notable events in memory. Writes are atomic per event; the range lookups scan the events, which in memory
 * (thousands of events, not millions) costs less than keeping an index current. Thread-safe.
 */
public final class InMemoryNotableEventStore implements NotableEventStore {
    private static final Comparator<NotableEvent> BY_DATE = Comparator.comparing(NotableEvent::date)
            .thenComparing(e -> e.id().toString());

    private final ConcurrentHashMap<NotableEventId, NotableEvent> events = new ConcurrentHashMap<>();

    @Override
    public NotableEvent save(NotableEvent event) {
        Objects.requireNonNull(event, "event");
        NotableEvent stored = event.withVersion(event.version() + 1);
        events.compute(event.id(), (id, current) -> {
            OptimisticLock.check("notable-event", id, event.version(), current == null ? null : current.version());
            return stored;
        });
        return stored;
    }

    @Override
    public Optional<NotableEvent> findById(NotableEventId id) {
        return Optional.ofNullable(events.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public List<NotableEvent> findByClient(ClientId client) {
        Objects.requireNonNull(client, "client");
        return select(e -> e.client().equals(client));
    }

    @Override
    public List<NotableEvent> findOnceBetween(LocalDate from, LocalDate to) {
        return select(e -> !e.yearly() && !e.date().isBefore(from) && !e.date().isAfter(to));
    }

    @Override
    public List<NotableEvent> findYearlyBetween(int fromMonthDay, int toMonthDay) {
        return select(e -> {
            int md = e.date().getMonthValue() * 100 + e.date().getDayOfMonth();
            return e.yearly() && md >= fromMonthDay && md <= toMonthDay;
        });
    }

    private List<NotableEvent> select(Predicate<NotableEvent> wanted) {
        return events.values().stream().filter(wanted).sorted(BY_DATE).toList();
    }
}
