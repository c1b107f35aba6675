package org.crm4j.core.deal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.CrmEventListener;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Transactions;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violations;
import org.crm4j.core.common.Events;
import org.crm4j.core.common.Decision;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealEvent;
import org.crm4j.deal.DealStore;
import org.crm4j.deal.Pipeline;
import org.crm4j.deal.PipelineNotFoundException;
import org.crm4j.deal.PipelineStore;
import org.crm4j.deal.ProbabilitySource;
import org.crm4j.deal.Stage;
import org.crm4j.deal.StageKind;

/**
 * The tenant's sales pipelines: the Shiffman scheme as the default one ({@link #shiffman()}), others defined by
 * the tenant, and changes of their stages that keep every deal valid. Thread-safe.
 *
 * <h2>Changing stages</h2>
 * {@link #change} replaces a pipeline's stages. A removed stage that holds deals needs an explicit mapping to a
 * stage of the new list of the same kind, and its deals are moved there (each with a history entry and a
 * {@link DealEvent.DealRemapped} event); a kept stage that holds deals keeps its kind. Deals whose probability is
 * their stage's default take the stage's new default. Otherwise the change is refused with a
 * {@link ValidationException} naming every problem, and nothing changes: no deal is ever left on a stage its
 * pipeline does not have.
 */
public final class Pipelines {
    /** The code of the Shiffman scheme, the default pipeline. */
    public static final String SHIFFMAN = "shiffman";


    private final PipelineStore store;
    private final DealStore deals;
    private final Transactions transactions;
    private final Clock clock;
    private final CrmEventListener listener;

    /** The pipelines kept in {@code store}, whose changes move the deals of {@code deals}. */
    public Pipelines(PipelineStore store, DealStore deals, Transactions transactions, Clock clock,
                     CrmEventListener listener) {
        this.store = Objects.requireNonNull(store, "store");
        this.deals = Objects.requireNonNull(deals, "deals");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The Shiffman scheme (a form used by firms selling costly goods and services): prospects from every source;
     * interested (asked for information, a price list or a meeting); three contact columns that also remind when
     * a client has been silent too long; and the result: contract signed or purchase made (won), prospect for
     * later (postponed), lost. Idle limits in business days: 10 for prospects, 5 for interested and the contacts,
     * 20 for prospects for later.
     */
    public static Pipeline shiffman() {
        return Pipeline.of(SHIFFMAN, "Схема Шифмана", List.of(
                Stage.of("prospects", "Потенциальные клиенты", "0.05", StageKind.OPEN, 10),
                Stage.of("interested", "Проявили интерес", "0.2", StageKind.OPEN, 5),
                Stage.of("contact-1", "Контакт 1", "0.3", StageKind.OPEN, 5),
                Stage.of("contact-2", "Контакт 2", "0.4", StageKind.OPEN, 5),
                Stage.of("contact-3", "Контакт 3", "0.5", StageKind.OPEN, 5),
                Stage.of("contract-signed", "Подписан контракт", "1", StageKind.WON, 0),
                Stage.of("purchase-made", "Совершена покупка", "1", StageKind.WON, 0),
                Stage.of("later", "Клиент в перспективе", "0.1", StageKind.POSTPONED, 20),
                Stage.of("lost", "Потерян", "0", StageKind.LOST, 0)));
    }

    /** Stores {@code pipeline} unless a pipeline is stored under its code; returns the stored one. */
    public Pipeline defineMissing(Pipeline pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        return transactions.inTransaction(() -> store.findByCode(pipeline.code())
                .orElseGet(() -> store.save(pipeline.withVersion(0))));
    }

    /**
     * Defines a new pipeline.
     *
     * @throws org.crm4j.common.DuplicateException when its code is taken
     */
    public Pipeline define(Pipeline pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        return transactions.inTransaction(() -> store.save(pipeline.withVersion(0)));
    }

    /** The pipeline stored under {@code code}. @throws PipelineNotFoundException when there is none */
    public Pipeline get(String code) {
        Objects.requireNonNull(code, "code");
        return find(code).orElseThrow(() -> new PipelineNotFoundException(code));
    }

    /** The pipeline stored under {@code code}, if any. */
    public Optional<Pipeline> find(String code) {
        return transactions.inTransaction(() -> store.findByCode(code));
    }

    /** Every pipeline, by code. */
    public List<Pipeline> all() {
        return transactions.inTransaction(store::findAll);
    }

    /**
     * Replaces the stages of the pipeline {@code code}, stored at {@code version}; {@code mapping} sends each
     * removed stage that holds deals to a stage of the new list of the same kind (see the class comment).
     *
     * @throws PipelineNotFoundException       when there is no such pipeline
     * @throws ConcurrentModificationException when it is stored at another version
     * @throws ValidationException             {@code pipeline.mapping-missing}, {@code pipeline.mapping-unknown},
     *                                         {@code pipeline.mapping-kind}, {@code pipeline.mapping-source},
     *                                         {@code pipeline.stage-kind}, or the new stages' own violations
     */
    public Pipeline change(String code, long version, List<Stage> stages, Map<String, String> mapping,
                           EmployeeId actor) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(stages, "stages");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(actor, "actor");
        Instant now = clock.instant();
        Pipeline saved = transactions.inTransaction(() -> {
            Pipeline current = store.findByCode(code).orElseThrow(() -> new PipelineNotFoundException(code));
            if (current.version() != version) {
                throw new ConcurrentModificationException("pipeline", code, version, current.version());
            }
            Pipeline next = current.withStages(stages);
            Violations v = new Violations();
            mapping.forEach((from, to) -> {
                if (current.stage(from).isEmpty() || next.stage(from).isPresent()) {
                    v.add("mapping." + from, "pipeline.mapping-source", from,
                            "'" + from + "' is not a stage the change removes");
                }
            });
            for (Stage old : current.stages()) {
                Optional<Stage> kept = next.stage(old.code());
                if (kept.isPresent() && kept.get().kind() == old.kind()) {
                    continue;
                }
                long holding = deals.countInStage(code, old.code());
                if (holding == 0) {
                    continue;
                }
                if (kept.isPresent()) {
                    v.add("stages", "pipeline.stage-kind", old.code(), "stage '" + old.code() + "' holds " + holding
                            + " deals and stays " + old.kind() + "; add a new stage and map to it instead");
                    continue;
                }
                String to = mapping.get(old.code());
                Optional<Stage> target = to == null ? Optional.empty() : next.stage(to);
                if (to == null) {
                    v.add("mapping." + old.code(), "pipeline.mapping-missing", old.code(), "stage '" + old.code()
                            + "' holds " + holding + " deals; map it to a stage of the new list");
                } else if (target.isEmpty()) {
                    v.add("mapping." + old.code(), "pipeline.mapping-unknown", to,
                            "the new list has no stage '" + to + "'");
                } else if (target.get().kind() != old.kind()) {
                    v.add("mapping." + old.code(), "pipeline.mapping-kind", to, "the " + old.kind() + " stage '"
                            + old.code() + "' maps to a stage of the same kind; '" + to + "' is " + target.get().kind());
                }
            }
            v.throwIfAny();
            Pipeline stored = store.save(next);
            for (Stage old : current.stages()) {
                Optional<Stage> kept = next.stage(old.code());
                if (kept.isEmpty()) {
                    String to = mapping.get(old.code());
                    for (Deal d : deals.findInStage(code, old.code(), Integer.MAX_VALUE)) {
                        Decision<Deal, DealEvent> moved = DealRules.remap(d, next, to, actor, now);
                        deals.save(moved.state());
                        Events.publish(listener, moved.events());
                    }
                } else if (kept.get().probability().compareTo(old.probability()) != 0) {
                    for (Deal d : deals.findInStage(code, old.code(), Integer.MAX_VALUE)) {
                        if (d.probabilitySource() == ProbabilitySource.STAGE) {
                            deals.save(d.withProbability(kept.get().probability(), ProbabilitySource.STAGE));
                        }
                    }
                }
            }
            return stored;
        });
        return saved;
    }
}
