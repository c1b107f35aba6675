package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crm4j.tck.WorkHistoryFixture.payment;
import static org.crm4j.tck.WorkHistoryFixture.sale;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.core.Crm;
import org.crm4j.core.history.PeriodLength;
import org.crm4j.core.history.RfmThresholds;
import org.crm4j.history.AbcXyzThresholds;
import org.crm4j.history.FeedResult;
import org.crm4j.history.WorkFact;
import org.crm4j.tck.ClientFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The work history on crm-jpa costs a fixed number of statements whatever the number of facts: a feed one
 * select and one multi-row insert per 250 new facts, each report one select; and feeds racing for the same
 * document through the use case store it once.
 */
class WorkHistoryStatementCountTest {

    @Nested
    class OnH2 extends Counting {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends Counting {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    @Nested
    class OnMariaDb extends Counting {
        OnMariaDb() {
            super(TestDatabase.MARIADB);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Counting {
        private static final String PREFIX = "histcount_";
        private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
        private static final Currency RUB = Currency.getInstance("RUB");
        private final TestDatabase database;
        private final StatementCounter counter = new StatementCounter();
        private JpaStorage storage;
        private Crm crm;

        Counting(TestDatabase database) {
            this.database = database;
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            storage = database.storage(counter.wrap(database.cleanSchema(PREFIX)), PREFIX);
            crm = Crm.builder().storage(storage).zone(MOSCOW).build();
        }

        @AfterAll
        void close() {
            if (storage != null) {
                storage.close();
            }
        }

        @BeforeEach
        void clean() {
            database.cleanSchema(PREFIX);
        }

        /** {@code count} sale lines of client {@code client}, two per document, a day apart, from 2026-01-01. */
        private static List<WorkFact> lines(int first, int count, long client) {
            List<WorkFact> facts = new ArrayList<>();
            for (int n = first; n < first + count; n++) {
                facts.add(sale(n, client, "РН-" + n / 2, n % 2 + 1,
                        Instant.parse("2026-01-01T09:00:00Z").plusSeconds(86_400L * (n % 360)).toString(),
                        String.valueOf(100 + n % 7)));
            }
            return facts;
        }

        @Test
        @DisplayName("a feed of 200 lines costs what a feed of 4 costs: one select and one insert; fed again, a select")
        void feedIsConstant() {
            assertThat(counter.counted(() -> storage.workHistory().feed(lines(0, 4, 1))))
                    .isEqualTo(Map.of("select", 1L, "insert", 1L));
            assertThat(counter.counted(() -> storage.workHistory().feed(lines(1000, 200, 1))))
                    .isEqualTo(Map.of("select", 1L, "insert", 1L));
            assertThat(counter.counted(() -> assertThat(storage.workHistory().feed(lines(1000, 200, 1)))
                    .isEqualTo(new FeedResult(0, 200)))).isEqualTo(Map.of("select", 1L));
        }

        @Test
        @DisplayName("figures by month, RFM and ABC/XYZ are one select each, among 4 facts or among 600")
        void reportsAreOneQuery() {
            for (int round = 0; round < 2; round++) {
                storage.workHistory().feed(round == 0 ? lines(0, 4, 1) : lines(10, 596, 1 + round));
                storage.workHistory().feed(List.of(payment(5000 + round, 1, "ПП-" + round,
                        "2026-02-03T09:00:00Z", "10", 2)));
                assertThat(counter.counted(() -> assertThat(crm.workHistory().totals(ClientFixture.id(1), PeriodLength.MONTH,
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), RUB)).hasSize(12)))
                        .isEqualTo(Map.of("select", 1L));
                assertThat(counter.counted(() -> assertThat(crm.workHistory().rfm(YearMonth.of(2026, 1),
                        YearMonth.of(2026, 12), RUB, RfmThresholds.DEFAULT)).isNotEmpty()))
                        .isEqualTo(Map.of("select", 1L));
                assertThat(counter.counted(() -> assertThat(crm.workHistory().abcXyz(YearMonth.of(2026, 1),
                        YearMonth.of(2026, 12), RUB, AbcXyzThresholds.DEFAULT)).isNotEmpty()))
                        .isEqualTo(Map.of("select", 1L));
            }
        }

        @Test
        @DisplayName("four feeds of the same document at once through the use case store it once, all succeeding")
        void racingFeedsStoreOnce() throws Exception {
            storage.clients().save(ClientFixture.organisation(1));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<FeedResult>> feeds = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    feeds.add(pool.submit(() -> {
                        start.await();
                        return crm.workHistory().feed(feed -> {
                            for (int line = 1; line <= 30; line++) {
                                feed.sale("РН-77", line, ClientFixture.id(1),
                                        crm.workHistory().startOf(LocalDate.of(2026, 3, 2)), "P-" + line, "Товар",
                                        BigDecimal.ONE, Money.of("10", "RUB"), EmployeeId.of("anna"));
                            }
                        });
                    }));
                }
                start.countDown();
                int recorded = 0;
                int unchanged = 0;
                for (Future<FeedResult> f : feeds) {
                    recorded += f.get().recorded();
                    unchanged += f.get().unchanged();
                }
                assertThat(recorded).isEqualTo(30);
                assertThat(unchanged).isEqualTo(90);
                assertThat(storage.workHistory().findByClient(ClientFixture.id(1), 100)).hasSize(30);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
