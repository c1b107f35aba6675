package org.crm4j.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.crm4j.client.ClientId;
import org.crm4j.common.DuplicateException;
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
import org.crm4j.deal.ProbabilitySource;
import org.crm4j.deal.StageChange;
import org.crm4j.deal.StageKind;
import org.jspecify.annotations.Nullable;

/**
 * {@link DealStore} over JPA: a row per deal and a row per entry of its stage history. Statements:
 * <ul>
 *   <li>a new deal: its insert and one insert per history entry (one, for a deal the rules created);</li>
 *   <li>an update: the guarded update ({@code where id = ? and version = ?}; when it matches nothing, one select
 *       telling why), one select counting the stored history entries, and the inserts of the entries beyond
 *       them: the history is append-only, as the rules write it, so earlier entries are never rewritten;</li>
 *   <li>a lookup: one select of the deals' columns and one of their history entries;</li>
 *   <li>each report (board, funnel, results, stages on a date, forecast): one grouped select, sums and counts computed by the
 *       database; weighted sums are summed exactly there and rounded half-even here, as the in-memory store
 *       does.</li>
 * </ul>
 * Idle conditions are written per stage into the query ({@code (d.stage = :s0 and d.lastActivityAt < :c0) or
 * ...}), stages in code order, so the query's text is the same for a pipeline and Hibernate translates it once.
 */
final class JpaDealStore implements DealStore {
    private static final String COLUMNS = "select d.id, d.clientId, d.pipeline, d.stage, d.kind, d.amount, "
            + "d.currency, d.probability, d.probabilitySource, d.managerId, d.leadSource, d.campaign, "
            + "d.expectedClose, d.lostReason, d.createdAt, d.lastActivityAt, d.closedAt, d.version from CrmDeal d ";
    private static final String HISTORY = "select c.dealId, c.fromStage, c.toStage, c.kind, c.changedAt, c.actorId "
            + "from CrmDealStage c ";
    private static final String UPDATE = "update CrmDeal d set d.version = :version, d.clientId = :client, "
            + "d.pipeline = :pipeline, d.stage = :stage, d.kind = :kind, d.amount = :amount, d.currency = :currency, "
            + "d.probability = :probability, d.probabilitySource = :source, d.managerId = :manager, "
            + "d.leadSource = :leadSource, d.campaign = :campaign, d.expectedClose = :expectedClose, "
            + "d.lostReason = :lostReason, d.createdAt = :createdAt, d.lastActivityAt = :lastActivityAt, "
            + "d.closedAt = :closedAt where d.id = :id and d.version = :expected";

    /** How many deal ids one history select binds at most. */
    private static final int HISTORY_CHUNK = 500;

    private final JpaSession session;

    JpaDealStore(JpaSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public Deal save(Deal deal) {
        Objects.requireNonNull(deal, "deal");
        Deal stored = deal.withVersion(deal.version() + 1);
        DealEntity row = toRow(stored);
        return session.inTransaction(em -> {
            try {
                List<Object> written = new ArrayList<>();
                int from = 0;
                if (deal.version() == 0) {
                    em.persist(row);
                    written.add(row);
                } else {
                    guardedUpdate(em, row, deal);
                    from = em.createQuery("select count(c) from CrmDealStage c where c.dealId = :id", Long.class)
                            .setParameter("id", row.id).getSingleResult().intValue();
                }
                for (int seq = from; seq < stored.history().size(); seq++) {
                    StageChange change = stored.history().get(seq);
                    DealStageEntity entry = new DealStageEntity(row.id, seq);
                    entry.fromStage = change.from();
                    entry.toStage = change.to();
                    entry.kind = change.kind().name();
                    entry.changedAt = change.at();
                    entry.actorId = change.actor().value();
                    em.persist(entry);
                    written.add(entry);
                }
                em.flush();
                session.release(em, written);
            } catch (PersistenceException e) {
                throw JpaExceptions.translate(e, violated -> new DuplicateException("deal", "id", deal.id()));
            }
            return stored;
        });
    }

    private static void guardedUpdate(EntityManager em, DealEntity row, Deal deal) {
        int updated = em.createQuery(UPDATE)
                .setParameter("version", row.version).setParameter("client", row.clientId)
                .setParameter("pipeline", row.pipeline).setParameter("stage", row.stage)
                .setParameter("kind", row.kind).setParameter("amount", row.amount)
                .setParameter("currency", row.currency).setParameter("probability", row.probability)
                .setParameter("source", row.probabilitySource).setParameter("manager", row.managerId)
                .setParameter("leadSource", row.leadSource).setParameter("campaign", row.campaign)
                .setParameter("expectedClose", row.expectedClose).setParameter("lostReason", row.lostReason)
                .setParameter("createdAt", row.createdAt).setParameter("lastActivityAt", row.lastActivityAt)
                .setParameter("closedAt", row.closedAt).setParameter("id", row.id)
                .setParameter("expected", deal.version())
                .executeUpdate();
        if (updated == 1) {
            return;
        }
        List<Long> actual = em.createQuery("select d.version from CrmDeal d where d.id = :id", Long.class)
                .setParameter("id", row.id).getResultList();
        throw MissedUpdate.refuse("deal", "id", deal.id(), deal.version(), actual.isEmpty() ? null : actual.get(0),
                () -> new DealNotFoundException(deal.id()));
    }

    @Override
    public Optional<Deal> findById(DealId id) {
        Objects.requireNonNull(id, "id");
        return session.read(em -> {
            List<Object[]> rows = em.createQuery(COLUMNS + "where d.id = :id", Object[].class)
                    .setParameter("id", id.value()).getResultList();
            if (rows.isEmpty()) {
                return Optional.<Deal>empty();
            }
            List<Object[]> history = em.createQuery(HISTORY + "where c.dealId = :id order by c.seq", Object[].class)
                    .setParameter("id", id.value()).getResultList();
            return Optional.of(toDeal(rows.get(0), history));
        });
    }

    @Override
    public List<Deal> findByClient(ClientId client, int limit) {
        Objects.requireNonNull(client, "client");
        return deals(limit, em -> em.createQuery(COLUMNS + "where d.clientId = :client "
                + "order by d.createdAt desc, d.id desc", Object[].class).setParameter("client", client.value()));
    }

    @Override
    public List<Deal> findInStage(String pipeline, String stage, int limit) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(stage, "stage");
        return deals(limit, em -> em.createQuery(COLUMNS + "where d.pipeline = :pipeline and d.stage = :stage "
                        + "order by d.createdAt, d.id", Object[].class)
                .setParameter("pipeline", pipeline).setParameter("stage", stage));
    }

    @Override
    public long countInStage(String pipeline, String stage) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(stage, "stage");
        return session.read(em -> em.createQuery("select count(d) from CrmDeal d where d.pipeline = :pipeline "
                        + "and d.stage = :stage", Long.class)
                .setParameter("pipeline", pipeline).setParameter("stage", stage).getSingleResult());
    }

    @Override
    public List<BoardCell> board(String pipeline, Map<String, Instant> idleBefore) {
        Objects.requireNonNull(pipeline, "pipeline");
        Idle idle = new Idle(idleBefore);
        return session.read(em -> idle.bind(em.createQuery("select d.stage, d.currency, count(d), sum(d.amount), "
                        + "sum(d.amount * d.probability), sum(case when " + idle.condition + " then 1 else 0 end) "
                        + "from CrmDeal d where d.pipeline = :pipeline group by d.stage, d.currency", Object[].class))
                .setParameter("pipeline", pipeline).getResultList().stream()
                .map(r -> {
                    Currency currency = Currency.getInstance((String) r[1]);
                    return new BoardCell((String) r[0], number(r[2]), Money.of((BigDecimal) r[3], currency),
                            weighted((BigDecimal) r[4], currency), number(r[5]));
                })
                .toList());
    }

    @Override
    public List<Deal> findIdle(String pipeline, Map<String, Instant> idleBefore, int limit) {
        Objects.requireNonNull(pipeline, "pipeline");
        Idle idle = new Idle(idleBefore);
        if (idleBefore.isEmpty()) {
            requireLimit(limit);
            return List.of();
        }
        return deals(limit, em -> idle.bind(em.createQuery(COLUMNS + "where d.pipeline = :pipeline and ("
                + idle.condition + ") order by d.lastActivityAt, d.id", Object[].class))
                .setParameter("pipeline", pipeline));
    }

    @Override
    public List<FunnelRow> funnel(String pipeline, Instant from, Instant to) {
        requirePeriod(pipeline, from, to);
        return session.read(em -> em.createQuery("select c.toStage, d.leadSource, d.managerId, d.campaign, "
                                + "count(distinct d.id) from CrmDeal d join CrmDealStage c on c.dealId = d.id "
                                + "where d.pipeline = :pipeline and d.createdAt >= :from and d.createdAt < :to "
                                + "group by c.toStage, d.leadSource, d.managerId, d.campaign", Object[].class)
                .setParameter("pipeline", pipeline).setParameter("from", from).setParameter("to", to)
                .getResultList().stream()
                .map(r -> new FunnelRow((String) r[0], (String) r[1], EmployeeId.of((String) r[2]), (String) r[3],
                        number(r[4])))
                .toList());
    }

    @Override
    public List<OutcomeRow> outcomes(String pipeline, Instant from, Instant to) {
        requirePeriod(pipeline, from, to);
        return session.read(em -> em.createQuery("select d.kind, d.leadSource, d.managerId, d.campaign, count(d), "
                                + "sum((d.closedAt - d.createdAt) by second) from CrmDeal d "
                                + "where d.pipeline = :pipeline and d.createdAt >= :from and d.createdAt < :to "
                                + "and d.kind <> 'OPEN' group by d.kind, d.leadSource, d.managerId, d.campaign",
                        Object[].class)
                .setParameter("pipeline", pipeline).setParameter("from", from).setParameter("to", to)
                .getResultList().stream()
                .map(r -> new OutcomeRow(StageKind.valueOf((String) r[0]), (String) r[1],
                        EmployeeId.of((String) r[2]), (String) r[3], number(r[4]), Duration.ofSeconds(number(r[5]))))
                .toList());
    }

    /** One grouped select: each deal's last history entry at or before the moment, the later ones excluded. */
    @Override
    public Map<String, Long> countByStageAt(String pipeline, Instant at) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(at, "at");
        return session.read(em -> {
            Map<String, Long> counts = new HashMap<>();
            for (Object[] r : em.createQuery("select c.toStage, count(c) from CrmDeal d join CrmDealStage c "
                            + "on c.dealId = d.id where d.pipeline = :pipeline and c.changedAt <= :at "
                            + "and not exists (select n.seq from CrmDealStage n where n.dealId = c.dealId "
                            + "and n.seq > c.seq and n.changedAt <= :at) group by c.toStage", Object[].class)
                    .setParameter("pipeline", pipeline).setParameter("at", at).getResultList()) {
                counts.put((String) r[0], number(r[1]));
            }
            return counts;
        });
    }

    @Override
    public List<ForecastRow> forecast(String pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        return session.read(em -> em.createQuery("select year(d.expectedClose), month(d.expectedClose), d.currency, "
                                + "count(d), sum(d.amount), sum(d.amount * d.probability) from CrmDeal d "
                                + "where d.pipeline = :pipeline and d.kind = 'OPEN' and d.expectedClose is not null "
                                + "group by year(d.expectedClose), month(d.expectedClose), d.currency",
                        Object[].class)
                .setParameter("pipeline", pipeline).getResultList().stream()
                .map(r -> {
                    Currency currency = Currency.getInstance((String) r[2]);
                    return new ForecastRow(YearMonth.of((int) number(r[0]), (int) number(r[1])), number(r[3]),
                            Money.of((BigDecimal) r[4], currency), weighted((BigDecimal) r[5], currency));
                })
                .toList());
    }

    /** The idle condition of a query, a disjunction over the stages with a moment, and its parameters. */
    private static final class Idle {
        final String condition;
        final Map<String, Object> parameters = new HashMap<>();

        Idle(Map<String, Instant> idleBefore) {
            Objects.requireNonNull(idleBefore, "idleBefore");
            StringBuilder c = new StringBuilder();
            int n = 0;
            for (Map.Entry<String, Instant> e : new TreeMap<>(idleBefore).entrySet()) {
                if (n > 0) {
                    c.append(" or ");
                }
                c.append("(d.stage = :s").append(n).append(" and d.lastActivityAt < :c").append(n).append(')');
                parameters.put("s" + n, e.getKey());
                parameters.put("c" + n, Objects.requireNonNull(e.getValue(), "idleBefore"));
                n++;
            }
            condition = n == 0 ? "d.lastActivityAt is null" : c.toString();
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }

    /**
     * The deals whose columns {@code query} selects, at most {@code limit}, with their histories read in one more
     * select per {@value #HISTORY_CHUNK} deals (so two statements for any list up to that size, and no more bound
     * ids than a database accepts for a longer one, such as the deals of a removed stage); values only, nothing
     * left in the persistence context.
     */
    private List<Deal> deals(int limit, Function<EntityManager, TypedQuery<Object[]>> query) {
        requireLimit(limit);
        if (limit == 0) {
            return List.of();
        }
        return session.read(em -> {
            List<Object[]> rows = query.apply(em).setMaxResults(limit).getResultList();
            if (rows.isEmpty()) {
                return List.of();
            }
            List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
            Map<UUID, List<Object[]>> histories = new HashMap<>();
            for (int from = 0; from < ids.size(); from += HISTORY_CHUNK) {
                List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + HISTORY_CHUNK));
                for (Object[] c : em.createQuery(HISTORY + "where c.dealId in :ids order by c.dealId, c.seq",
                        Object[].class).setParameter("ids", chunk).getResultList()) {
                    histories.computeIfAbsent((UUID) c[0], k -> new ArrayList<>()).add(c);
                }
            }
            List<Deal> out = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                out.add(toDeal(row, histories.getOrDefault((UUID) row[0], List.of())));
            }
            return out;
        });
    }

    private static Money weighted(@Nullable BigDecimal exact, Currency currency) {
        BigDecimal sum = exact == null ? BigDecimal.ZERO : exact;
        return Money.of(sum.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN),
                currency);
    }

    private static long number(@Nullable Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static void requireLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    private static void requirePeriod(String pipeline, Instant from, Instant to) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    private static DealEntity toRow(Deal d) {
        DealEntity row = new DealEntity(d.id().value());
        row.version = d.version();
        row.clientId = d.client().value();
        row.pipeline = d.pipeline();
        row.stage = d.stage();
        row.kind = d.kind().name();
        row.amount = d.amount().amount();
        row.currency = d.amount().currency().getCurrencyCode();
        row.probability = d.probability();
        row.probabilitySource = d.probabilitySource().name();
        row.managerId = d.manager().value();
        row.leadSource = d.leadSource();
        row.campaign = d.campaign();
        row.expectedClose = d.expectedClose();
        row.lostReason = d.lostReason();
        row.createdAt = d.createdAt();
        row.lastActivityAt = d.lastActivityAt();
        row.closedAt = d.closedAt();
        return row;
    }

    /** A deal from the values {@link #COLUMNS} selects and its history's rows as {@link #HISTORY} selects them. */
    private static Deal toDeal(Object[] r, List<Object[]> history) {
        Currency currency = Currency.getInstance((String) r[6]);
        List<StageChange> changes = new ArrayList<>(history.size());
        for (Object[] c : history) {
            changes.add(new StageChange((String) c[1], (String) c[2], StageKind.valueOf((String) c[3]),
                    (Instant) c[4], EmployeeId.of((String) c[5])));
        }
        BigDecimal amount = ((BigDecimal) r[5]).setScale(Math.max(currency.getDefaultFractionDigits(), 0),
                RoundingMode.UNNECESSARY);
        return new Deal(DealId.of((UUID) r[0]), ClientId.of((UUID) r[1]), (String) r[2], (String) r[3],
                StageKind.valueOf((String) r[4]), Money.of(amount, currency), (BigDecimal) r[7],
                ProbabilitySource.valueOf((String) r[8]), EmployeeId.of((String) r[9]), (String) r[10],
                (String) r[11], (LocalDate) r[12], (String) r[13], (Instant) r[14], (Instant) r[15],
                (Instant) r[16], changes, (Long) r[17]);
    }
}
