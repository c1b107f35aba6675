package org.crm4j.core.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violations;
import org.crm4j.core.common.Decision;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealEvent;
import org.crm4j.deal.DealId;
import org.crm4j.deal.IllegalTransitionException;
import org.crm4j.deal.Pipeline;
import org.crm4j.deal.ProbabilitySource;
import org.crm4j.deal.Stage;
import org.crm4j.deal.StageChange;
import org.crm4j.deal.StageKind;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a deal, as pure functions: a deal, its pipeline, a command's input, the actor and the time go in;
 * the new deal and its events come out. No clock, storage or dictionary is read here (the lost reason's code is
 * checked against the refusal-reason dictionary by {@link Deals} before the rule runs). The rules:
 * <ul>
 *   <li>a deal is created in an open stage of its pipeline;</li>
 *   <li>an open deal may move to any other stage of its pipeline; entering a result stage closes it at the
 *       command's time; entering a {@link StageKind#LOST lost} stage needs a lost reason, which no other stage
 *       takes;</li>
 *   <li>a closed deal moves only by being reopened into an open stage, which clears its closing time and lost
 *       reason ({@link IllegalTransitionException} with rule {@code deal.closed} otherwise);</li>
 *   <li>a probability lies in {@code [0, 1]}; a stage-provenance probability follows the stage's default, a
 *       probability set by hand stays while the deal is open; closing or reopening a deal gives it the stage's
 *       default;</li>
 *   <li>time does not run backwards: a command earlier than the deal's last stage change is refused
 *       ({@code deal.time}).</li>
 * </ul>
 * A command that would change nothing decides no event. Stateless.
 */
public final class DealRules {
    private DealRules() {
    }

    /**
     * Creates a deal in {@code stage} of {@code pipeline} ({@code null}: its first open stage), with a probability
     * set by hand or the stage's default.
     *
     * @throws ValidationException naming every bad field: an unknown or closed stage, a bad probability, a
     *                             negative amount
     */
    public static Decision<Deal, DealEvent> create(DealId id, NewDeal form, Pipeline pipeline, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(at, "at");
        Violations v = new Violations();
        Stage stage = form.stage() == null ? pipeline.first(StageKind.OPEN).orElseThrow()
                : pipeline.stage(form.stage()).orElse(null);
        if (stage == null) {
            v.add("stage", "deal.stage-unknown", form.stage(),
                    "pipeline '" + pipeline.code() + "' has no stage '" + form.stage() + "'");
        } else if (stage.kind().isClosed()) {
            v.add("stage", "deal.create-closed", stage.code(),
                    "a new deal starts in an open stage; '" + stage.code() + "' is " + stage.kind());
        }
        BigDecimal probability = form.probability() == null ? null
                : Deal.probability(v, "probability", form.probability());
        v.throwIfAny();
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        StageChange first = new StageChange(null, stage.code(), stage.kind(), now, form.manager());
        Deal deal = new Deal(id, form.client(), pipeline.code(), stage.code(), stage.kind(), form.amount(),
                probability == null ? stage.probability() : probability,
                probability == null ? ProbabilitySource.STAGE : ProbabilitySource.MANUAL, form.manager(),
                form.leadSource(), form.campaign(), form.expectedClose(), null, now, now, null, List.of(first), 0);
        return Decision.of(deal, new DealEvent.DealCreated(id, form.client(), pipeline.code(), stage.code(),
                form.manager(), now));
    }

    /**
     * Moves an open deal to another stage of its pipeline; {@code lostReason} is required exactly when the stage
     * is a lost one. Moving to the stage the deal is in changes nothing.
     *
     * @throws IllegalTransitionException {@code deal.closed} when the deal is closed
     * @throws ValidationException        {@code deal.stage-unknown}, {@code deal.lost-reason-required},
     *                                    {@code deal.lost-reason-unexpected}, {@code deal.time}
     */
    public static Decision<Deal, DealEvent> move(Deal deal, Pipeline pipeline, String to, @Nullable String lostReason,
                                                 EmployeeId actor, Instant at) {
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Stage target = stageOf(pipeline, deal, to);
        if (deal.isClosed()) {
            throw new IllegalTransitionException("deal.closed", deal.id(), deal.stage(), to,
                    "a " + deal.kind() + " deal moves only by being reopened");
        }
        if (deal.stage().equals(target.code())) {
            return Decision.of(deal);
        }
        Violations v = new Violations();
        String reason = lostReason == null || lostReason.isBlank() ? null : lostReason.strip();
        if (target.kind() == StageKind.LOST && reason == null) {
            v.add("lostReason", "deal.lost-reason-required", null,
                    "a deal is lost for a reason from the refusal-reason dictionary");
        }
        if (target.kind() != StageKind.LOST && reason != null) {
            v.add("lostReason", "deal.lost-reason-unexpected", reason,
                    "only a deal entering a lost stage takes a lost reason; '" + target.code() + "' is "
                            + target.kind());
        }
        Instant when = checkTime(v, deal, at);
        v.throwIfAny();
        boolean closing = target.kind().isClosed();
        boolean manual = !closing && deal.probabilitySource() == ProbabilitySource.MANUAL;
        Deal next = deal.enter(new StageChange(deal.stage(), target.code(), target.kind(), when, actor),
                manual ? deal.probability() : target.probability(),
                manual ? ProbabilitySource.MANUAL : ProbabilitySource.STAGE, closing ? when : null, reason);
        return Decision.of(next, new DealEvent.DealMoved(deal.id(), deal.stage(), target.code(), target.kind(),
                reason, actor, when));
    }

    /**
     * Reopens a closed deal into an open stage ({@code null}: the pipeline's first open stage), with that stage's
     * default probability.
     *
     * @throws IllegalTransitionException {@code deal.reopen-open} when the deal is open, {@code deal.reopen-closed}
     *                                    when the stage asked for is a result
     */
    public static Decision<Deal, DealEvent> reopen(Deal deal, Pipeline pipeline, @Nullable String to,
                                                   EmployeeId actor, Instant at) {
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(actor, "actor");
        Stage target = to == null ? pipeline.first(StageKind.OPEN).orElseThrow() : stageOf(pipeline, deal, to);
        if (!deal.isClosed()) {
            throw new IllegalTransitionException("deal.reopen-open", deal.id(), deal.stage(), target.code(),
                    "only a closed deal is reopened; this one is open");
        }
        if (target.kind().isClosed()) {
            throw new IllegalTransitionException("deal.reopen-closed", deal.id(), deal.stage(), target.code(),
                    "a deal is reopened into an open stage; '" + target.code() + "' is " + target.kind());
        }
        Violations v = new Violations();
        Instant when = checkTime(v, deal, at);
        v.throwIfAny();
        Deal next = deal.enter(new StageChange(deal.stage(), target.code(), target.kind(), when, actor),
                target.probability(), ProbabilitySource.STAGE, null, null);
        return Decision.of(next, new DealEvent.DealReopened(deal.id(), deal.stage(), target.code(), actor, when));
    }

    /**
     * Sets an open deal's probability by hand, or ({@code probability} {@code null}) gives it back its stage's
     * default.
     *
     * @throws IllegalTransitionException {@code deal.closed} when the deal is closed
     * @throws ValidationException        {@code probability.range} or {@code probability.scale}
     */
    public static Decision<Deal, DealEvent> setProbability(Deal deal, Pipeline pipeline,
                                                           @Nullable BigDecimal probability, EmployeeId actor,
                                                           Instant at) {
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(actor, "actor");
        if (deal.isClosed()) {
            throw new IllegalTransitionException("deal.closed", deal.id(), deal.stage(), null,
                    "the probability of a " + deal.kind() + " deal is its result's");
        }
        BigDecimal p;
        ProbabilitySource source;
        if (probability == null) {
            p = stageOf(pipeline, deal, deal.stage()).probability();
            source = ProbabilitySource.STAGE;
        } else {
            Violations v = new Violations();
            p = Deal.probability(v, "probability", probability);
            v.throwIfAny();
            source = ProbabilitySource.MANUAL;
        }
        if (p.equals(deal.probability()) && source == deal.probabilitySource()) {
            return Decision.of(deal);
        }
        return Decision.of(deal.withProbability(p, source), new DealEvent.DealProbabilityChanged(deal.id(),
                deal.probability(), p, source, actor, at.truncatedTo(ChronoUnit.MICROS)));
    }

    /**
     * Gives an open deal to another manager, as a client's reassignment does; a closed deal keeps the manager who
     * closed it, and a deal already with {@code to} is unchanged. Decides {@link DealEvent.DealManagerChanged}.
     *
     * @throws org.crm4j.common.ValidationException {@code deal.closed} when the deal is won, lost or postponed
     */
    public static Decision<Deal, DealEvent> changeManager(Deal deal, EmployeeId to, @Nullable EmployeeId actor,
                                                          Instant at) {
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        if (deal.isClosed()) {
            throw new ValidationException("manager", "deal.closed", deal.kind(),
                    "a " + deal.kind() + " deal keeps the manager who closed it");
        }
        if (deal.manager().equals(to)) {
            return Decision.of(deal);
        }
        return Decision.of(deal.withTerms(deal.amount(), deal.expectedClose(), to),
                new DealEvent.DealManagerChanged(deal.id(), deal.manager(), to, actor, at));
    }

    /**
     * Records an activity with the deal's client at {@code at} (an interaction): the deal's idleness counts from
     * the latest of its activities. An activity older than the last one changes nothing. Decides no event.
     */
    public static Decision<Deal, DealEvent> touch(Deal deal, Instant at) {
        Objects.requireNonNull(deal, "deal");
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        if (!when.isAfter(deal.lastActivityAt())) {
            return Decision.of(deal);
        }
        return Decision.of(deal.withLastActivityAt(when));
    }

    /**
     * The contact-column rule (optional, see {@link Deals#recordContact}): an open deal in an open stage that is
     * neither the first of its pipeline nor followed by a result moves to the next stage in board order; in the
     * Shiffman scheme a contact with an interested client moves the deal to contact 1, then 2, then 3, and the
     * third stays where it is until a result is chosen. Any other deal is only touched.
     */
    public static Decision<Deal, DealEvent> advanceContact(Deal deal, Pipeline pipeline, EmployeeId actor,
                                                           Instant at) {
        Objects.requireNonNull(deal, "deal");
        int index = pipeline.indexOf(deal.stage());
        if (deal.isClosed() || index <= 0 || index + 1 >= pipeline.stages().size()
                || pipeline.stages().get(index + 1).kind().isClosed() || at.isBefore(deal.stageEnteredAt())) {
            return touch(deal, at);
        }
        return move(deal, pipeline, pipeline.stages().get(index + 1).code(), null, actor, at);
    }

    /**
     * Moves a deal whose stage a pipeline change removed to the stage mapped to it, of the same kind, keeping its
     * closing time and lost reason; a stage-provenance probability takes the new stage's default.
     *
     * @throws ValidationException {@code pipeline.mapping-kind} when the stages' kinds differ
     */
    public static Decision<Deal, DealEvent> remap(Deal deal, Pipeline changed, String to, EmployeeId actor,
                                                  Instant at) {
        Objects.requireNonNull(deal, "deal");
        Stage target = changed.stage(to).orElseThrow(() -> new ValidationException("mapping", "pipeline.mapping-unknown",
                to, "pipeline '" + changed.code() + "' has no stage '" + to + "'"));
        if (target.kind() != deal.kind()) {
            throw new ValidationException("mapping", "pipeline.mapping-kind", to, "a " + deal.kind()
                    + " deal in '" + deal.stage() + "' cannot be moved to the " + target.kind() + " stage '" + to + "'");
        }
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        if (when.isBefore(deal.stageEnteredAt())) {
            when = deal.stageEnteredAt();
        }
        boolean manual = deal.probabilitySource() == ProbabilitySource.MANUAL;
        Deal next = deal.enter(new StageChange(deal.stage(), target.code(), target.kind(), when, actor),
                manual ? deal.probability() : target.probability(), deal.probabilitySource(), deal.closedAt(),
                deal.lostReason());
        return Decision.of(next, new DealEvent.DealRemapped(deal.id(), deal.stage(), target.code(), actor, when));
    }

    private static Stage stageOf(Pipeline pipeline, Deal deal, String code) {
        Objects.requireNonNull(pipeline, "pipeline");
        if (!pipeline.code().equals(deal.pipeline())) {
            throw new IllegalArgumentException("deal " + deal.id() + " is in pipeline '" + deal.pipeline()
                    + "', not '" + pipeline.code() + "'");
        }
        return pipeline.stage(code.strip()).orElseThrow(() -> new ValidationException("stage",
                "deal.stage-unknown", code, "pipeline '" + pipeline.code() + "' has no stage '" + code + "'"));
    }

    private static Instant checkTime(Violations v, Deal deal, Instant at) {
        Objects.requireNonNull(at, "at");
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        if (when.isBefore(deal.stageEnteredAt())) {
            v.add("at", "deal.time", when, "the deal entered '" + deal.stage() + "' at " + deal.stageEnteredAt()
                    + ", after " + when);
        }
        return when;
    }
}
