package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.deal.Funnel;
import org.crm4j.core.deal.NewDeal;
import org.crm4j.core.deal.PipelineBoard;
import org.crm4j.core.deal.Pipelines;
import org.crm4j.deal.Deal;
import org.crm4j.tck.ClientFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Deals cost a fixed number of SQL statements on crm-jpa whatever the number of deals: creating one reads its
 * pipeline and client and inserts two rows, moving one is three selects, an update and an insert, and the board,
 * the idle list, the funnel and the forecast are one select each besides the pipeline's.
 */
class DealStatementCountTest {

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
        private static final String PREFIX = "dealcount_";
        private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
        /** Monday 2 March 2026, 10:00 in Moscow. */
        private static final Instant NOW = Instant.parse("2026-03-02T07:00:00Z");
        private static final EmployeeId ANNA = EmployeeId.of("anna");
        private final TestDatabase database;
        private final StatementCounter counter = new StatementCounter();
        private final SettableClock clock = SettableClock.at(NOW, MOSCOW);
        private JpaStorage storage;
        private Crm crm;

        Counting(TestDatabase database) {
            this.database = database;
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            storage = database.storage(counter.wrap(database.cleanSchema(PREFIX)), PREFIX);
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
            clock.set(NOW);
            crm = Crm.builder().storage(storage).clock(clock).zone(MOSCOW).build();
            storage.clients().save(ClientFixture.organisation(1));
        }

        private Deal deal(String rubles, int month) {
            return crm.deals().create(NewDeal.of(ClientFixture.id(1), Money.of(rubles, "RUB"), ANNA)
                    .closingOn(LocalDate.of(2026, month, 10)));
        }

        @Test
        @DisplayName("creating and moving a deal cost the same among 1 deal or 40")
        void commandsAreConstant() {
            Map<String, Long> creating = counter.counted(() -> deal("100.00", 4));
            Deal first = crm.deals().ofClient(ClientFixture.id(1), 1).get(0);
            Map<String, Long> moving = counter.counted(() -> crm.deals().move(first.id(), 1, "interested", ANNA));
            for (int n = 0; n < 40; n++) {
                crm.deals().move(deal("10.00", 4 + n % 3).id(), 1, "contact-1", ANNA);
            }
            Map<String, Long> creatingAmong = counter.counted(() -> deal("100.00", 5));
            Map<String, Long> movingAmong = counter.counted(() -> crm.deals().move(first.id(), 2, "contact-1", ANNA));

            // the pipeline, the client; the deal and its first history entry
            assertThat(creating).isEqualTo(Map.of("select", 2L, "insert", 2L));
            // the deal and its history, the pipeline, the stored history's length; the deal, the new entry
            assertThat(moving).isEqualTo(Map.of("select", 4L, "update", 1L, "insert", 1L));
            assertThat(creatingAmong).isEqualTo(creating);
            assertThat(movingAmong).isEqualTo(moving);
            assertThat(crm.deals().get(first.id()).history()).hasSize(3);
        }

        @Test
        @DisplayName("the board, the idle deals, the stages on a date, the funnel and the forecast cost one select "
                + "each besides the pipeline")
        void reportsAreConstant() {
            for (int n = 0; n < 30; n++) {
                Deal d = deal("1000.00", 3 + n % 3);
                if (n % 2 == 0) {
                    crm.deals().move(d.id(), 1, "interested", ANNA);
                }
            }
            clock.set(NOW.plus(Duration.ofDays(8)));

            PipelineBoard[] board = new PipelineBoard[1];
            List<?>[] lists = new List<?>[2];
            Funnel[] funnel = new Funnel[1];
            Map<String, Long> boardCost = counter.counted(() -> board[0] = crm.deals().board(Pipelines.SHIFFMAN));
            Map<String, Long> idleCost = counter.counted(() -> lists[0] = crm.deals().idle(Pipelines.SHIFFMAN, 100));
            Map<String, Long> funnelCost = counter.counted(() -> funnel[0] = crm.deals().funnel(Pipelines.SHIFFMAN,
                    NOW, NOW.plus(Duration.ofDays(1))));
            Map<String, Long> forecastCost = counter.counted(() -> lists[1] = crm.deals().forecast(Pipelines.SHIFFMAN));

            Map<String, Long> stagesCost = counter.counted(() -> assertThat(crm.deals().countByStageOn(
                    Pipelines.SHIFFMAN, LocalDate.of(2026, 3, 2))).containsExactly(Map.entry("prospects", 15L),
                    Map.entry("interested", 15L)));

            assertThat(boardCost).isEqualTo(Map.of("select", 2L));
            assertThat(stagesCost).isEqualTo(Map.of("select", 2L));
            // the deals' columns, then their histories
            assertThat(idleCost).isEqualTo(Map.of("select", 3L));
            // the entries per stage, then the results
            assertThat(funnelCost).isEqualTo(Map.of("select", 3L));
            assertThat(forecastCost).isEqualTo(Map.of("select", 2L));
            assertThat(board[0].column("prospects").deals()).isEqualTo(15);
            assertThat(board[0].column("interested").idle()).isEqualTo(15);
            assertThat(board[0].column("prospects").idle()).isZero();
            assertThat(lists[0]).hasSize(15);
            assertThat(funnel[0].entered("prospects")).isEqualTo(30);
            assertThat(funnel[0].steps().get(0).conversion()).contains(new java.math.BigDecimal("0.5000"));
            assertThat(lists[1]).hasSize(3);
        }
    }
}
