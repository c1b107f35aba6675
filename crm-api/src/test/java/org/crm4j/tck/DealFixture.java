package org.crm4j.tck;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealId;
import org.crm4j.deal.Pipeline;
import org.crm4j.deal.ProbabilitySource;
import org.crm4j.deal.Stage;
import org.crm4j.deal.StageChange;
import org.crm4j.deal.StageKind;
import org.jspecify.annotations.Nullable;

/**
 * Deals and a pipeline for contract tests: the pipeline {@code sales} (new, talk, won, lost, later) and deals
 * built straight from records, so that a store is tested without crm-core's rules. Times are whole microseconds.
 */
public final class DealFixture {
    /** The fixture pipeline's code. */
    public static final String SALES = "sales";
    /** The fixture's managers. */
    public static final EmployeeId ANNA = EmployeeId.of("anna");
    public static final EmployeeId BORIS = EmployeeId.of("boris");

    private DealFixture() {
    }

    /** The pipeline {@code sales}: new (0.1, idle 3), talk (0.5, idle 5), won, lost, later (postponed, 0.2). */
    public static Pipeline sales() {
        return Pipeline.of(SALES, "Продажи", List.of(
                Stage.of("new", "Новые", "0.1", StageKind.OPEN, 3),
                Stage.of("talk", "Переговоры", "0.5", StageKind.OPEN, 5),
                Stage.of("won", "Выиграна", "1", StageKind.WON, 0),
                Stage.of("lost", "Проиграна", "0", StageKind.LOST, 0),
                Stage.of("later", "На потом", "0.2", StageKind.POSTPONED, 20)));
    }

    /** A deterministic deal id for {@code n}. */
    public static DealId id(long n) {
        return DealId.of(new UUID(0x0190_0000_0000_7d00L, n));
    }

    /**
     * A new deal {@code n} of pipeline {@code pipeline} in the open stage {@code new} (probability 0.1), created
     * {@code minutes} after {@link ClientFixture#T0} by {@code manager}, with client {@code n}.
     */
    public static Deal open(long n, String pipeline, EmployeeId manager, Money amount, long minutes,
                            @Nullable String leadSource, @Nullable String campaign, @Nullable LocalDate close) {
        Instant at = ClientFixture.later(minutes);
        return new Deal(id(n), ClientFixture.id(n), pipeline, "new", StageKind.OPEN, amount, new BigDecimal("0.1"),
                ProbabilitySource.STAGE, manager, leadSource, campaign, close, null, at, at, null,
                List.of(new StageChange(null, "new", StageKind.OPEN, at, manager)), 0);
    }

    /** A plain deal {@code n} of {@code sales} worth {@code rubles} RUB, created {@code minutes} after T0. */
    public static Deal open(long n, String rubles, long minutes) {
        return open(n, SALES, ANNA, Money.of(rubles, "RUB"), minutes, null, null, null);
    }

    /**
     * {@code deal} entering {@code stage} of {@code kind} {@code minutes} after T0 with {@code probability}: a
     * result stage closes it then, a lost one for {@code reason}.
     */
    public static Deal move(Deal deal, String stage, StageKind kind, String probability, long minutes,
                            @Nullable String reason) {
        Instant at = ClientFixture.later(minutes);
        return deal.enter(new StageChange(deal.stage(), stage, kind, at, deal.manager()), new BigDecimal(probability),
                ProbabilitySource.STAGE, kind.isClosed() ? at : null, kind == StageKind.LOST ? reason : null);
    }
}
