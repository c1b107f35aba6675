package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import org.crm4j.core.history.InMemoryWorkHistoryStore;
import org.crm4j.history.AbcXyzThresholds;
import org.crm4j.history.WorkFact;
import org.crm4j.history.WorkHistoryStore;
import org.crm4j.tck.ClientFixture;
import org.crm4j.tck.WorkHistoryFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reports of crm-jpa in SQL and of the in-memory store in Java give the same figures on random data sets:
 * amounts drawn from a few values so that many clients tie, months without sales, boundaries hit exactly,
 * other currencies and payments mixed in.
 */
class WorkHistoryReportsAgreementTest {

    @Nested
    class OnH2 extends Agreement {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends Agreement {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    @Nested
    class OnMariaDb extends Agreement {
        OnMariaDb() {
            super(TestDatabase.MARIADB);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Agreement {
        private static final Currency RUB = Currency.getInstance("RUB");
        private static final List<Instant> MONTHS = List.of(Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z"));
        private static final String[] AMOUNTS = {"0", "10", "10", "25.50", "40", "100", "100", "999.99"};
        private final StorageOnDatabase db;

        Agreement(TestDatabase database) {
            this.db = new StorageOnDatabase(database, "histsame_");
        }

        @BeforeAll
        void open() {
            db.open();
        }

        @AfterAll
        void close() {
            db.close();
        }

        private static List<WorkFact> randomFacts(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            List<WorkFact> facts = new ArrayList<>();
            int clients = 5 + random.nextInt(40);
            for (int n = 0; n < 400; n++) {
                long client = random.nextInt(clients);
                int month = random.nextInt(MONTHS.size());   // the last "month" is after the period
                Instant at = random.nextInt(10) == 0 ? MONTHS.get(month)
                        : MONTHS.get(month).plusSeconds(random.nextInt(27 * 86_400));
                String amount = AMOUNTS[random.nextInt(AMOUNTS.length)];
                switch (random.nextInt(10)) {
                    case 0 -> facts.add(WorkHistoryFixture.payment(n, client, "ПП-" + n, at.toString(),
                            amount.equals("0") ? "1" : amount, random.nextInt(30)));
                    case 1 -> facts.add(WorkHistoryFixture.sale(n, client, "V-" + n, 1, at.toString(), amount, "USD"));
                    case 2 -> facts.add(WorkHistoryFixture.claim(n, client, "ПР-" + n, at.toString()));
                    default -> facts.add(WorkHistoryFixture.sale(n, client, "РН-" + n / 3, n % 3 + 1,
                            at.toString(), amount));
                }
            }
            return facts;
        }

        @ParameterizedTest(name = "data set {0}")
        @ValueSource(longs = {1, 2, 3, 4, 5, 6})
        @DisplayName("ABC/XYZ, RFM inputs and period totals agree with the in-memory store")
        void sameAsInMemory(long seed) {
            WorkHistoryStore jpa = db.empty().workHistory();
            WorkHistoryStore memory = new InMemoryWorkHistoryStore();
            List<WorkFact> facts = randomFacts(seed);
            jpa.feed(facts);
            memory.feed(facts);
            AbcXyzThresholds tight = new AbcXyzThresholds(new BigDecimal("0.5"), new BigDecimal("0.8"),
                    new BigDecimal("0.3"), new BigDecimal("0.9"));
            List<Instant> quarter = MONTHS.subList(0, 4);

            assertThat(memory.abcXyz(RUB, quarter, AbcXyzThresholds.DEFAULT)).as("clients classified")
                    .hasSizeGreaterThan(3);
            for (AbcXyzThresholds t : List.of(AbcXyzThresholds.DEFAULT, tight)) {
                assertThat(jpa.abcXyz(RUB, quarter, t)).containsExactlyInAnyOrderElementsOf(
                        memory.abcXyz(RUB, quarter, t));
                assertThat(jpa.abcXyz(RUB, MONTHS.subList(1, 3), t)).containsExactlyInAnyOrderElementsOf(
                        memory.abcXyz(RUB, MONTHS.subList(1, 3), t));
            }
            assertThat(jpa.rfmInputs(RUB, MONTHS.get(0), MONTHS.get(3)))
                    .containsExactlyInAnyOrderElementsOf(memory.rfmInputs(RUB, MONTHS.get(0), MONTHS.get(3)));
            for (long client = 0; client < 5; client++) {
                assertThat(jpa.totals(ClientFixture.id(client), RUB, MONTHS))
                        .containsExactlyInAnyOrderElementsOf(memory.totals(ClientFixture.id(client), RUB, MONTHS));
            }
        }
    }
}
