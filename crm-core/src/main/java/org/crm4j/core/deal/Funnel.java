package org.crm4j.core.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.crm4j.deal.FunnelRow;
import org.crm4j.deal.OutcomeRow;
import org.crm4j.deal.Pipeline;
import org.crm4j.deal.Stage;
import org.crm4j.deal.StageKind;
import org.jspecify.annotations.Nullable;

/**
 * The funnel of a pipeline for the deals created in a period: how many entered each stage, the conversion from
 * each stage to the next, the win rate and the average cycle time; split by lead source, manager or campaign with
 * {@link #by(Dimension)}. Immutable.
 *
 * @param pipeline the pipeline
 * @param from     the start of the period, included
 * @param to       the end of the period, excluded
 * @param rows     the store's counts of deals entering stages
 * @param outcomes the store's counts of closed deals
 */
public record Funnel(Pipeline pipeline, Instant from, Instant to, List<FunnelRow> rows, List<OutcomeRow> outcomes) {
    /** Ratios are given with this many fraction digits, rounded half-even. */
    public static final int RATIO_SCALE = 4;

    public Funnel {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        rows = List.copyOf(rows);
        outcomes = List.copyOf(outcomes);
    }

    /** What a funnel is split by. */
    public enum Dimension {
        /** The deals' lead source. */
        LEAD_SOURCE,
        /** The deals' manager. */
        MANAGER,
        /** The deals' campaign. */
        CAMPAIGN
    }

    /**
     * One step of the funnel. Immutable.
     *
     * @param stage      the stage
     * @param entered    how many deals of the period entered it
     * @param conversion the share of them that entered the next stage in board order; empty for the last stage
     *                   and for a stage no deal entered
     */
    public record Step(Stage stage, long entered, Optional<BigDecimal> conversion) {
        public Step {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(conversion, "conversion");
        }
    }

    /** How many deals of the period entered the stage {@code code}. */
    public long entered(String code) {
        return rows.stream().filter(r -> r.stage().equals(code)).mapToLong(FunnelRow::deals).sum();
    }

    /** The steps of the open stages in board order, each with its conversion to the next open stage. */
    public List<Step> steps() {
        List<Stage> open = pipeline.stages().stream().filter(s -> s.kind() == StageKind.OPEN).toList();
        List<Step> out = new ArrayList<>(open.size());
        for (int i = 0; i < open.size(); i++) {
            long entered = entered(open.get(i).code());
            Optional<BigDecimal> conversion = i + 1 < open.size()
                    ? ratio(entered(open.get(i + 1).code()), entered) : Optional.empty();
            out.add(new Step(open.get(i), entered, conversion));
        }
        return out;
    }

    /** How many deals of the period are closed with {@code kind} now. */
    public long closed(StageKind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).mapToLong(OutcomeRow::deals).sum();
    }

    /** Won deals among won and lost ones; empty when none is closed either way. */
    public Optional<BigDecimal> winRate() {
        long won = closed(StageKind.WON);
        return ratio(won, won + closed(StageKind.LOST));
    }

    /** The average time from creation to closing of the won and lost deals, to the second; empty without any. */
    public Optional<Duration> averageCycle() {
        long deals = 0;
        long seconds = 0;
        for (OutcomeRow o : outcomes) {
            if (o.kind() == StageKind.WON || o.kind() == StageKind.LOST) {
                deals += o.deals();
                seconds += o.totalCycle().toSeconds();
            }
        }
        return deals == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds / deals));
    }

    /**
     * The funnel split by {@code dimension}: one funnel per value (lead source or campaign code, manager id; the
     * empty string for deals without a lead source or campaign), by value.
     */
    public Map<String, Funnel> by(Dimension dimension) {
        Objects.requireNonNull(dimension, "dimension");
        Function<FunnelRow, String> rowKey = r -> key(dimension, r.leadSource(), r.manager().value(), r.campaign());
        Function<OutcomeRow, String> outcomeKey = o -> key(dimension, o.leadSource(), o.manager().value(),
                o.campaign());
        Map<String, Funnel> out = new LinkedHashMap<>();
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        rows.forEach(r -> keys.add(rowKey.apply(r)));
        outcomes.forEach(o -> keys.add(outcomeKey.apply(o)));
        for (String k : keys) {
            out.put(k, filter(r -> rowKey.apply(r).equals(k), o -> outcomeKey.apply(o).equals(k)));
        }
        return out;
    }

    private Funnel filter(Predicate<FunnelRow> row, Predicate<OutcomeRow> outcome) {
        return new Funnel(pipeline, from, to, rows.stream().filter(row).toList(),
                outcomes.stream().filter(outcome).toList());
    }

    private static String key(Dimension d, @Nullable String source, String manager, @Nullable String campaign) {
        String k = switch (d) {
            case LEAD_SOURCE -> source;
            case MANAGER -> manager;
            case CAMPAIGN -> campaign;
        };
        return k == null ? "" : k;
    }

    private static Optional<BigDecimal> ratio(long part, long whole) {
        return whole == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATIO_SCALE,
                RoundingMode.HALF_EVEN));
    }
}
