package org.crm4j.core.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.deal.BoardCell;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealId;
import org.crm4j.deal.DealNotFoundException;
import org.crm4j.deal.DealStore;
import org.crm4j.deal.ForecastRow;
import org.crm4j.deal.FunnelRow;
import org.crm4j.deal.OutcomeRow;
import org.crm4j.deal.StageChange;
import org.crm4j.deal.StageKind;
import org.crm4j.storage.OptimisticLock;
import org.jspecify.annotations.Nullable;

/**
 * Deals in memory, by id; lists and reports stream over the deals, which is what an in-memory store of one
 * application's deals can afford. Every method holds one lock, so each is atomic. Thread-safe.
 */
public final class InMemoryDealStore implements DealStore {
    private static final Comparator<Deal> BY_CREATION = Comparator.comparing(Deal::createdAt)
            .thenComparing(d -> d.id().value());

    private final Map<DealId, Deal> byId = new HashMap<>();

    @Override
    public synchronized Deal save(Deal deal) {
        Objects.requireNonNull(deal, "deal");
        Deal before = byId.get(deal.id());
        OptimisticLock.check("deal", "id", deal.id(), deal.version(), before == null ? null : before.version(),
                () -> new DealNotFoundException(deal.id()));
        Deal stored = deal.withVersion(deal.version() + 1);
        byId.put(deal.id(), stored);
        return stored;
    }

    /** How many open deals each of {@code managers} has; those without any are absent. */
    public synchronized Map<EmployeeId, Long> countOpenByManager(Collection<EmployeeId> managers) {
        Set<EmployeeId> asked = Set.copyOf(managers);
        return byId.values().stream().filter(d -> !d.isClosed() && asked.contains(d.manager()))
                .collect(Collectors.groupingBy(Deal::manager, Collectors.counting()));
    }

    @Override
    public synchronized Optional<Deal> findById(DealId id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public synchronized List<Deal> findByClient(ClientId client, int limit) {
        Objects.requireNonNull(client, "client");
        requireLimit(limit);
        return byId.values().stream().filter(d -> d.client().equals(client)).sorted(BY_CREATION.reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized List<Deal> findInStage(String pipeline, String stage, int limit) {
        Objects.requireNonNull(stage, "stage");
        requireLimit(limit);
        return of(pipeline).filter(d -> d.stage().equals(stage)).sorted(BY_CREATION).limit(limit).toList();
    }

    @Override
    public synchronized long countInStage(String pipeline, String stage) {
        Objects.requireNonNull(stage, "stage");
        return of(pipeline).filter(d -> d.stage().equals(stage)).count();
    }

    @Override
    public synchronized List<BoardCell> board(String pipeline, Map<String, Instant> idleBefore) {
        Objects.requireNonNull(idleBefore, "idleBefore");
        Map<List<Object>, Sums> cells = new HashMap<>();
        of(pipeline).forEach(d -> cells.computeIfAbsent(List.of(d.stage(), d.amount().currency()), k -> new Sums())
                .add(d, isIdle(d, idleBefore)));
        List<BoardCell> out = new ArrayList<>(cells.size());
        cells.forEach((k, s) -> {
            Currency currency = (Currency) k.get(1);
            out.add(new BoardCell((String) k.get(0), s.deals, Money.of(s.amount, currency),
                    weighted(s.weighted, currency), s.idle));
        });
        return out;
    }

    @Override
    public synchronized List<Deal> findIdle(String pipeline, Map<String, Instant> idleBefore, int limit) {
        Objects.requireNonNull(idleBefore, "idleBefore");
        requireLimit(limit);
        return of(pipeline).filter(d -> isIdle(d, idleBefore))
                .sorted(Comparator.comparing(Deal::lastActivityAt).thenComparing(d -> d.id().value()))
                .limit(limit).toList();
    }

    @Override
    public synchronized List<FunnelRow> funnel(String pipeline, Instant from, Instant to) {
        Map<List<@Nullable Object>, long[]> counts = new HashMap<>();
        createdIn(pipeline, from, to).forEach(d -> {
            Set<String> entered = new LinkedHashSet<>();
            for (StageChange c : d.history()) {
                entered.add(c.to());
            }
            for (String stage : entered) {
                counts.computeIfAbsent(java.util.Arrays.asList(stage, d.leadSource(), d.manager(), d.campaign()),
                        k -> new long[1])[0]++;
            }
        });
        List<FunnelRow> out = new ArrayList<>(counts.size());
        counts.forEach((k, c) -> out.add(new FunnelRow((String) k.get(0), (String) k.get(1), (EmployeeId) k.get(2),
                (String) k.get(3), c[0])));
        return out;
    }

    @Override
    public synchronized List<OutcomeRow> outcomes(String pipeline, Instant from, Instant to) {
        Map<List<@Nullable Object>, long[]> counts = new HashMap<>();
        createdIn(pipeline, from, to).filter(Deal::isClosed).forEach(d -> {
            long[] c = counts.computeIfAbsent(java.util.Arrays.asList(d.kind(), d.leadSource(), d.manager(),
                    d.campaign()), k -> new long[2]);
            c[0]++;
            c[1] += Duration.between(d.createdAt(), d.closedAt()).toSeconds();
        });
        List<OutcomeRow> out = new ArrayList<>(counts.size());
        counts.forEach((k, c) -> out.add(new OutcomeRow((StageKind) k.get(0), (String) k.get(1),
                (EmployeeId) k.get(2), (String) k.get(3), c[0], Duration.ofSeconds(c[1]))));
        return out;
    }

    @Override
    public synchronized Map<String, Long> countByStageAt(String pipeline, Instant at) {
        Objects.requireNonNull(at, "at");
        Map<String, Long> counts = new HashMap<>();
        of(pipeline).forEach(d -> d.stageAt(at).ifPresent(stage -> counts.merge(stage, 1L, Long::sum)));
        return counts;
    }

    @Override
    public synchronized List<ForecastRow> forecast(String pipeline) {
        Map<List<Object>, Sums> cells = new HashMap<>();
        of(pipeline).filter(d -> !d.isClosed() && d.expectedClose() != null).forEach(d -> cells.computeIfAbsent(
                List.of(YearMonth.from(d.expectedClose()), d.amount().currency()), k -> new Sums()).add(d, false));
        List<ForecastRow> out = new ArrayList<>(cells.size());
        cells.forEach((k, s) -> {
            Currency currency = (Currency) k.get(1);
            out.add(new ForecastRow((YearMonth) k.get(0), s.deals, Money.of(s.amount, currency),
                    weighted(s.weighted, currency)));
        });
        return out;
    }

    /** A weighted sum rounded half-even to the currency's minor unit, as every store rounds it. */
    static Money weighted(BigDecimal exact, Currency currency) {
        return Money.of(exact.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN),
                currency);
    }

    private Stream<Deal> of(String pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        return byId.values().stream().filter(d -> d.pipeline().equals(pipeline));
    }

    private Stream<Deal> createdIn(String pipeline, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return of(pipeline).filter(d -> !d.createdAt().isBefore(from) && d.createdAt().isBefore(to));
    }

    private static boolean isIdle(Deal d, Map<String, Instant> idleBefore) {
        Instant before = idleBefore.get(d.stage());
        return before != null && d.lastActivityAt().isBefore(before);
    }

    private static void requireLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    /** Running sums of one report cell. */
    private static final class Sums {
        long deals;
        long idle;
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;

        void add(Deal d, boolean isIdle) {
            deals++;
            if (isIdle) {
                idle++;
            }
            amount = amount.add(d.amount().amount());
            weighted = weighted.add(d.amount().amount().multiply(d.probability()));
        }
    }
}
