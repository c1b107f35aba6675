package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crm4j.tck.DealFixture.ANNA;
import static org.crm4j.tck.DealFixture.BORIS;
import static org.crm4j.tck.DealFixture.SALES;
import static org.crm4j.tck.DealFixture.move;
import static org.crm4j.tck.DealFixture.open;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.Money;
import org.crm4j.deal.BoardCell;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealNotFoundException;
import org.crm4j.deal.DealStore;
import org.crm4j.deal.ForecastRow;
import org.crm4j.deal.FunnelRow;
import org.crm4j.deal.OutcomeRow;
import org.crm4j.deal.ProbabilitySource;
import org.crm4j.deal.StageKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link DealStore} must keep; an adapter extends this class and returns an empty store from
 * {@link #emptyStore()}. Deals are built from records ({@link DealFixture}), so the store is tested alone.
 */
public abstract class DealStoreContract {
    /** A store with no deals; called before every test. */
    protected abstract DealStore emptyStore();

    protected DealStore store;

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    /** A deal that went new, talk, lost (for {@code price}), with every optional field set. */
    static Deal full() {
        Deal d = open(1, SALES, BORIS, Money.of("1234567.89", "RUB"), 0, "exhibition", "spring-fair",
                LocalDate.of(2026, 4, 30));
        d = move(d, "talk", StageKind.OPEN, "0.5", 60, null).withProbability(new BigDecimal("0.6250"),
                ProbabilitySource.MANUAL);
        return move(d, "lost", StageKind.LOST, "0", 120, "price").withLastActivityAt(ClientFixture.later(180));
    }

    @Test
    @DisplayName("a saved deal comes back equal with version 1, its whole stage history in order")
    void roundTrip() {
        Deal deal = full();

        Deal saved = store.save(deal);

        assertThat(saved).isEqualTo(deal.withVersion(1));
        assertThat(store.findById(deal.id())).contains(saved);
        assertThat(store.findById(DealFixture.id(99))).isEmpty();
        assertThat(saved.history()).hasSize(3);
        assertThat(saved.stageAt(ClientFixture.later(90))).contains("talk");
    }

    @Test
    @DisplayName("a save replaces exactly the stored version with its new history, and a stale one is refused")
    void optimisticLock() {
        Deal v1 = store.save(open(1, "100.00", 0));
        Deal v2 = store.save(move(v1, "talk", StageKind.OPEN, "0.5", 10, null));
        Deal v3 = store.save(move(v2, "won", StageKind.WON, "1", 20, null));

        assertThat(v3.version()).isEqualTo(3);
        assertThat(store.findById(v1.id())).contains(v3);
        assertThat(store.findById(v1.id()).orElseThrow().history()).extracting(c -> c.to())
                .containsExactly("new", "talk", "won");
        assertThatThrownBy(() -> store.save(move(v1, "lost", StageKind.LOST, "0", 5, "price")))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThatThrownBy(() -> store.save(open(1, "100.00", 0))).isInstanceOf(DuplicateException.class);
        assertThatThrownBy(() -> store.save(open(2, "100.00", 0).withVersion(4)))
                .isInstanceOf(DealNotFoundException.class);
        assertThat(store.findById(v1.id())).contains(v3);
    }

    @Test
    @DisplayName("a client's deals newest first; a stage's deals oldest first and counted")
    void lookups() {
        store.save(open(1, "10.00", 0));
        Deal second = open(2, SALES, ANNA, Money.of("20.00", "RUB"), 5, null, null, null);
        Deal sameClient = new Deal(DealFixture.id(3), second.client(), SALES, "new", StageKind.OPEN,
                Money.of("30.00", "RUB"), new BigDecimal("0.1"), ProbabilitySource.STAGE, ANNA, null, null, null, null,
                ClientFixture.later(10), ClientFixture.later(10), null,
                open(3, SALES, ANNA, Money.of("30.00", "RUB"), 10, null, null, null).history(), 0);
        store.save(second);
        store.save(sameClient);
        store.save(move(open(4, "40.00", 15), "talk", StageKind.OPEN, "0.5", 20, null));
        store.save(open(5, "other", ANNA, Money.of("50.00", "RUB"), 1, null, null, null));

        assertThat(store.findByClient(second.client(), 10)).extracting(Deal::id)
                .containsExactly(DealFixture.id(3), DealFixture.id(2));
        assertThat(store.findByClient(second.client(), 1)).extracting(Deal::id).containsExactly(DealFixture.id(3));
        assertThat(store.findInStage(SALES, "new", 10)).extracting(Deal::id)
                .containsExactly(DealFixture.id(1), DealFixture.id(2), DealFixture.id(3));
        assertThat(store.findInStage(SALES, "new", 2)).hasSize(2);
        assertThat(store.countInStage(SALES, "new")).isEqualTo(3);
        assertThat(store.countInStage(SALES, "talk")).isEqualTo(1);
        assertThat(store.countInStage(SALES, "won")).isZero();
        assertThat(store.countInStage("other", "new")).isEqualTo(1);
    }

    @Test
    @DisplayName("the board counts, sums and weights each stage per currency, and counts its idle deals")
    void board() {
        store.save(open(1, "100.05", 0));
        store.save(open(2, "200.00", 10).withLastActivityAt(ClientFixture.later(600)));
        store.save(open(3, SALES, ANNA, Money.of("1000.00", "EUR"), 20, null, null, null));
        store.save(move(open(4, "333.33", 0), "talk", StageKind.OPEN, "0.5", 30, null));
        store.save(move(open(5, "77.77", 0), "talk", StageKind.OPEN, "0.5", 40, null)
                .withProbability(new BigDecimal("0.3333"), ProbabilitySource.MANUAL));
        store.save(open(6, "other", ANNA, Money.of("5.00", "RUB"), 0, null, null, null));

        Map<String, Instant> idleBefore = Map.of("new", ClientFixture.later(300), "talk", ClientFixture.later(35));

        assertThat(store.board(SALES, idleBefore)).containsExactlyInAnyOrder(
                // 300.05 * 0.1 = 30.005, rounded half-even once summed
                new BoardCell("new", 2, Money.of("300.05", "RUB"), Money.of("30.00", "RUB"), 1),
                new BoardCell("new", 1, Money.of("1000.00", "EUR"), Money.of("100.00", "EUR"), 1),
                // 333.33 * 0.5 + 77.77 * 0.3333 = 166.665 + 25.920741 = 192.585741
                new BoardCell("talk", 2, Money.of("411.10", "RUB"), Money.of("192.59", "RUB"), 1));
        assertThat(store.board(SALES, Map.of())).allSatisfy(c -> assertThat(c.idle()).isZero());
        assertThat(store.board("none", idleBefore)).isEmpty();
    }

    @Test
    @DisplayName("idle deals are those whose last activity is before their stage's moment, longest idle first")
    void idle() {
        store.save(open(1, "1.00", 0).withLastActivityAt(ClientFixture.later(50)));
        store.save(open(2, "2.00", 10));
        store.save(open(3, "3.00", 100));
        store.save(move(open(4, "4.00", 0), "talk", StageKind.OPEN, "0.5", 5, null));
        store.save(move(open(5, "5.00", 0), "won", StageKind.WON, "1", 5, null));
        store.save(open(6, "other", ANNA, Money.of("6.00", "RUB"), 0, null, null, null));

        Map<String, Instant> idleBefore = Map.of("new", ClientFixture.later(100), "talk", ClientFixture.later(6));

        assertThat(store.findIdle(SALES, idleBefore, 10)).extracting(Deal::id)
                .containsExactly(DealFixture.id(4), DealFixture.id(2), DealFixture.id(1));
        assertThat(store.findIdle(SALES, idleBefore, 2)).extracting(Deal::id)
                .containsExactly(DealFixture.id(4), DealFixture.id(2));
        assertThat(store.findIdle(SALES, Map.of("talk", ClientFixture.later(6)), 10)).extracting(Deal::id)
                .containsExactly(DealFixture.id(4));
        assertThat(store.findIdle(SALES, Map.of(), 10)).isEmpty();
    }

    @Test
    @DisplayName("the funnel counts, per stage, source, manager and campaign, the deals of the period that entered it once")
    void funnel() {
        Deal a = open(1, SALES, ANNA, Money.of("1.00", "RUB"), 0, "exhibition", "fair", null);
        a = move(move(move(a, "talk", StageKind.OPEN, "0.5", 10, null), "new", StageKind.OPEN, "0.1", 20, null),
                "talk", StageKind.OPEN, "0.5", 30, null);
        store.save(move(a, "won", StageKind.WON, "1", 40, null));
        store.save(move(open(2, SALES, ANNA, Money.of("2.00", "RUB"), 5, "exhibition", "fair", null), "talk",
                StageKind.OPEN, "0.5", 50, null));
        store.save(open(3, SALES, BORIS, Money.of("3.00", "RUB"), 10, null, null, null));
        store.save(open(4, SALES, BORIS, Money.of("4.00", "RUB"), 60 * 24, null, null, null));
        store.save(open(5, "other", BORIS, Money.of("5.00", "RUB"), 0, null, null, null));

        assertThat(store.funnel(SALES, ClientFixture.T0, ClientFixture.later(60))).containsExactlyInAnyOrder(
                new FunnelRow("new", "exhibition", ANNA, "fair", 2),
                new FunnelRow("talk", "exhibition", ANNA, "fair", 2),
                new FunnelRow("won", "exhibition", ANNA, "fair", 1),
                new FunnelRow("new", null, BORIS, null, 1));
        assertThat(store.funnel(SALES, ClientFixture.later(6), ClientFixture.later(10))).isEmpty();
    }

    @Test
    @DisplayName("the results count the closed deals of the period per kind and sum their cycle times")
    void outcomes() {
        store.save(move(open(1, "1.00", 0), "won", StageKind.WON, "1", 60, null));
        store.save(move(open(2, "2.00", 10), "won", StageKind.WON, "1", 130, null));
        store.save(move(open(3, SALES, BORIS, Money.of("3.00", "RUB"), 0, "website", null, null), "lost",
                StageKind.LOST, "0", 30, "price"));
        store.save(move(open(4, "4.00", 0), "later", StageKind.POSTPONED, "0.2", 45, null));
        store.save(open(5, "5.00", 0));
        store.save(move(open(6, "6.00", 60 * 24), "won", StageKind.WON, "1", 60 * 25, null));

        assertThat(store.outcomes(SALES, ClientFixture.T0, ClientFixture.later(60))).containsExactlyInAnyOrder(
                new OutcomeRow(StageKind.WON, null, ANNA, null, 2, Duration.ofMinutes(180)),
                new OutcomeRow(StageKind.LOST, "website", BORIS, null, 1, Duration.ofMinutes(30)),
                new OutcomeRow(StageKind.POSTPONED, null, ANNA, null, 1, Duration.ofMinutes(45)));
    }

    @Test
    @DisplayName("the deals per stage on a date are replayed from their histories")
    void stagesAt() {
        store.save(move(move(open(1, "1.00", 0), "talk", StageKind.OPEN, "0.5", 60, null), "won", StageKind.WON,
                "1", 120, null));
        store.save(move(open(2, "2.00", 30), "talk", StageKind.OPEN, "0.5", 60, null));
        store.save(open(3, "3.00", 90));
        store.save(open(4, "other", ANNA, Money.of("4.00", "RUB"), 0, null, null, null));

        assertThat(store.countByStageAt(SALES, ClientFixture.later(10))).isEqualTo(Map.of("new", 1L));
        assertThat(store.countByStageAt(SALES, ClientFixture.later(60))).isEqualTo(Map.of("talk", 2L));
        assertThat(store.countByStageAt(SALES, ClientFixture.later(100))).isEqualTo(Map.of("talk", 2L, "new", 1L));
        assertThat(store.countByStageAt(SALES, ClientFixture.later(500)))
                .isEqualTo(Map.of("won", 1L, "talk", 1L, "new", 1L));
        assertThat(store.countByStageAt(SALES, ClientFixture.T0.minusSeconds(1))).isEmpty();
    }

    @Test
    @DisplayName("the forecast sums the open deals with an expected close date per month and currency, weighted")
    void forecast() {
        store.save(open(1, SALES, ANNA, Money.of("100.00", "RUB"), 0, null, null, LocalDate.of(2026, 4, 1)));
        store.save(move(open(2, SALES, ANNA, Money.of("300.00", "RUB"), 0, null, null, LocalDate.of(2026, 4, 30)),
                "talk", StageKind.OPEN, "0.5", 5, null));
        store.save(open(3, SALES, ANNA, Money.of("50.00", "EUR"), 0, null, null, LocalDate.of(2026, 4, 15)));
        store.save(open(4, SALES, ANNA, Money.of("1000.00", "RUB"), 0, null, null, LocalDate.of(2026, 5, 1)));
        store.save(move(open(5, SALES, ANNA, Money.of("9999.00", "RUB"), 0, null, null, LocalDate.of(2026, 4, 2)),
                "won", StageKind.WON, "1", 5, null));
        store.save(open(6, "7.00", 0));

        assertThat(store.forecast(SALES)).containsExactlyInAnyOrder(
                new ForecastRow(YearMonth.of(2026, 4), 2, Money.of("400.00", "RUB"), Money.of("160.00", "RUB")),
                new ForecastRow(YearMonth.of(2026, 4), 1, Money.of("50.00", "EUR"), Money.of("5.00", "EUR")),
                new ForecastRow(YearMonth.of(2026, 5), 1, Money.of("1000.00", "RUB"), Money.of("100.00", "RUB")));
    }
}
