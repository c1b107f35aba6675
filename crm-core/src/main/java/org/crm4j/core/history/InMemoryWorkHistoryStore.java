package org.crm4j.core.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.crm4j.client.ClientId;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.Money;
import org.crm4j.common.Violations;
import org.crm4j.history.AbcXyz;
import org.crm4j.history.AbcXyzThresholds;
import org.crm4j.history.Claim;
import org.crm4j.history.DocumentLine;
import org.crm4j.history.FeedResult;
import org.crm4j.history.Payment;
import org.crm4j.history.PeriodTotals;
import org.crm4j.history.RfmInput;
import org.crm4j.history.SaleLine;
import org.crm4j.history.WorkFact;
import org.crm4j.history.WorkFactId;
import org.crm4j.history.WorkFactKind;
import org.crm4j.history.WorkHistoryStore;
import org.crm4j.timeline.TimelineCursor;
import org.crm4j.timeline.TimelineKind;
import org.jspecify.annotations.Nullable;

/**
 * The work history in memory, indexed by key, id and client (newest first); reports stream over the facts.
 * Every operation holds the store's lock, so a feed is atomic and two feeds of one document store it once.
 * Thread-safe.
 */
public final class InMemoryWorkHistoryStore implements WorkHistoryStore {
    /** Timeline order: newest first, then kind name and id text, descending. */
    private static final Comparator<WorkFact> NEWEST_FIRST = Comparator.comparing(WorkFact::at)
            .thenComparing(f -> f.kind().name())
            .thenComparing(f -> f.id().toString())
            .reversed();

    private record Key(WorkFactKind kind, DocumentLine line) {
        static Key of(WorkFact fact) {
            return new Key(fact.kind(), fact.key());
        }

        @Override
        public String toString() {
            return kind + " " + line;
        }
    }

    private final Map<Key, WorkFact> byKey = new HashMap<>();
    private final Set<WorkFactId> ids = new HashSet<>();
    private final Map<ClientId, NavigableSet<WorkFact>> byClient = new HashMap<>();

    @Override
    public synchronized FeedResult feed(List<? extends WorkFact> facts) {
        List<WorkFact> fresh = new ArrayList<>();
        Map<Key, WorkFact> fed = new HashMap<>();
        Set<WorkFactId> newIds = new HashSet<>();
        Violations v = new Violations();
        for (int i = 0; i < facts.size(); i++) {
            WorkFact fact = Objects.requireNonNull(facts.get(i), "facts[" + i + "]");
            Key key = Key.of(fact);
            WorkFact known = byKey.getOrDefault(key, fed.get(key));
            if (known == null) {
                if (ids.contains(fact.id()) || !newIds.add(fact.id())) {
                    throw new DuplicateException("work-fact", "id", fact.id());
                }
                fed.put(key, fact);
                fresh.add(fact);
            } else if (!known.sameContentAs(fact)) {
                v.add("facts[" + i + "]", "work-fact.changed", key, key
                        + " is stored with other content; a fed fact never changes, feed a correcting document");
            }
        }
        v.throwIfAny();
        for (WorkFact fact : fresh) {
            byKey.put(Key.of(fact), fact);
            ids.add(fact.id());
            byClient.computeIfAbsent(fact.client(), c -> new TreeSet<>(NEWEST_FIRST)).add(fact);
        }
        return new FeedResult(fresh.size(), facts.size() - fresh.size());
    }

    @Override
    public synchronized List<WorkFact> findByClient(ClientId client, int limit) {
        Objects.requireNonNull(client, "client");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        NavigableSet<WorkFact> history = byClient.get(client);
        return history == null ? List.of() : history.stream().limit(limit).toList();
    }

    /**
     * A client's facts in timeline order from the first that comes after {@code after} (from the newest when it
     * is {@code null}), at most {@code limit}: what the in-memory timeline pages through, without copying the
     * client's history.
     */
    public synchronized List<WorkFact> findByClientAfter(ClientId client, @Nullable TimelineCursor after,
                                                         int limit) {
        Objects.requireNonNull(client, "client");
        NavigableSet<WorkFact> history = byClient.get(client);
        if (history == null) {
            return List.of();
        }
        return history.stream()
                .dropWhile(f -> after != null && TimelineCursor.NEWEST_FIRST.compare(cursor(f), after) <= 0)
                .limit(limit)
                .toList();
    }

    /** The position of a fact in the client's timeline. */
    private static TimelineCursor cursor(WorkFact fact) {
        return new TimelineCursor(fact.at(), TimelineKind.valueOf(fact.kind().name()), fact.id().value());
    }

    @Override
    public synchronized List<PeriodTotals> totals(ClientId client, Currency currency, List<Instant> boundaries) {
        Objects.requireNonNull(currency, "currency");
        List<Instant> bounds = List.copyOf(boundaries);
        NavigableSet<WorkFact> history = byClient.getOrDefault(Objects.requireNonNull(client, "client"),
                new TreeSet<>(NEWEST_FIRST));
        Map<Integer, Totals> periods = new HashMap<>();
        for (WorkFact fact : history) {
            int period = period(bounds, fact.at());
            if (period < 0) {
                continue;
            }
            if (fact instanceof SaleLine s && s.amount().currency().equals(currency)) {
                periods.computeIfAbsent(period, k -> new Totals()).sale(s);
            } else if (fact instanceof Payment p && p.amount().currency().equals(currency)) {
                periods.computeIfAbsent(period, k -> new Totals()).payment(p);
            } else if (fact instanceof Claim) {
                periods.computeIfAbsent(period, k -> new Totals()).claims++;
            }
        }
        List<PeriodTotals> result = new ArrayList<>();
        periods.forEach((p, t) -> result.add(new PeriodTotals(p, Money.of(t.sales, currency), t.documents.size(),
                t.lines, Money.of(t.paid, currency), t.payments, t.daysLate, t.maxDaysLate, t.claims)));
        return result;
    }

    private static final class Totals {
        BigDecimal sales = BigDecimal.ZERO;
        final Set<String> documents = new HashSet<>();
        long lines;
        BigDecimal paid = BigDecimal.ZERO;
        long payments;
        long daysLate;
        int maxDaysLate;
        long claims;

        void sale(SaleLine s) {
            sales = sales.add(s.amount().amount());
            documents.add(s.key().documentId());
            lines++;
        }

        void payment(Payment p) {
            paid = paid.add(p.amount().amount());
            payments++;
            daysLate += p.daysLate();
            maxDaysLate = Math.max(maxDaysLate, p.daysLate());
        }
    }

    /** The index of the period {@code at} falls in, or -1 outside them all. */
    private static int period(List<Instant> bounds, Instant at) {
        for (int k = 0; k + 1 < bounds.size(); k++) {
            if (!at.isBefore(bounds.get(k)) && at.isBefore(bounds.get(k + 1))) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public synchronized List<RfmInput> rfmInputs(Currency currency, Instant from, Instant to) {
        Objects.requireNonNull(currency, "currency");
        List<RfmInput> inputs = new ArrayList<>();
        byClient.forEach((client, history) -> {
            Instant last = null;
            Set<String> documents = new HashSet<>();
            BigDecimal sales = BigDecimal.ZERO;
            for (WorkFact fact : history) {
                if (fact instanceof SaleLine s && s.amount().currency().equals(currency)
                        && !s.at().isBefore(from) && s.at().isBefore(to)) {
                    last = last == null || s.at().isAfter(last) ? s.at() : last;
                    documents.add(s.key().documentId());
                    sales = sales.add(s.amount().amount());
                }
            }
            if (last != null) {
                inputs.add(new RfmInput(client, last, documents.size(), Money.of(sales, currency)));
            }
        });
        return inputs;
    }

    @Override
    public synchronized List<AbcXyz> abcXyz(Currency currency, List<Instant> monthBoundaries,
                                            AbcXyzThresholds thresholds) {
        Objects.requireNonNull(currency, "currency");
        List<Instant> bounds = List.copyOf(monthBoundaries);
        if (bounds.size() < 2) {
            throw new IllegalArgumentException("ABC/XYZ needs at least one month: two boundaries, were "
                    + bounds.size());
        }
        int months = bounds.size() - 1;
        Map<ClientId, BigDecimal[]> monthly = new HashMap<>();
        byClient.forEach((client, history) -> {
            for (WorkFact fact : history) {
                int month = period(bounds, fact.at());
                if (month >= 0 && fact instanceof SaleLine s && s.amount().currency().equals(currency)) {
                    BigDecimal[] sums = monthly.computeIfAbsent(client, c -> {
                        BigDecimal[] zeros = new BigDecimal[months];
                        Arrays.fill(zeros, BigDecimal.ZERO);
                        return zeros;
                    });
                    sums[month] = sums[month].add(s.amount().amount());
                }
            }
        });
        return AbcXyzRule.classify(currency, months, monthly, thresholds);
    }
}
