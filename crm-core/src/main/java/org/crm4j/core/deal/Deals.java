package org.crm4j.core.deal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.crm4j.calendar.BusinessCalendar;
import org.crm4j.classifier.ClassifierKind;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientNotFoundException;
import org.crm4j.client.ClientStore;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.CrmEventListener;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Transactions;
import org.crm4j.common.Violations;
import org.crm4j.core.classifier.ClassifierCodes;
import org.crm4j.core.common.Events;
import org.crm4j.core.common.Decision;
import org.crm4j.core.common.Ids;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealEvent;
import org.crm4j.deal.DealId;
import org.crm4j.deal.DealNotFoundException;
import org.crm4j.deal.DealStore;
import org.crm4j.deal.ForecastRow;
import org.crm4j.deal.Pipeline;
import org.crm4j.deal.PipelineNotFoundException;
import org.crm4j.deal.PipelineStore;
import org.crm4j.deal.Stage;
import org.crm4j.interaction.Interaction;
import org.jspecify.annotations.Nullable;

/**
 * Deals (M-4): creating them, moving them through their pipeline's stages, losing them for a reason, reopening
 * them, setting their probability, recording activity with their clients, and the pipeline's views: the
 * Shiffman board, the idle deals, the funnel and the weighted forecast. Each command runs in one transaction,
 * checks the expected version of the deal it changes, applies {@link DealRules} and changes nothing when it
 * refuses. Lead sources, campaigns and lost reasons are checked against the tenant's dictionaries (lead source,
 * marketing action, refusal reason). Events go to the listener in the transaction of the change (crm4j's outbox, which delivers them after the commit).
 *
 * <h2>Idleness</h2>
 * A deal is idle when more business days of the CRM's calendar than its stage's idle limit have passed after
 * the date (in the calendar's zone) of its last activity (its last interaction or stage change), up to today:
 * with a limit of 5, a deal last touched on a Monday is idle on the next Tuesday but one, not on the Monday.
 * Thread-safe.
 */
public final class Deals {

    private final DealStore store;
    private final PipelineStore pipelines;
    private final ClientStore clients;
    private final Transactions transactions;
    private final Clock clock;
    private final BusinessCalendar calendar;
    private final ClassifierCodes codes;
    private final CrmEventListener listener;
    private final String defaultPipeline;
    private final boolean advanceOnContact;
    private final BiConsumer<Deal, List<DealEvent>> onChanged;
    private final Ids ids;

    /**
     * Deals kept in {@code store}, in the pipelines of {@code pipelines}, whose new deals go to
     * {@code defaultPipeline} unless their form names another; with {@code advanceOnContact}, an interaction
     * recorded about a deal applies the contact-column rule ({@link #onInteraction}). Each saved change is handed,
     * with its events, to {@code onChanged} in its transaction (the scheduling rules triggered by stages run there).
     */
    public Deals(DealStore store, PipelineStore pipelines, ClientStore clients, Transactions transactions,
                 Clock clock, BusinessCalendar calendar, ClassifierCodes codes, CrmEventListener listener,
                 String defaultPipeline, boolean advanceOnContact, BiConsumer<Deal, List<DealEvent>> onChanged) {
        this.store = Objects.requireNonNull(store, "store");
        this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.defaultPipeline = Objects.requireNonNull(defaultPipeline, "defaultPipeline");
        this.advanceOnContact = advanceOnContact;
        this.onChanged = Objects.requireNonNull(onChanged, "onChanged");
        this.ids = new Ids(clock);
    }

    /**
     * Creates a deal.
     *
     * @throws org.crm4j.common.ValidationException naming every bad field (stage, probability, lead source,
     *                                              campaign)
     * @throws PipelineNotFoundException            when the pipeline is not stored
     * @throws ClientNotFoundException              when the client is not stored
     */
    public Deal create(NewDeal form) {
        Objects.requireNonNull(form, "form");
        Instant now = clock.instant();
        DealId id = DealId.of(ids.next());
        Decision<Deal, DealEvent> saved = transactions.inTransaction(() -> {
            Pipeline pipeline = pipeline(form.pipeline() == null ? defaultPipeline : form.pipeline());
            Violations v = new Violations();
            codes.checkChanged(v, "leadSource", ClassifierKind.LEAD_SOURCE, form.leadSource(), null);
            codes.checkChanged(v, "campaign", ClassifierKind.MARKETING_ACTION, form.campaign(), null);
            v.throwIfAny();
            Decision<Deal, DealEvent> d = DealRules.create(id, form, pipeline, now);
            if (!clients.exists(form.client())) {
                throw new ClientNotFoundException(form.client());
            }
            return saved(d);
        });
        return saved.state();
    }

    /**
     * Moves an open deal to another stage; a lost stage needs {@link #lose}.
     *
     * @throws org.crm4j.deal.IllegalTransitionException {@code deal.closed} when the deal is closed
     */
    public Deal move(DealId id, long version, String stage, EmployeeId actor) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(actor, "actor");
        return change(id, version, (d, p) -> DealRules.move(d, p, stage, null, actor, clock.instant()));
    }

    /**
     * Loses an open deal: it moves to the lost stage {@code stage} for {@code reason}, an active code of the
     * refusal-reason dictionary.
     *
     * @throws org.crm4j.common.ValidationException {@code classifier.unknown} or {@code classifier.inactive} for
     *                                              the reason, {@code deal.lost-reason-unexpected} when the stage
     *                                              is not a lost one
     */
    public Deal lose(DealId id, long version, String stage, String reason, EmployeeId actor) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(actor, "actor");
        return change(id, version, (d, p) -> {
            Violations v = new Violations();
            codes.check(v, "lostReason", ClassifierKind.REFUSAL_REASON, reason.strip());
            v.throwIfAny();
            return DealRules.move(d, p, stage, reason, actor, clock.instant());
        });
    }

    /** Reopens a closed deal into the open stage {@code stage}, or the pipeline's first open one for {@code null}. */
    public Deal reopen(DealId id, long version, @Nullable String stage, EmployeeId actor) {
        Objects.requireNonNull(actor, "actor");
        return change(id, version, (d, p) -> DealRules.reopen(d, p, stage, actor, clock.instant()));
    }

    /** Sets an open deal's probability by hand, or gives it back its stage's default for {@code null}. */
    public Deal setProbability(DealId id, long version, @Nullable BigDecimal probability, EmployeeId actor) {
        Objects.requireNonNull(actor, "actor");
        return change(id, version, (d, p) -> DealRules.setProbability(d, p, probability, actor, clock.instant()));
    }

    /**
     * Records an activity with the deal's client now (whatever the deal's version): its idleness counts from now.
     */
    public Deal recordActivity(DealId id) {
        return touch(id, false, null);
    }

    /**
     * Records a contact with the deal's client now and applies the contact-column rule
     * ({@link DealRules#advanceContact}): in the Shiffman scheme the deal moves on from interested through the
     * three contact columns.
     */
    public Deal recordContact(DealId id, EmployeeId actor) {
        Objects.requireNonNull(actor, "actor");
        return touch(id, true, actor);
    }

    /**
     * The hook for recorded interactions: when an interaction names one of these deals by its id
     * ({@link Interaction#dealRef()}) and the deal is with the interaction's client, it is the deal's latest
     * activity (its idleness counts from now); when the contact-column rule is on and the interaction has a
     * manager, the deal also moves on as {@link #recordContact} moves it, by that manager. An interaction naming
     * no stored deal of its client changes nothing. It runs in the caller's transaction (the interaction's
     * recording), and its events go to the listener in that transaction.
     */
    public void onInteraction(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        String ref = interaction.dealRef();
        if (ref == null) {
            return;
        }
        DealId id;
        try {
            id = DealId.of(UUID.fromString(ref));
        } catch (IllegalArgumentException e) {
            return;
        }
        Optional<Deal> deal = store.findById(id);
        if (deal.isEmpty() || !deal.get().client().equals(interaction.client())) {
            return;
        }
        Deal d = deal.get();
        Instant at = clock.instant();
        Decision<Deal, DealEvent> decision = !advanceOnContact || interaction.manager() == null
                ? DealRules.touch(d, at)
                : DealRules.advanceContact(d, pipeline(d.pipeline()), interaction.manager(), at);
        if (decision.state().equals(d)) {
            return;
        }
        saved(decision);
    }

    private Deal touch(DealId id, boolean contact, @Nullable EmployeeId actor) {
        Objects.requireNonNull(id, "id");
        Instant now = clock.instant();
        Decision<Deal, DealEvent> saved = transactions.inTransaction(() -> {
            Deal deal = store.findById(id).orElseThrow(() -> new DealNotFoundException(id));
            Decision<Deal, DealEvent> d = contact
                    ? DealRules.advanceContact(deal, pipeline(deal.pipeline()), Objects.requireNonNull(actor), now)
                    : DealRules.touch(deal, now);
            if (d.state().equals(deal)) {
                return d;
            }
            return saved(d);
        });
        return saved.state();
    }

    private Deal change(DealId id, long version, BiFunction<Deal, Pipeline, Decision<Deal, DealEvent>> rule) {
        Objects.requireNonNull(id, "id");
        Decision<Deal, DealEvent> saved = transactions.inTransaction(() -> {
            Deal deal = store.findById(id).orElseThrow(() -> new DealNotFoundException(id));
            if (deal.version() != version) {
                throw new ConcurrentModificationException("deal", id, version, deal.version());
            }
            Decision<Deal, DealEvent> d = rule.apply(deal, pipeline(deal.pipeline()));
            if (d.events().isEmpty()) {
                return d;
            }
            return saved(d);
        });
        return saved.state();
    }

    /** The deal stored under {@code id}. @throws DealNotFoundException when there is none */
    public Deal get(DealId id) {
        Objects.requireNonNull(id, "id");
        return transactions.inTransaction(() -> store.findById(id)).orElseThrow(() -> new DealNotFoundException(id));
    }

    /** A client's deals, newest first, at most {@code limit}. */
    public List<Deal> ofClient(ClientId client, int limit) {
        return transactions.inTransaction(() -> store.findByClient(client, limit));
    }

    /** The stage the deal was in at {@code at}, replayed from its history; empty before it was created. */
    public Optional<String> stageAt(DealId id, Instant at) {
        return get(id).stageAt(at);
    }

    /**
     * The stage the deal was in at the end of {@code date} in the calendar's zone (its last stage entered on or
     * before that date); empty for a date before the deal was created.
     */
    public Optional<String> stageOn(DealId id, LocalDate date) {
        Objects.requireNonNull(date, "date");
        return get(id).stageAt(date.plusDays(1).atStartOfDay(calendar.zone()).toInstant().minusNanos(1000));
    }

    /**
     * How many deals of the pipeline {@code code} were in each of its stages at the end of {@code date} in the
     * calendar's zone, replayed from their histories, in board order (stages no longer in the pipeline after
     * them); stages without deals then are absent.
     */
    public Map<String, Long> countByStageOn(String code, LocalDate date) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(date, "date");
        Instant end = date.plusDays(1).atStartOfDay(calendar.zone()).toInstant().minusNanos(1000);
        return transactions.inTransaction(() -> {
            Pipeline pipeline = pipeline(code);
            Map<String, Long> counts = new java.util.TreeMap<>(Comparator.comparingInt((String s) -> {
                int i = pipeline.indexOf(s);
                return i < 0 ? Integer.MAX_VALUE : i;
            }).thenComparing(Comparator.naturalOrder()));
            counts.putAll(store.countByStageAt(code, end));
            return java.util.Collections.unmodifiableMap(counts);
        });
    }

    /** The Shiffman board of the pipeline {@code code} now, idle flags by the CRM's calendar. */
    public PipelineBoard board(String code) {
        Objects.requireNonNull(code, "code");
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            Pipeline pipeline = pipeline(code);
            return PipelineBoard.of(pipeline, store.board(code, idleBefore(pipeline, now)));
        });
    }

    /** The idle deals of the pipeline {@code code} now, longest idle first, at most {@code limit}. */
    public List<Deal> idle(String code, int limit) {
        Objects.requireNonNull(code, "code");
        Instant now = clock.instant();
        return transactions.inTransaction(() -> store.findIdle(code, idleBefore(pipeline(code), now), limit));
    }

    /** The funnel of the pipeline {@code code} for the deals created in {@code [from, to)}. */
    public Funnel funnel(String code, Instant from, Instant to) {
        Objects.requireNonNull(code, "code");
        return transactions.inTransaction(() -> new Funnel(pipeline(code), from, to, store.funnel(code, from, to),
                store.outcomes(code, from, to)));
    }

    /** The weighted forecast of the pipeline {@code code}'s open deals by expected close month, then currency. */
    public List<ForecastRow> forecast(String code) {
        Objects.requireNonNull(code, "code");
        return transactions.inTransaction(() -> {
            pipeline(code);
            return store.forecast(code).stream().sorted(Comparator.comparing(ForecastRow::month)
                    .thenComparing(r -> r.amount().currency().getCurrencyCode())).toList();
        });
    }

    /**
     * Per stage of {@code pipeline} with an idle limit, the moment before which a deal's last activity makes it
     * idle at {@code now}: the start (in the calendar's zone) of the working day that is the limit's number of
     * working days before today's last working day.
     */
    public Map<String, Instant> idleBefore(Pipeline pipeline, Instant now) {
        return idleBefore(pipeline, now, calendar);
    }

    /** {@link #idleBefore(Pipeline, Instant)} in {@code calendar}. */
    public static Map<String, Instant> idleBefore(Pipeline pipeline, Instant now, BusinessCalendar calendar) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(now, "now");
        ZoneId zone = calendar.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate lastWorking = calendar.isWorkingDay(today) ? today : calendar.minusWorkingDays(today, 1);
        Map<String, Instant> out = new HashMap<>();
        for (Stage stage : pipeline.stages()) {
            if (stage.hasIdleLimit()) {
                out.put(stage.code(), calendar.minusWorkingDays(lastWorking, stage.idleDays()).atStartOfDay(zone)
                        .toInstant());
            }
        }
        return out;
    }

    private Pipeline pipeline(String code) {
        return pipelines.findByCode(code).orElseThrow(() -> new PipelineNotFoundException(code));
    }

    /**
     * Saves the decision's deal and hands it with its events to the change hook and its events to the listener, in
     * the caller's transaction.
     */
    private Decision<Deal, DealEvent> saved(Decision<Deal, DealEvent> decision) {
        Deal stored = store.save(decision.state());
        onChanged.accept(stored, decision.events());
        Events.publish(listener, decision.events());
        return new Decision<>(stored, decision.events());
    }
}
