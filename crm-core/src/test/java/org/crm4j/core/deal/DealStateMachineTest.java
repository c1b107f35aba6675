package org.crm4j.core.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;
import org.crm4j.client.ClientId;
import org.crm4j.common.CrmException;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.core.common.Decision;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealEvent;
import org.crm4j.deal.DealId;
import org.crm4j.deal.IllegalTransitionException;
import org.crm4j.deal.Pipeline;
import org.crm4j.deal.ProbabilitySource;
import org.crm4j.deal.StageChange;
import org.crm4j.deal.StageKind;

/**
 * Any sequence of commands on a deal of the Shiffman scheme keeps the rules' invariants: the deal is in a stage
 * of its pipeline of the right kind, a closed deal leaves its result only by being reopened, a refused command
 * changes nothing, the probability stays in [0, 1] and follows its stage unless set by hand, every event matches
 * a history entry, and the history replays to the current stage.
 */
class DealStateMachineTest {
    private static final Pipeline SHIFFMAN = Pipelines.shiffman();
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final EmployeeId ANNA = EmployeeId.of("anna");

    /** The deal under test, the clock, and what the commands decided so far. */
    static final class Run {
        Deal deal;
        Instant now = T0;
        final List<DealEvent> events = new ArrayList<>();
        int refusals;

        Run() {
            NewDeal form = NewDeal.of(ClientId.of(new UUID(1, 1)), Money.of("150000.00", "RUB"), ANNA);
            Decision<Deal, DealEvent> d = DealRules.create(DealId.of(new UUID(2, 2)), form, SHIFFMAN, T0);
            deal = d.state();
            events.addAll(d.events());
        }

        /** Applies a command at a later moment; a refusal must leave the deal as it was. */
        Run apply(String what, java.util.function.Function<Deal, Decision<Deal, DealEvent>> command, long minutes) {
            now = now.plus(Duration.ofMinutes(minutes));
            Deal before = deal;
            try {
                Decision<Deal, DealEvent> d = command.apply(before);
                if (before.isClosed() && !d.events().isEmpty()
                        && d.events().stream().noneMatch(e -> e instanceof DealEvent.DealReopened)) {
                    throw new AssertionError(what + " moved the closed deal " + before + " to " + d.state());
                }
                deal = d.state();
                events.addAll(d.events());
            } catch (IllegalTransitionException | org.crm4j.common.ValidationException e) {
                assertThat(deal).isSameAs(before);
                refusals++;
            }
            return this;
        }
    }

    @Property(tries = 300)
    void noSequenceOfCommandsBreaksTheInvariants(@ForAll("chains") ActionChain<Run> chain) {
        Run run = chain.withInvariant("deal", DealStateMachineTest::invariants).run();
        boolean reopened = run.events.stream().anyMatch(e -> e instanceof DealEvent.DealReopened);
        boolean lost = run.deal.history().stream().anyMatch(c -> c.kind() == StageKind.LOST);
        Statistics.label("reopened").collect(reopened);
        Statistics.label("lost once").collect(lost);
        Statistics.label("refused").collect(run.refusals > 0);
        Statistics.label("reopened").coverage(c -> c.check(true).percentage(p -> p > 10));
        Statistics.label("lost once").coverage(c -> c.check(true).percentage(p -> p > 10));
        Statistics.label("refused").coverage(c -> c.check(true).percentage(p -> p > 30));
    }

    @Provide
    Arbitrary<ActionChain<Run>> chains() {
        Arbitrary<String> stages = Arbitraries.of(SHIFFMAN.stages().stream().map(s -> s.code()).toList());
        Arbitrary<String> reasons = Arbitraries.of("price", "competitor", "  ").injectNull(0.3);
        Arbitrary<Long> minutes = Arbitraries.longs().between(0, 60 * 24 * 30);
        Arbitrary<BigDecimal> probabilities = Arbitraries.bigDecimals().between(new BigDecimal("-0.5"),
                new BigDecimal("1.5")).ofScale(5).injectNull(0.2);
        Action.Independent<Run> move = () -> arbitraryMove(stages, reasons, minutes);
        Action.Independent<Run> reopen = () -> arbitraries(stages.injectNull(0.3), minutes).map(p ->
                Transformer.transform("reopen to " + p.first + " after " + p.minutes + " min",
                        r -> r.apply("reopen", d -> DealRules.reopen(d, SHIFFMAN, p.first, ANNA, r.now), p.minutes)));
        Action.Independent<Run> probability = () -> arbitraries(probabilities, minutes).map(p ->
                Transformer.transform("probability " + p.first, r -> r.apply("probability",
                        d -> DealRules.setProbability(d, SHIFFMAN, p.first, ANNA, r.now), p.minutes)));
        Action.Independent<Run> contact = () -> minutes.map(m -> Transformer.transform("contact after " + m + " min",
                r -> r.apply("contact", d -> DealRules.advanceContact(d, SHIFFMAN, ANNA, r.now), m)));
        Action.Independent<Run> touch = () -> minutes.map(m -> Transformer.transform("touch after " + m + " min",
                r -> r.apply("touch", d -> DealRules.touch(d, r.now), m)));
        return ActionChain.startWith(Run::new)
                .withAction(4, move)
                .withAction(2, reopen)
                .withAction(2, probability)
                .withAction(2, contact)
                .withAction(1, touch)
                .withMaxTransformations(40);
    }

    private static Arbitrary<Transformer<Run>> arbitraryMove(Arbitrary<String> stages, Arbitrary<String> reasons,
                                                             Arbitrary<Long> minutes) {
        return net.jqwik.api.Combinators.combine(stages, reasons, minutes).as((stage, reason, m) ->
                Transformer.transform("move to " + stage + " (" + reason + ") after " + m + " min",
                        r -> r.apply("move", d -> DealRules.move(d, SHIFFMAN, stage, reason, ANNA, r.now), m)));
    }

    private record Pair<T>(T first, long minutes) {
    }

    private static <T> Arbitrary<Pair<T>> arbitraries(Arbitrary<T> values, Arbitrary<Long> minutes) {
        return net.jqwik.api.Combinators.combine(values, minutes).as(Pair::new);
    }

    static void invariants(Run run) {
        Deal deal = run.deal;
        var stage = SHIFFMAN.stage(deal.stage());
        assertThat(stage).as("the deal's stage is one of its pipeline's").isPresent();
        assertThat(deal.kind()).isEqualTo(stage.get().kind());
        assertThat(deal.probability()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        if (deal.probabilitySource() == ProbabilitySource.STAGE) {
            assertThat(deal.probability()).isEqualByComparingTo(stage.get().probability());
        }
        if (deal.isClosed()) {
            assertThat(deal.probabilitySource()).isEqualTo(ProbabilitySource.STAGE);
        }
        assertThat(deal.lostReason() != null).isEqualTo(deal.kind() == StageKind.LOST);
        assertThat(deal.closedAt() != null).isEqualTo(deal.kind().isClosed());
        String replayed = null;
        for (StageChange change : deal.history()) {
            assertThat(change.from()).isEqualTo(replayed);
            assertThat(change.kind()).isEqualTo(SHIFFMAN.stage(change.to()).orElseThrow().kind());
            replayed = change.to();
        }
        assertThat(replayed).as("the history replays to the current stage").isEqualTo(deal.stage());
        assertThat(deal.stageAt(run.now)).contains(deal.stage());
        assertThat(deal.stageAt(T0.minusNanos(1000))).isEmpty();
        long moves = run.events.stream().filter(e -> !(e instanceof DealEvent.DealProbabilityChanged)).count();
        assertThat(moves).as("one creation or stage event per history entry").isEqualTo(deal.history().size());
        assertThat(deal.lastActivityAt()).isAfterOrEqualTo(deal.stageEnteredAt());
        assertThat(deal.lastActivityAt()).isBeforeOrEqualTo(run.now);
    }
}
