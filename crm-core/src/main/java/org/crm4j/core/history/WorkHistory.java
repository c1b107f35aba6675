package org.crm4j.core.history;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientStore;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.common.Transactions;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violations;
import org.crm4j.core.common.Ids;
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
import org.crm4j.history.WorkHistoryStore;
import org.jspecify.annotations.Nullable;

/**
 * The work history of clients (M-1.4): the ERP feeds sale lines, payments and claims; the CRM gives a client's
 * figures by month, quarter and year, RFM scores and ABC/XYZ classes. Feeding is idempotent by the ERP's
 * document and line: a document sent again changes nothing. Thread-safe.
 *
 * <pre>{@code
 * crm.workHistory().feed(feed -> feed
 *         .sale("РН-0042", 1, client, crm.workHistory().startOf(LocalDate.of(2026, 3, 2)), "P-1", "Кабель",
 *               new BigDecimal("10"), Money.of("15000.00", "RUB"), EmployeeId.of("anna"))
 *         .payment("ПП-17", 1, client, Instant.parse("2026-03-05T10:00:00Z"), Money.of("15000.00", "RUB"),
 *               PaymentMethod.BANK_TRANSFER, 0));
 * }</pre>
 */
public final class WorkHistory {
    /** The most periods one report gives: a hundred years by month. */
    static final int MAX_PERIODS = 1200;

    private final WorkHistoryStore store;
    private final ClientStore clients;
    private final Transactions transactions;
    private final Ids ids;
    private final ZoneId zone;

    public WorkHistory(WorkHistoryStore store, ClientStore clients, Transactions transactions, Ids ids, ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A new time-ordered id for a fact built by the caller. */
    public WorkFactId newId() {
        return WorkFactId.of(ids.next());
    }

    /** The moment a date-only document is fed at: the start of its day in the CRM's zone ({@code Crm.zone()}). */
    public Instant startOf(LocalDate date) {
        return Objects.requireNonNull(date, "date").atStartOfDay(zone).toInstant();
    }

    /**
     * Feeds facts built by the caller (with ids from {@link #newId()}), all or nothing, in one transaction.
     * Every client must be stored; facts already stored with the same content are skipped.
     *
     * @throws ValidationException naming each fact of an unknown client ({@code work-fact.client}) or each fact
     *                             that would change a stored one ({@code work-fact.changed}); nothing is written
     */
    public FeedResult feed(List<? extends WorkFact> facts) {
        List<WorkFact> checked = new ArrayList<>(Objects.requireNonNull(facts, "facts").size());
        for (int i = 0; i < facts.size(); i++) {
            checked.add(Objects.requireNonNull(facts.get(i), "facts[" + i + "]"));
        }
        if (checked.isEmpty()) {
            return new FeedResult(0, 0);
        }
        try {
            return transactions.inTransaction(() -> checkedFeed(checked));
        } catch (DuplicateException raced) {
            // Another feed stored some of the same keys between our read and our write: read them now.
            if (!"key".equals(raced.key())) {
                throw raced;
            }
            return transactions.inTransaction(() -> checkedFeed(checked));
        }
    }

    private FeedResult checkedFeed(List<WorkFact> facts) {
        Map<ClientId, Boolean> known = new HashMap<>();
        Violations v = new Violations();
        for (int i = 0; i < facts.size(); i++) {
            ClientId client = facts.get(i).client();
            if (!known.computeIfAbsent(client, clients::exists)) {
                v.add("facts[" + i + "].client", "work-fact.client", client, "no client card has the id " + client);
            }
        }
        v.throwIfAny();
        return store.feed(facts);
    }

    /**
     * Builds the facts {@code lines} describes, validating each (every bad field of every fact is named, at
     * {@code facts[i].field}), and feeds them as {@link #feed(List)} does.
     */
    public FeedResult feed(Consumer<Feed> lines) {
        Feed feed = new Feed();
        Objects.requireNonNull(lines, "lines").accept(feed);
        feed.violations.throwIfAny();
        return feed(feed.facts);
    }

    /** The facts of one feed, built line by line; not thread-safe. */
    public final class Feed {
        private final List<WorkFact> facts = new ArrayList<>();
        private final Violations violations = new Violations();
        private int index;

        private Feed() {
        }

        private DocumentLine key(String path, String document, int line) {
            DocumentLine key = violations.nested(path, () -> DocumentLine.of(document, line));
            return key != null ? key : DocumentLine.of("-", 1);
        }

        private Feed add(@Nullable WorkFact fact) {
            if (fact != null) {
                facts.add(fact);
            }
            index++;
            return this;
        }

        /** A sale line; see {@link SaleLine} for the rules. */
        public Feed sale(String document, int line, ClientId client, Instant at, String productCode,
                         String productName, BigDecimal quantity, Money amount, @Nullable EmployeeId manager) {
            String path = "facts[" + index + "]";
            DocumentLine key = key(path, document, line);
            return add(violations.nested(path, () -> new SaleLine(newId(), key, client, at, productCode, productName,
                    quantity, amount, manager)));
        }

        /** A payment; see {@link Payment} for the rules. */
        public Feed payment(String document, int line, ClientId client, Instant at, Money amount,
                            PaymentMethod method, int daysLate) {
            String path = "facts[" + index + "]";
            DocumentLine key = key(path, document, line);
            return add(violations.nested(path, () -> new Payment(newId(), key, client, at, amount, method,
                    daysLate)));
        }

        /** A claim; see {@link Claim} for the rules. */
        public Feed claim(String document, int line, ClientId client, Instant at, String subject,
                          @Nullable Money amount) {
            String path = "facts[" + index + "]";
            DocumentLine key = key(path, document, line);
            return add(violations.nested(path, () -> new Claim(newId(), key, client, at, subject, amount)));
        }
    }

    /** A client's facts, newest first, at most {@code limit}. */
    public List<WorkFact> history(ClientId client, int limit) {
        return transactions.inTransaction(() -> store.findByClient(client, limit));
    }

    /** {@link #totals(ClientId, PeriodLength, LocalDate, LocalDate, Currency, ZoneId)} in the CRM's zone. */
    public List<WorkPeriod> totals(ClientId client, PeriodLength length, LocalDate from, LocalDate to,
                                   Currency currency) {
        return totals(client, length, from, to, currency, zone);
    }

    /**
     * A client's figures per month, quarter or year, in {@code currency}: every period from the one holding
     * {@code from} to the one holding {@code to}, each beginning at the start of its first day in {@code zone};
     * periods without facts are given with zeros. One query in crm-jpa.
     *
     * @throws ValidationException when {@code to} is before {@code from} or the range holds more than 1,200 periods
     */
    public List<WorkPeriod> totals(ClientId client, PeriodLength length, LocalDate from, LocalDate to,
                                   Currency currency, ZoneId zone) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zone, "zone");
        List<LocalDate> starts = starts(length, from, to);
        List<Instant> boundaries = starts.stream().map(d -> d.atStartOfDay(zone).toInstant()).toList();
        Map<Integer, PeriodTotals> byPeriod = new HashMap<>();
        transactions.inTransaction(() -> store.totals(client, currency, boundaries))
                .forEach(t -> byPeriod.put(t.period(), t));
        Money zero = Money.zero(currency);
        List<WorkPeriod> periods = new ArrayList<>();
        for (int k = 0; k + 1 < starts.size(); k++) {
            PeriodTotals t = byPeriod.getOrDefault(k, new PeriodTotals(k, zero, 0, 0, zero, 0, 0, 0, 0));
            Money average = t.saleDocuments() == 0 ? null : Money.of(t.sales().amount().divide(
                    BigDecimal.valueOf(t.saleDocuments()), Math.max(currency.getDefaultFractionDigits(), 0),
                    RoundingMode.HALF_EVEN), currency);
            BigDecimal late = t.payments() == 0 ? null : BigDecimal.valueOf(t.daysLateTotal())
                    .divide(BigDecimal.valueOf(t.payments()), 2, RoundingMode.HALF_EVEN);
            periods.add(new WorkPeriod(starts.get(k), starts.get(k + 1), t.sales(), t.saleDocuments(), t.saleLines(),
                    average, t.paid(), t.payments(), late, t.maxDaysLate(), t.claims()));
        }
        return periods;
    }

    private static List<LocalDate> starts(PeriodLength length, LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new ValidationException("to", "work-history.period", to, "the period ends on " + to
                    + ", before it begins on " + from);
        }
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate start = length.start(from); !start.isAfter(to); start = length.next(start)) {
            starts.add(start);
            if (starts.size() > MAX_PERIODS) {
                throw new ValidationException("to", "work-history.periods", to, "a report gives at most "
                        + MAX_PERIODS + " periods; from " + from + " to " + to + " by " + length + " is more");
            }
        }
        starts.add(length.next(starts.get(starts.size() - 1)));
        return starts;
    }

    /** {@link #rfm(YearMonth, YearMonth, Currency, RfmThresholds, ZoneId)} in the CRM's zone. */
    public List<RfmScore> rfm(YearMonth from, YearMonth to, Currency currency, RfmThresholds thresholds) {
        return rfm(from, to, currency, thresholds, zone);
    }

    /**
     * The RFM scores of every client that bought in {@code currency} in the months {@code from} to {@code to}
     * (both included, in {@code zone}); recency is measured at the end of the period. Best clients first (by
     * the code, then by the amount). One query in crm-jpa.
     */
    public List<RfmScore> rfm(YearMonth from, YearMonth to, Currency currency, RfmThresholds thresholds,
                              ZoneId zone) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(thresholds, "thresholds");
        List<Instant> months = months(from, to, zone);
        Instant start = months.get(0);
        Instant end = months.get(months.size() - 1);
        List<RfmInput> inputs = transactions.inTransaction(() -> store.rfmInputs(currency, start, end));
        return inputs.stream().map(i -> thresholds.score(i, end))
                .sorted(Comparator.comparing(RfmScore::code).reversed()
                        .thenComparing(RfmScore::sales, Comparator.reverseOrder())
                        .thenComparing(s -> s.client().toString()))
                .toList();
    }

    /** {@link #abcXyz(YearMonth, YearMonth, Currency, AbcXyzThresholds, ZoneId)} in the CRM's zone. */
    public List<AbcXyz> abcXyz(YearMonth from, YearMonth to, Currency currency, AbcXyzThresholds thresholds) {
        return abcXyz(from, to, currency, thresholds, zone);
    }

    /**
     * The ABC and XYZ classes ({@link AbcXyzThresholds} states the rules) of every client whose sales in
     * {@code currency} over the months {@code from} to {@code to} (both included, in {@code zone}) are above 0,
     * biggest first. One query in crm-jpa.
     */
    public List<AbcXyz> abcXyz(YearMonth from, YearMonth to, Currency currency, AbcXyzThresholds thresholds,
                               ZoneId zone) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(thresholds, "thresholds");
        List<Instant> months = months(from, to, zone);
        return transactions.inTransaction(() -> store.abcXyz(currency, months, thresholds)).stream()
                .sorted(Comparator.comparing(AbcXyz::sales, Comparator.reverseOrder())
                        .thenComparing(a -> a.client().toString()))
                .toList();
    }

    private static List<Instant> months(YearMonth from, YearMonth to, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        List<LocalDate> starts = starts(PeriodLength.MONTH, Objects.requireNonNull(from, "from").atDay(1),
                Objects.requireNonNull(to, "to").atDay(1));
        return starts.stream().map(d -> d.atStartOfDay(zone).toInstant()).toList();
    }
}
