package org.crm4j.core.keydate;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.crm4j.client.ClientId;
import org.crm4j.client.ContactPersonId;
import org.crm4j.common.Transactions;
import org.crm4j.common.ValidationException;
import org.crm4j.core.common.Ids;
import org.crm4j.keydate.NotableEvent;
import org.crm4j.keydate.NotableEventId;
import org.crm4j.keydate.NotableEventKind;
import org.crm4j.keydate.NotableEventStore;
import org.jspecify.annotations.Nullable;

/**
 * Notable events on clients' cards and the key dates coming up (M-1.3). A yearly event recurs on its month and
 * day from the year of its date on; in a year without 29 February, an event of 29 February falls on
 * 28 February.
 */
public final class NotableEvents {
    /** The longest window {@link #upcoming} answers for: a leap year. */
    public static final int MAX_WINDOW_DAYS = 366;

    private final NotableEventStore store;
    private final Transactions transactions;
    private final Ids ids;

    public NotableEvents(NotableEventStore store, Transactions transactions, Ids ids) {
        this.store = Objects.requireNonNull(store, "store");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** Records an event on a client's card; {@code yearly} for an anniversary or a birthday. */
    public NotableEvent record(ClientId client, @Nullable ContactPersonId contact, NotableEventKind kind,
                               String title, LocalDate date, boolean yearly, @Nullable String note) {
        NotableEvent event = new NotableEvent(NotableEventId.of(ids.next()), client, contact, kind, title, date,
                yearly, note, 0);
        return transactions.inTransaction(() -> store.save(event));
    }

    /** The events on a client's card, by date. */
    public List<NotableEvent> ofClient(ClientId client) {
        return transactions.inTransaction(() -> store.findByClient(client));
    }

    /**
     * The key dates falling from {@code from} for {@code days} days ({@code from} included), by day then title:
     * one-off events dated in the window and yearly events recurring in it.
     *
     * @throws ValidationException when {@code days} is not 1 to {@value #MAX_WINDOW_DAYS}
     */
    public List<KeyDate> upcoming(LocalDate from, int days) {
        Objects.requireNonNull(from, "from");
        if (days < 1 || days > MAX_WINDOW_DAYS) {
            throw new ValidationException("days", "key-dates.window", days,
                    "a window is 1 to " + MAX_WINDOW_DAYS + " days, was " + days);
        }
        LocalDate to = from.plusDays(days - 1L);
        return transactions.inTransaction(() -> {
            Set<KeyDate> found = new LinkedHashSet<>();
            for (NotableEvent once : store.findOnceBetween(from, to)) {
                found.add(new KeyDate(once, once.date()));
            }
            List<NotableEvent> yearly = new ArrayList<>();
            if (from.getYear() == to.getYear()) {
                yearly.addAll(yearlyWithin(from, to));
            } else {
                yearly.addAll(yearlyWithin(from, LocalDate.of(from.getYear(), 12, 31)));
                yearly.addAll(yearlyWithin(LocalDate.of(to.getYear(), 1, 1), to));
            }
            for (NotableEvent event : yearly) {
                for (int year = from.getYear(); year <= to.getYear(); year++) {
                    LocalDate on = event.occurrenceIn(year);
                    if (on != null && !on.isBefore(from) && !on.isAfter(to)) {
                        found.add(new KeyDate(event, on));
                    }
                }
            }
            return found.stream()
                    .sorted(Comparator.comparing(KeyDate::on).thenComparing(k -> k.event().title())
                            .thenComparing(k -> k.event().id().toString()))
                    .toList();
        });
    }

    /** Yearly events whose month and day fall from {@code from} to {@code to}, both in one year. */
    private List<NotableEvent> yearlyWithin(LocalDate from, LocalDate to) {
        int fromMd = monthDay(from);
        int toMd = monthDay(to);
        // In a year without 29 February, the events of that day fall on the 28th.
        if (!Year.isLeap(to.getYear()) && toMd == 228) {
            toMd = 229;
        }
        return store.findYearlyBetween(fromMd, toMd);
    }

    private static int monthDay(LocalDate date) {
        return date.getMonthValue() * 100 + date.getDayOfMonth();
    }
}
