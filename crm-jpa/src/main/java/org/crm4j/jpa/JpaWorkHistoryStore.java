package org.crm4j.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.crm4j.client.ClientId;
import org.crm4j.common.CrmException;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.common.Violations;
import org.crm4j.history.AbcClass;
import org.crm4j.history.AbcXyz;
import org.crm4j.history.AbcXyzThresholds;
import org.crm4j.history.Claim;
import org.crm4j.history.DocumentLine;
import org.crm4j.history.FeedResult;
import org.crm4j.history.Payment;
import org.crm4j.history.PaymentMethod;
import org.crm4j.history.PeriodTotals;
import org.crm4j.history.RfmInput;
import org.crm4j.history.SaleLine;
import org.crm4j.history.WorkFact;
import org.crm4j.history.WorkFactId;
import org.crm4j.history.WorkFactKind;
import org.crm4j.history.WorkHistoryStore;
import org.crm4j.history.XyzClass;
import org.jspecify.annotations.Nullable;

/**
 * {@link WorkHistoryStore} over JPA, one row per fact in {@code <prefix>work_fact}.
 * <ul>
 *   <li>A feed costs one select of the rows of the documents it names (per {@value #DOCUMENTS_PER_SELECT}
 *       documents) and one multi-row insert per {@value NativeInserts#ROWS_PER_STATEMENT} new facts. The
 *       unique key (kind, document_id, line) settles two feeds racing for the same document: the loser is
 *       refused with a {@link DuplicateException} (key {@code key}) and rolled back.</li>
 *   <li>Each report is one statement: the period totals and ABC/XYZ native SQL (ABC/XYZ with window functions,
 *       portable across H2 2.x, PostgreSQL and MariaDB 10.7+), RFM a JPQL group by. Period boundaries come as
 *       instants, computed by the caller in its zone.</li>
 * </ul>
 */
final class JpaWorkHistoryStore implements WorkHistoryStore {
    /** Documents per {@code in (...)} list of a feed's select. */
    static final int DOCUMENTS_PER_SELECT = 500;

    private static final List<NativeInserts.Column<WorkFactEntity>> COLUMNS = List.of(
            new NativeInserts.Column<>("id", f -> f.id), new NativeInserts.Column<>("kind", f -> f.kind),
            new NativeInserts.Column<>("document_id", f -> f.documentId),
            new NativeInserts.Column<>("line", f -> f.line), new NativeInserts.Column<>("client_id", f -> f.clientId),
            new NativeInserts.Column<>("occurred_at", f -> f.occurredAt),
            new NativeInserts.Column<>("amount", f -> f.amount),
            new NativeInserts.Column<>("currency", f -> f.currency),
            new NativeInserts.Column<>("product_code", f -> f.productCode),
            new NativeInserts.Column<>("product_name", f -> f.productName),
            new NativeInserts.Column<>("quantity", f -> f.quantity),
            new NativeInserts.Column<>("manager_id", f -> f.managerId),
            new NativeInserts.Column<>("method", f -> f.method),
            new NativeInserts.Column<>("days_late", f -> f.daysLate),
            new NativeInserts.Column<>("subject", f -> f.subject));

    private final JpaSession session;
    private final String prefix;
    private final String table;

    JpaWorkHistoryStore(JpaSession session, String tablePrefix) {
        this.session = Objects.requireNonNull(session, "session");
        this.prefix = tablePrefix.toLowerCase(Locale.ROOT);
        this.table = prefix + "work_fact";
    }

    private record Key(WorkFactKind kind, DocumentLine line) {
        static Key of(WorkFact fact) {
            return new Key(fact.kind(), fact.key());
        }

        @Override
        public String toString() {
            return kind + " " + line;
        }
    }

    @Override
    public FeedResult feed(List<? extends WorkFact> facts) {
        List<WorkFact> given = new ArrayList<>(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            given.add(Objects.requireNonNull(facts.get(i), "facts[" + i + "]"));
        }
        if (given.isEmpty()) {
            return new FeedResult(0, 0);
        }
        return session.inTransaction(em -> {
            Map<Key, WorkFact> stored = storedFacts(em, given);
            Map<Key, WorkFact> fed = new HashMap<>();
            Set<WorkFactId> ids = new HashSet<>();
            List<WorkFactEntity> fresh = new ArrayList<>();
            Violations v = new Violations();
            for (int i = 0; i < given.size(); i++) {
                WorkFact fact = given.get(i);
                Key key = Key.of(fact);
                WorkFact known = stored.getOrDefault(key, fed.get(key));
                if (known == null) {
                    if (!ids.add(fact.id())) {
                        throw new DuplicateException("work-fact", "id", fact.id());
                    }
                    fed.put(key, fact);
                    fresh.add(toRow(fact));
                } else if (!known.sameContentAs(fact)) {
                    v.add("facts[" + i + "]", "work-fact.changed", key, key + " is stored with other content; "
                            + "a fed fact never changes, feed a correcting document");
                }
            }
            v.throwIfAny();
            try {
                NativeInserts.insert(em, table, COLUMNS, fresh);
            } catch (PersistenceException e) {
                throw JpaExceptions.translate(e, this::duplicate);
            }
            return new FeedResult(fresh.size(), given.size() - fresh.size());
        });
    }

    private @Nullable CrmException duplicate(String violated) {
        if (violated.contains(prefix + "work_fact_key_uk")) {
            return new DuplicateException("work-fact", "key", JpaExceptions.duplicateValue(violated));
        }
        if (violated.contains(prefix + "work_fact_pk") || violated.contains("primary")) {
            return new DuplicateException("work-fact", "id", JpaExceptions.duplicateValue(violated));
        }
        return null;
    }

    /** The stored facts of the documents {@code facts} name, by key. */
    private Map<Key, WorkFact> storedFacts(EntityManager em, List<WorkFact> facts) {
        List<String> documents = new ArrayList<>(new LinkedHashSet<>(facts.stream()
                .map(f -> f.key().documentId()).toList()));
        Map<Key, WorkFact> stored = new HashMap<>();
        for (int from = 0; from < documents.size(); from += DOCUMENTS_PER_SELECT) {
            List<String> chunk = documents.subList(from, Math.min(documents.size(), from + DOCUMENTS_PER_SELECT));
            List<WorkFactEntity> rows = em.createQuery("select f from CrmWorkFact f where f.documentId in :documents",
                    WorkFactEntity.class).setParameter("documents", chunk).getResultList();
            session.release(em, rows);
            for (WorkFactEntity row : rows) {
                WorkFact fact = toFact(row);
                stored.put(Key.of(fact), fact);
            }
        }
        return stored;
    }

    @Override
    public List<WorkFact> findByClient(ClientId client, int limit) {
        Objects.requireNonNull(client, "client");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return session.select(em -> em.createQuery("select f from CrmWorkFact f where f.clientId = :client "
                        + "order by f.occurredAt desc, f.kind desc, f.id desc", WorkFactEntity.class)
                .setParameter("client", client.value()).setMaxResults(limit), JpaWorkHistoryStore::toFact);
    }

    /**
     * One statement: each fact of the client in the whole range gets its period's index by a {@code case} over
     * the boundaries, then one {@code group by} of the index sums every figure with conditional aggregates.
     */
    @Override
    public List<PeriodTotals> totals(ClientId client, Currency currency, List<Instant> boundaries) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(currency, "currency");
        List<Instant> bounds = List.copyOf(boundaries);
        int periods = bounds.size() - 1;
        if (periods < 1) {
            return List.of();
        }
        String sql = "select f.p, sum(case when f.kind = 'SALE' then f.amount else 0 end), "
                + "count(distinct case when f.kind = 'SALE' then f.document_id end), "
                + "sum(case when f.kind = 'SALE' then 1 else 0 end), "
                + "sum(case when f.kind = 'PAYMENT' then f.amount else 0 end), "
                + "sum(case when f.kind = 'PAYMENT' then 1 else 0 end), "
                + "sum(case when f.kind = 'PAYMENT' then f.days_late else 0 end), "
                + "max(case when f.kind = 'PAYMENT' then f.days_late else 0 end), "
                + "sum(case when f.kind = 'CLAIM' then 1 else 0 end) "
                + "from (select " + periodIndex(3, periods) + " as p, kind, amount, document_id, days_late from "
                + table + " where client_id = ?1 and occurred_at >= ?3 and occurred_at < ?" + (3 + periods)
                + " and (kind = 'CLAIM' or currency = ?2)) f group by f.p";
        return session.read(em -> {
            Query query = em.createNativeQuery(sql).setParameter(1, client.value())
                    .setParameter(2, currency.getCurrencyCode());
            bind(query, 3, bounds);
            List<PeriodTotals> totals = new ArrayList<>();
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                totals.add(new PeriodTotals(number(r[0]).intValue(), money(r[1], currency), number(r[2]).longValue(),
                        number(r[3]).longValue(), money(r[4], currency), number(r[5]).longValue(),
                        number(r[6]).longValue(), number(r[7]).intValue(), number(r[8]).longValue()));
            }
            return totals;
        });
    }

    /**
     * {@code case when occurred_at < ?(first+1) then 0 when … else periods-1 end}: the index of a row's period,
     * the boundaries being bound from parameter {@code first}.
     */
    private static String periodIndex(int first, int periods) {
        if (periods == 1) {
            return "0";
        }
        StringBuilder sql = new StringBuilder("case");
        for (int k = 0; k < periods - 1; k++) {
            sql.append(" when occurred_at < ?").append(first + k + 1).append(" then ").append(k);
        }
        return sql.append(" else ").append(periods - 1).append(" end").toString();
    }

    private static void bind(Query query, int first, List<Instant> bounds) {
        for (int k = 0; k < bounds.size(); k++) {
            query.setParameter(first + k, bounds.get(k));
        }
    }

    @Override
    public List<RfmInput> rfmInputs(Currency currency, Instant from, Instant to) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return session.read(em -> em.createQuery("select f.clientId, max(f.occurredAt), count(distinct f.documentId), "
                                + "sum(f.amount) from CrmWorkFact f where f.kind = 'SALE' and f.currency = :currency "
                                + "and f.occurredAt >= :from and f.occurredAt < :to group by f.clientId",
                        Object[].class)
                .setParameter("currency", currency.getCurrencyCode()).setParameter("from", from)
                .setParameter("to", to).getResultList().stream()
                .map(r -> new RfmInput(ClientId.of(uuid(r[0])), (Instant) r[1], number(r[2]).longValue(),
                        money(r[3], currency)))
                .toList());
    }

    /**
     * One statement (the rules are those of {@link AbcXyzThresholds}): the sale lines of the period are summed per
     * client and month, then per client (total and sum of squares of the monthly sums, months without sales adding
     * nothing to either), keeping clients above 0; window functions give each client the sum of those that sold
     * strictly more (a running sum over amounts descending, whose default frame takes in equal amounts, less the
     * sum of the equal ones) and the grand total; the classes are exact decimal comparisons against the
     * thresholds, bound as parameters.
     */
    @Override
    public List<AbcXyz> abcXyz(Currency currency, List<Instant> monthBoundaries, AbcXyzThresholds thresholds) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(thresholds, "thresholds");
        List<Instant> bounds = List.copyOf(monthBoundaries);
        int months = bounds.size() - 1;
        if (months < 1) {
            throw new IllegalArgumentException("ABC/XYZ needs at least one month: two boundaries, were "
                    + bounds.size());
        }
        String sql = abcXyzSql(table, months);
        return session.read(em -> {
            Query query = em.createNativeQuery(sql)
                    .setParameter(1, thresholds.a()).setParameter(2, thresholds.b())
                    .setParameter(3, months)
                    .setParameter(4, thresholds.x().multiply(thresholds.x()))
                    .setParameter(5, thresholds.y().multiply(thresholds.y()))
                    .setParameter(6, currency.getCurrencyCode());
            bind(query, 7, bounds);
            List<AbcXyz> classes = new ArrayList<>();
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                classes.add(new AbcXyz(ClientId.of(uuid(r[0])), money(r[1], currency),
                        AbcClass.valueOf(String.valueOf(r[2]).strip()),
                        XyzClass.valueOf(String.valueOf(r[3]).strip())));
            }
            return classes;
        });
    }

    /** The ABC/XYZ statement over {@code months} months; parameters as bound by {@link #abcXyz}. */
    static String abcXyzSql(String table, int months) {
        String spread = "?3 * c.squares - c.total * c.total";
        return "select c.client_id, c.total, "
                + "case when c.greater < ?1 * c.grand then 'A' when c.greater < ?2 * c.grand then 'B' else 'C' end, "
                + "case when " + spread + " <= ?4 * c.total * c.total then 'X' "
                + "when " + spread + " <= ?5 * c.total * c.total then 'Y' else 'Z' end "
                + "from (select t.client_id, t.total, t.squares, "
                + "sum(t.total) over (order by t.total desc) - sum(t.total) over (partition by t.total) as greater, "
                + "sum(t.total) over () as grand "
                + "from (select m.client_id, sum(m.s) as total, sum(m.s * m.s) as squares "
                + "from (select d.client_id, d.mon, sum(d.amount) as s "
                + "from (select client_id, " + periodIndex(7, months) + " as mon, amount from " + table
                + " where kind = 'SALE' and currency = ?6 and occurred_at >= ?7 and occurred_at < ?" + (7 + months)
                + ") d group by d.client_id, d.mon) m "
                + "group by m.client_id having sum(m.s) > 0) t) c";
    }

    private static Number number(@Nullable Object value) {
        return value == null ? 0 : (Number) value;
    }

    private static Money money(@Nullable Object value, Currency currency) {
        return Money.of(value == null ? BigDecimal.ZERO : (BigDecimal) value, currency);
    }

    /** A UUID as a native query gives it: a UUID (PostgreSQL), 16 bytes (H2) or text (MariaDB). */
    private static UUID uuid(Object value) {
        if (value instanceof UUID u) {
            return u;
        }
        if (value instanceof byte[] bytes && bytes.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return UUID.fromString(value.toString());
    }

    private static WorkFactEntity toRow(WorkFact fact) {
        WorkFactEntity row = new WorkFactEntity(fact.id().value());
        row.kind = fact.kind().name();
        row.documentId = fact.key().documentId();
        row.line = fact.key().line();
        row.clientId = fact.client().value();
        row.occurredAt = fact.at();
        if (fact instanceof SaleLine s) {
            row.amount = s.amount().amount();
            row.currency = s.amount().currency().getCurrencyCode();
            row.productCode = s.productCode();
            row.productName = s.productName();
            row.quantity = s.quantity();
            row.managerId = s.manager() == null ? null : s.manager().value();
        } else if (fact instanceof Payment p) {
            row.amount = p.amount().amount();
            row.currency = p.amount().currency().getCurrencyCode();
            row.method = p.method().name();
            row.daysLate = p.daysLate();
        } else if (fact instanceof Claim c) {
            row.subject = c.subject();
            if (c.amount() != null) {
                row.amount = c.amount().amount();
                row.currency = c.amount().currency().getCurrencyCode();
            }
        }
        return row;
    }

    private static WorkFact toFact(WorkFactEntity row) {
        WorkFactId id = WorkFactId.of(row.id);
        DocumentLine key = DocumentLine.of(row.documentId, row.line);
        ClientId client = ClientId.of(row.clientId);
        Money amount = row.amount == null ? null : Money.of(row.amount, row.currency.strip());
        return switch (WorkFactKind.valueOf(row.kind)) {
            case SALE -> new SaleLine(id, key, client, row.occurredAt, row.productCode, row.productName, row.quantity,
                    amount, row.managerId == null ? null : EmployeeId.of(row.managerId));
            case PAYMENT -> new Payment(id, key, client, row.occurredAt, amount, PaymentMethod.valueOf(row.method),
                    row.daysLate);
            case CLAIM -> new Claim(id, key, client, row.occurredAt, row.subject, amount);
        };
    }
}
