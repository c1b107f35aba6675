package org.crm4j.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violation;
import org.crm4j.core.Crm;
import org.crm4j.history.AbcXyz;
import org.crm4j.history.AbcXyzThresholds;
import org.crm4j.history.FeedResult;
import org.crm4j.history.PaymentMethod;
import org.crm4j.history.SaleLine;
import org.crm4j.history.WorkFact;
import org.crm4j.tck.ClientFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkHistoryTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Currency RUB = Currency.getInstance("RUB");
    private static final ClientId CLIENT = ClientFixture.id(1);

    private Crm crm;
    private WorkHistory history;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().zone(MOSCOW).build();
        crm.storage().clients().save(ClientFixture.organisation(1));
        crm.storage().clients().save(ClientFixture.organisation(2));
        history = crm.workHistory();
    }

    private static Money rub(String amount) {
        return Money.of(amount, "RUB");
    }

    private WorkHistory.Feed sale(WorkHistory.Feed feed, String document, int line, ClientId client, String date,
                                  String amount) {
        return feed.sale(document, line, client, history.startOf(LocalDate.parse(date)), "P-1", "Кабель",
                BigDecimal.ONE, rub(amount), EmployeeId.of("anna"));
    }

    @Test
    @DisplayName("a feed with bad lines is refused whole, every bad field of every line named")
    void everyViolationNamed() {
        assertThatThrownBy(() -> history.feed(feed -> {
            sale(feed, "РН-1", 1, CLIENT, "2026-01-10", "100");
            feed.sale(" ", 0, CLIENT, Instant.EPOCH, "", "Кабель", BigDecimal.ZERO, rub("-1"), null);
            feed.payment("ПП-1", 1, CLIENT, Instant.EPOCH, rub("0"), PaymentMethod.CARD, -2);
        })).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(Violation::field).containsExactly("facts[1].documentId", "facts[1].line",
                        "facts[1].productCode", "facts[1].quantity", "facts[1].amount", "facts[2].amount",
                        "facts[2].daysLate"));
        assertThat(history.history(CLIENT, 10)).isEmpty();
    }

    @Test
    @DisplayName("a feed naming an unknown client is refused, naming the facts, and writes nothing")
    void unknownClient() {
        assertThatThrownBy(() -> history.feed(feed -> {
            sale(feed, "РН-1", 1, CLIENT, "2026-01-10", "100");
            sale(feed, "РН-2", 1, ClientFixture.id(77), "2026-01-10", "100");
        })).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("facts[1].client");
            assertThat(e.violationCode()).isEqualTo("work-fact.client");
        });
        assertThat(history.history(CLIENT, 10)).isEmpty();
    }

    @Test
    @DisplayName("a date-only document is fed at the start of its day in the CRM's zone, and fed twice once")
    void dateOnlyAndIdempotent() {
        FeedResult first = history.feed(feed -> sale(feed, "РН-1", 1, CLIENT, "2026-01-10", "100"));
        FeedResult again = history.feed(feed -> sale(feed, "РН-1", 1, CLIENT, "2026-01-10", "100"));

        assertThat(first).isEqualTo(new FeedResult(1, 0));
        assertThat(again).isEqualTo(new FeedResult(0, 1));
        assertThat(history.history(CLIENT, 10)).extracting(WorkFact::at)
                .containsExactly(Instant.parse("2026-01-09T21:00:00Z"));
    }

    @Test
    @DisplayName("four threads feeding the same document store it once")
    void concurrentFeeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<FeedResult>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return history.feed(feed -> {
                        for (int line = 1; line <= 10; line++) {
                            sale(feed, "РН-1", line, CLIENT, "2026-01-10", "100");
                        }
                    });
                }));
            }
            start.countDown();
            int recorded = 0;
            for (Future<FeedResult> r : results) {
                recorded += r.get().recorded();
            }
            assertThat(recorded).isEqualTo(10);
            assertThat(history.history(CLIENT, 100)).hasSize(10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("figures by month, quarter and year: every period given, averages computed, days in the zone")
    void totals() {
        history.feed(feed -> {
            sale(feed, "РН-1", 1, CLIENT, "2026-01-01", "100.00");   // 2025-12-31T21:00Z: January in Moscow
            sale(feed, "РН-1", 2, CLIENT, "2026-01-01", "0.01");
            sale(feed, "РН-2", 1, CLIENT, "2026-01-31", "50.00");
            sale(feed, "РН-3", 1, CLIENT, "2026-04-02", "30.00");
            feed.payment("ПП-1", 1, CLIENT, history.startOf(LocalDate.of(2026, 1, 20)), rub("100"),
                    PaymentMethod.BANK_TRANSFER, 3);
            feed.payment("ПП-2", 1, CLIENT, history.startOf(LocalDate.of(2026, 1, 25)), rub("50"),
                    PaymentMethod.CARD, 4);
            feed.claim("ПР-1", 1, CLIENT, history.startOf(LocalDate.of(2026, 2, 3)), "Брак", null);
        });

        List<WorkPeriod> months = history.totals(CLIENT, PeriodLength.MONTH, LocalDate.of(2026, 1, 15),
                LocalDate.of(2026, 3, 1), RUB);
        List<WorkPeriod> quarters = history.totals(CLIENT, PeriodLength.QUARTER, LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 6, 30), RUB);
        List<WorkPeriod> year = history.totals(CLIENT, PeriodLength.YEAR, LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 1), RUB);

        assertThat(months).hasSize(3);
        assertThat(months.get(0)).isEqualTo(new WorkPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1),
                rub("150.01"), 2, 3, rub("75.00"), rub("150"), 2, new BigDecimal("3.50"), 4, 0));
        assertThat(months.get(1)).isEqualTo(new WorkPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1),
                rub("0"), 0, 0, null, rub("0"), 0, null, 0, 1));
        assertThat(months.get(2).start()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(quarters).extracting(WorkPeriod::start, WorkPeriod::sales).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 1, 1), rub("150.01")),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 4, 1), rub("30.00")));
        assertThat(year).extracting(WorkPeriod::sales, WorkPeriod::claims)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(rub("180.01"), 1L));
        assertThatThrownBy(() -> history.totals(CLIENT, PeriodLength.MONTH, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 1, 1), RUB)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    @DisplayName("RFM scores and ABC/XYZ classes over months of the CRM's zone, best clients first")
    void rfmAndAbcXyz() {
        history.feed(feed -> {
            sale(feed, "РН-1", 1, CLIENT, "2026-01-01", "60000");
            sale(feed, "РН-2", 1, CLIENT, "2026-02-01", "60000");
            sale(feed, "РН-3", 1, CLIENT, "2026-03-01", "60000");
            sale(feed, "РН-4", 1, ClientFixture.id(2), "2026-01-05", "1000");
        });

        List<RfmScore> rfm = history.rfm(YearMonth.of(2026, 1), YearMonth.of(2026, 3), RUB, RfmThresholds.DEFAULT);
        List<AbcXyz> abcXyz = history.abcXyz(YearMonth.of(2026, 1), YearMonth.of(2026, 3), RUB,
                AbcXyzThresholds.DEFAULT);

        assertThat(rfm).extracting(RfmScore::client, RfmScore::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CLIENT, "434"),
                org.assertj.core.groups.Tuple.tuple(ClientFixture.id(2), "311"));
        assertThat(abcXyz).extracting(AbcXyz::client, AbcXyz::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CLIENT, "AX"),
                org.assertj.core.groups.Tuple.tuple(ClientFixture.id(2), "CZ"));
    }

    @Test
    @DisplayName("facts built by the caller are fed with ids from newId()")
    void factsBuiltByTheCaller() {
        SaleLine line = new SaleLine(history.newId(), org.crm4j.history.DocumentLine.of("РН-9", 1), CLIENT,
                Instant.parse("2026-01-10T09:00:00Z"), "P-9", "Щит", new BigDecimal("2.50"), rub("10"), null);

        assertThat(history.feed(List.of(line))).isEqualTo(new FeedResult(1, 0));
        assertThat(history.history(CLIENT, 10)).containsExactly(line);
        assertThat(line.quantity()).isEqualTo(new BigDecimal("2.5"));
    }
}
