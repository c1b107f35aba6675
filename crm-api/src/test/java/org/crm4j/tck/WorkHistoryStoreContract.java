package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crm4j.tck.WorkHistoryFixture.claim;
import static org.crm4j.tck.WorkHistoryFixture.id;
import static org.crm4j.tck.WorkHistoryFixture.payment;
import static org.crm4j.tck.WorkHistoryFixture.sale;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.Money;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violation;
import org.crm4j.history.AbcClass;
import org.crm4j.history.AbcXyz;
import org.crm4j.history.AbcXyzThresholds;
import org.crm4j.history.Claim;
import org.crm4j.history.DocumentLine;
import org.crm4j.history.FeedResult;
import org.crm4j.history.PeriodTotals;
import org.crm4j.history.RfmInput;
import org.crm4j.history.SaleLine;
import org.crm4j.history.WorkFact;
import org.crm4j.history.WorkHistoryStore;
import org.crm4j.history.XyzClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link WorkHistoryStore} must keep; an adapter extends this class and returns an empty
 * store from {@link #emptyStore()}.
 */
public abstract class WorkHistoryStoreContract {
    protected static final Currency RUB = Currency.getInstance("RUB");
    /** January, February and March 2026 in UTC. */
    protected static final List<Instant> Q1 = List.of(Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"),
            Instant.parse("2026-04-01T00:00:00Z"));

    /** A store with no facts; called before every test. */
    protected abstract WorkHistoryStore emptyStore();

    protected WorkHistoryStore store;

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    private static Money rub(String amount) {
        return Money.of(amount, "RUB");
    }

    @Test
    @DisplayName("fed facts of the three kinds come back equal, newest first, at most as many as asked")
    void roundTrip() {
        SaleLine sale = sale(1, 1, "РН-0001", 1, "2026-01-10T09:00:00.123456Z", "1500.50");
        SaleLine plain = new SaleLine(id(2), DocumentLine.of("РН-0001", 2), ClientFixture.id(1),
                Instant.parse("2026-01-10T09:00:01Z"), "P-2", "Муфта", new BigDecimal("2.5"), rub("0"), null);
        WorkFact paid = payment(3, 1, "ПП-17", "2026-01-12T12:00:00Z", "1500.50", 3);
        Claim claim = new Claim(id(4), DocumentLine.of("ПР-5", 1), ClientFixture.id(1),
                Instant.parse("2026-01-20T08:00:00Z"), "Брак оплётки", rub("120.00"));
        WorkFact other = sale(5, 2, "РН-0002", 1, "2026-01-11T09:00:00Z", "10");

        FeedResult result = store.feed(List.of(sale, plain, paid, claim, other));

        assertThat(result).isEqualTo(new FeedResult(5, 0));
        assertThat(store.findByClient(ClientFixture.id(1), 10)).containsExactly(claim, paid, plain, sale);
        assertThat(store.findByClient(ClientFixture.id(1), 2)).containsExactly(claim, paid);
        assertThat(store.findByClient(ClientFixture.id(1), 0)).isEmpty();
        assertThat(store.findByClient(ClientFixture.id(99), 10)).isEmpty();
    }

    @Test
    @DisplayName("a document fed again with the same content changes nothing and counts as unchanged")
    void refeedIsIdempotent() {
        store.feed(List.of(sale(1, 1, "РН-1", 1, "2026-01-10T09:00:00Z", "100"),
                payment(2, 1, "ПП-1", "2026-01-11T09:00:00Z", "100", 0)));

        FeedResult again = store.feed(List.of(sale(11, 1, "РН-1", 1, "2026-01-10T09:00:00Z", "100.00"),
                payment(12, 1, "ПП-1", "2026-01-11T09:00:00Z", "100", 0),
                sale(13, 1, "РН-1", 2, "2026-01-10T09:00:00Z", "5")));

        assertThat(again).isEqualTo(new FeedResult(1, 2));
        assertThat(store.findByClient(ClientFixture.id(1), 10)).extracting(WorkFact::id)
                .containsExactlyInAnyOrder(id(1), id(2), id(13));
    }

    @Test
    @DisplayName("a line fed again with other content refuses the whole feed, naming the document and line")
    void changedLineIsRefused() {
        store.feed(List.of(sale(1, 1, "РН-1", 1, "2026-01-10T09:00:00Z", "100"),
                claim(2, 1, "ПР-1", "2026-01-11T09:00:00Z")));

        assertThatThrownBy(() -> store.feed(List.of(sale(11, 1, "РН-2", 1, "2026-01-12T09:00:00Z", "7"),
                sale(12, 1, "РН-1", 1, "2026-01-10T09:00:00Z", "101"),
                new Claim(id(13), DocumentLine.of("ПР-1", 1), ClientFixture.id(1),
                        Instant.parse("2026-01-11T09:00:00Z"), "Другая претензия", null))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::code).containsOnly("work-fact.changed");
                    assertThat(e.violations()).extracting(Violation::rejectedValue)
                            .containsExactly("SALE РН-1 line 1", "CLAIM ПР-1 line 1");
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("facts[1]", "facts[2]");
                });
        assertThat(store.findByClient(ClientFixture.id(1), 10)).extracting(WorkFact::id)
                .containsExactlyInAnyOrder(id(1), id(2));
    }

    @Test
    @DisplayName("a key repeated within one feed is stored once, and refused if the repeat differs")
    void repeatsWithinAFeed() {
        assertThatThrownBy(() -> store.feed(List.of(sale(1, 1, "РН-1", 1, "2026-01-10T09:00:00Z", "100"),
                sale(2, 1, "РН-1", 1, "2026-01-10T09:00:00Z", "200"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("facts[1]"));
        assertThat(store.findByClient(ClientFixture.id(1), 10)).isEmpty();

        FeedResult result = store.feed(List.of(sale(1, 1, "РН-1", 1, "2026-01-10T09:00:00Z", "100"),
                sale(2, 1, "РН-1", 1, "2026-01-10T09:00:00Z", "100")));

        assertThat(result).isEqualTo(new FeedResult(1, 1));
        assertThat(store.findByClient(ClientFixture.id(1), 10)).extracting(WorkFact::id).containsExactly(id(1));
    }

    @Test
    @DisplayName("the same document and line of different kinds are different facts; an empty feed does nothing")
    void kindIsPartOfTheKey() {
        FeedResult result = store.feed(List.of(sale(1, 1, "DOC-7", 1, "2026-01-10T09:00:00Z", "100"),
                payment(2, 1, "DOC-7", "2026-01-10T10:00:00Z", "100", 0),
                claim(3, 1, "DOC-7", "2026-01-10T11:00:00Z")));

        assertThat(result).isEqualTo(new FeedResult(3, 0));
        assertThat(store.feed(List.of())).isEqualTo(new FeedResult(0, 0));
    }

    @Test
    @DisplayName("a taken id under a new key is refused and nothing is written")
    void takenId() {
        store.feed(List.of(sale(1, 1, "РН-1", 1, "2026-01-10T09:00:00Z", "100")));

        assertThatThrownBy(() -> store.feed(List.of(sale(2, 1, "РН-2", 1, "2026-01-11T09:00:00Z", "5"),
                sale(1, 1, "РН-3", 1, "2026-01-11T09:00:00Z", "5"))))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(store.findByClient(ClientFixture.id(1), 10)).extracting(WorkFact::id).containsExactly(id(1));
    }

    @Test
    @DisplayName("two feeds of the same document at once store it once")
    void concurrentFeeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<FeedResult>> feeds = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                long base = 100L * (t + 1);
                Callable<FeedResult> feed = () -> {
                    start.await();
                    List<WorkFact> lines = new ArrayList<>();
                    for (int line = 1; line <= 20; line++) {
                        lines.add(sale(base + line, 1, "РН-1", line, "2026-01-10T09:00:00Z", "10"));
                    }
                    return store.feed(lines);
                };
                feeds.add(pool.submit(feed));
            }
            start.countDown();
            int recorded = 0;
            for (Future<FeedResult> f : feeds) {
                try {
                    recorded += f.get().recorded();
                } catch (java.util.concurrent.ExecutionException e) {
                    // A feed that lost the race is refused whole; fed again it finds every line stored.
                    assertThat(e.getCause()).isInstanceOf(DuplicateException.class);
                    assertThat(((DuplicateException) e.getCause()).key()).isEqualTo("key");
                }
            }
            assertThat(recorded).isEqualTo(20);
            assertThat(store.findByClient(ClientFixture.id(1), 100)).hasSize(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("period totals sum sales, checks, lines, payments, days late and claims per period")
    void periodTotals() {
        store.feed(List.of(
                sale(1, 1, "РН-1", 1, "2026-01-05T09:00:00Z", "100.00"),
                sale(2, 1, "РН-1", 2, "2026-01-05T09:00:00Z", "50.50"),
                sale(3, 1, "РН-2", 1, "2026-01-31T23:59:59.999999Z", "49.50"),
                sale(4, 1, "РН-3", 1, "2026-01-06T09:00:00Z", "999", "USD"),
                payment(5, 1, "ПП-1", "2026-01-10T09:00:00Z", "100", 0),
                payment(6, 1, "ПП-2", "2026-01-20T09:00:00Z", "50", 10),
                claim(7, 1, "ПР-1", "2026-01-25T09:00:00Z"),
                new Claim(id(8), DocumentLine.of("ПР-2", 1), ClientFixture.id(1),
                        Instant.parse("2026-02-01T00:00:00Z"), "Возврат", Money.of("10", "USD")),
                payment(9, 1, "ПП-3", "2026-02-03T09:00:00Z", "70", "USD", 40),
                sale(10, 1, "РН-4", 1, "2025-12-31T23:59:59Z", "1000"),
                sale(11, 2, "РН-5", 1, "2026-01-05T09:00:00Z", "300")));

        List<PeriodTotals> totals = store.totals(ClientFixture.id(1), RUB, Q1);

        assertThat(totals).containsExactlyInAnyOrder(
                new PeriodTotals(0, rub("200.00"), 2, 3, rub("150.00"), 2, 10, 10, 1),
                new PeriodTotals(1, rub("0"), 0, 0, rub("0"), 0, 0, 0, 1));
        assertThat(store.totals(ClientFixture.id(3), RUB, Q1)).isEmpty();
    }

    @Test
    @DisplayName("RFM inputs give each buyer's last purchase, distinct documents and amount in the period")
    void rfmInputs() {
        store.feed(List.of(
                sale(1, 1, "РН-1", 1, "2026-01-05T09:00:00Z", "100"),
                sale(2, 1, "РН-1", 2, "2026-01-05T09:00:00Z", "50"),
                sale(3, 1, "РН-2", 1, "2026-02-07T09:00:00Z", "25"),
                sale(4, 2, "РН-3", 1, "2026-03-31T23:59:59Z", "10"),
                sale(5, 2, "РН-4", 1, "2026-04-01T00:00:00Z", "1000"),
                sale(6, 3, "РН-5", 1, "2026-02-01T00:00:00Z", "7", "USD"),
                payment(7, 3, "ПП-1", "2026-02-01T00:00:00Z", "7", 0)));

        assertThat(store.rfmInputs(RUB, Q1.get(0), Q1.get(3))).containsExactlyInAnyOrder(
                new RfmInput(ClientFixture.id(1), Instant.parse("2026-02-07T09:00:00Z"), 2, rub("175")),
                new RfmInput(ClientFixture.id(2), Instant.parse("2026-03-31T23:59:59Z"), 1, rub("10")));
    }

    /**
     * Monthly sales over January to March (totals; grand total 800):
     * <pre>
     * client 1: 100 100 100 = 300  CV 0      X; nobody sold more        A
     * client 2: 100 120  80 = 300  CV 16.3 % Y; nobody sold more        A
     * client 3:   0   0 150 = 150  CV 141 %  Z; 600 sold more = 75 %    A
     * client 4:  40   0   0 =  40           Z; 750 = 93.75 %           B
     * client 5:  10   0   0 =  10           Z; 790 = 98.75 %           C
     * client 6: a free sample only: not classified.
     * </pre>
     */
    private void feedAbcXyzData() {
        store.feed(List.of(
                sale(1, 1, "A-1", 1, "2026-01-03T10:00:00Z", "100"),
                sale(2, 1, "A-2", 1, "2026-02-01T00:00:00Z", "100"),
                sale(3, 1, "A-3", 1, "2026-03-31T23:59:59Z", "100"),
                sale(4, 2, "B-1", 1, "2026-01-10T10:00:00Z", "100"),
                sale(5, 2, "B-2", 1, "2026-02-10T10:00:00Z", "70"),
                sale(6, 2, "B-2", 2, "2026-02-10T10:00:00Z", "50"),
                sale(7, 2, "B-3", 1, "2026-03-10T10:00:00Z", "80"),
                sale(8, 3, "C-1", 1, "2026-03-15T10:00:00Z", "150"),
                sale(9, 4, "D-1", 1, "2026-01-15T10:00:00Z", "40"),
                sale(10, 5, "E-1", 1, "2026-01-15T10:00:00Z", "10"),
                sale(11, 5, "E-2", 1, "2026-01-15T10:00:00Z", "5000", "USD"),
                sale(12, 5, "E-3", 1, "2025-12-31T10:00:00Z", "5000"),
                sale(13, 5, "E-4", 1, "2026-04-01T00:00:00Z", "5000"),
                payment(14, 4, "ПП-1", "2026-02-15T10:00:00Z", "9000", 0),
                sale(15, 6, "F-1", 1, "2026-02-15T10:00:00Z", "0")));
    }

    @Test
    @DisplayName("ABC/XYZ with the default thresholds gives the hand-computed classes")
    void abcXyzDefaults() {
        feedAbcXyzData();

        assertThat(store.abcXyz(RUB, Q1, AbcXyzThresholds.DEFAULT)).containsExactlyInAnyOrder(
                new AbcXyz(ClientFixture.id(1), rub("300"), AbcClass.A, XyzClass.X),
                new AbcXyz(ClientFixture.id(2), rub("300"), AbcClass.A, XyzClass.Y),
                new AbcXyz(ClientFixture.id(3), rub("150"), AbcClass.A, XyzClass.Z),
                new AbcXyz(ClientFixture.id(4), rub("40"), AbcClass.B, XyzClass.Z),
                new AbcXyz(ClientFixture.id(5), rub("10"), AbcClass.C, XyzClass.Z));
    }

    @Test
    @DisplayName("ABC/XYZ follows configured thresholds; a one-month period makes every buyer X")
    void abcXyzConfigured() {
        feedAbcXyzData();
        AbcXyzThresholds custom = new AbcXyzThresholds(new BigDecimal("0.5"), new BigDecimal("0.9"),
                new BigDecimal("0.2"), new BigDecimal("0.5"));

        assertThat(store.abcXyz(RUB, Q1, custom)).extracting(AbcXyz::code)
                .containsExactlyInAnyOrder("AX", "AX", "BZ", "CZ", "CZ");
        assertThat(store.abcXyz(RUB, Q1.subList(0, 2), AbcXyzThresholds.DEFAULT)).containsExactlyInAnyOrder(
                new AbcXyz(ClientFixture.id(1), rub("100"), AbcClass.A, XyzClass.X),
                new AbcXyz(ClientFixture.id(2), rub("100"), AbcClass.A, XyzClass.X),
                new AbcXyz(ClientFixture.id(4), rub("40"), AbcClass.B, XyzClass.X),
                new AbcXyz(ClientFixture.id(5), rub("10"), AbcClass.C, XyzClass.X));
        assertThat(store.abcXyz(Currency.getInstance("EUR"), Q1, AbcXyzThresholds.DEFAULT)).isEmpty();
    }
}
