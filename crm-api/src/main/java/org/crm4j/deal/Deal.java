package org.crm4j.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A deal (M-4): a sale to a client moving through the stages of a {@link Pipeline}, with the history of every
 * stage it entered. Immutable and thread-safe.
 *
 * <h2>Invariants</h2>
 * The constructor refuses a deal that breaks them, naming every broken one:
 * <ul>
 *   <li>the stage history is not empty, starts with the deal's creation ({@code from} is {@code null}), every
 *       entry leaves the stage the previous one entered, entries come in time order, and the last one entered
 *       the deal's {@link #stage()} of {@link #kind()}: the history replays to the current stage;</li>
 *   <li>{@link #closedAt()} is present exactly when the stage is a result ({@link StageKind#isClosed()});</li>
 *   <li>{@link #lostReason()} is present exactly when the deal is {@link StageKind#LOST lost};</li>
 *   <li>the probability lies in {@code [0, 1]} with at most {@value #PROBABILITY_SCALE} fraction digits.</li>
 * </ul>
 * Whether the stage belongs to the pipeline is the rules' concern (the record does not hold the pipeline).
 * Moments are kept to the microsecond.
 *
 * @param id                the identity
 * @param client            the client the deal is with
 * @param pipeline          the code of the deal's pipeline
 * @param stage             the code of the stage it is in
 * @param kind              the kind of that stage
 * @param amount            how much it is worth
 * @param probability       the probability of closing it, in {@code [0, 1]}
 * @param probabilitySource whether the probability is the stage's default or was set by hand
 * @param manager           the responsible manager
 * @param leadSource        the code of the lead source (how the client came), or {@code null}
 * @param campaign          the code of the marketing campaign, or {@code null}
 * @param expectedClose     the date it is expected to close, or {@code null}
 * @param lostReason        the refusal-reason code of a lost deal, else {@code null}
 * @param createdAt         when it was created
 * @param lastActivityAt    the last interaction with the client about it or the last stage change: what idleness
 *                          is counted from
 * @param closedAt          when it entered its result stage; {@code null} while it is open
 * @param history           every stage it entered, oldest first
 * @param version           the stored version; 0 for a deal not saved yet
 */
public record Deal(DealId id, ClientId client, String pipeline, String stage, StageKind kind, Money amount,
                   BigDecimal probability, ProbabilitySource probabilitySource, EmployeeId manager,
                   @Nullable String leadSource, @Nullable String campaign, @Nullable LocalDate expectedClose,
                   @Nullable String lostReason, Instant createdAt, Instant lastActivityAt, @Nullable Instant closedAt,
                   List<StageChange> history, long version) {
    /** The fraction digits a probability keeps. */
    public static final int PROBABILITY_SCALE = 4;

    public Deal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(probabilitySource, "probabilitySource");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastActivityAt, "lastActivityAt");
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        lastActivityAt = lastActivityAt.truncatedTo(ChronoUnit.MICROS);
        closedAt = closedAt == null ? null : closedAt.truncatedTo(ChronoUnit.MICROS);
        history = List.copyOf(Objects.requireNonNull(history, "history"));
        Violations v = new Violations();
        pipeline = code(v, "pipeline", pipeline);
        stage = code(v, "stage", stage);
        leadSource = optionalCode(v, "leadSource", leadSource);
        campaign = optionalCode(v, "campaign", campaign);
        lostReason = optionalCode(v, "lostReason", lostReason);
        probability = probability(v, "probability", probability);
        if (amount.isNegative()) {
            v.add("amount", "deal.amount", amount, "a deal's amount is never negative, was " + amount);
        }
        if (kind.isClosed() != (closedAt != null)) {
            v.add("closedAt", "deal.closed-at", closedAt, kind.isClosed()
                    ? "a deal in a " + kind + " stage has the moment it closed"
                    : "an open deal has no closing moment, was " + closedAt);
        }
        if ((kind == StageKind.LOST) != (lostReason != null)) {
            v.add("lostReason", "deal.lost-reason", lostReason, kind == StageKind.LOST
                    ? "a lost deal has the reason it was lost"
                    : "only a lost deal has a lost reason, was '" + lostReason + "'");
        }
        if (lastActivityAt.isBefore(createdAt)) {
            v.add("lastActivityAt", "deal.activity", lastActivityAt,
                    "the last activity is not before the deal's creation at " + createdAt);
        }
        checkHistory(v, history, stage, kind, createdAt);
        if (version < 0) {
            v.add("version", "deal.version", version, "a version is never negative, was " + version);
        }
        v.throwIfAny();
    }

    private static void checkHistory(Violations v, List<StageChange> history, String stage, StageKind kind,
                                     Instant createdAt) {
        if (history.isEmpty()) {
            v.add("history", "deal.history", null, "a deal's history starts with its creation");
            return;
        }
        StageChange first = history.get(0);
        if (first.from() != null || !first.at().equals(createdAt)) {
            v.add("history[0]", "deal.history", first.from(),
                    "a deal's history starts with its creation at " + createdAt + ", from no stage");
        }
        for (int i = 1; i < history.size(); i++) {
            StageChange previous = history.get(i - 1);
            StageChange change = history.get(i);
            if (!previous.to().equals(change.from()) || change.at().isBefore(previous.at())) {
                v.add("history[" + i + "]", "deal.history", change.from(), "entry " + i + " leaves '"
                        + change.from() + "' at " + change.at() + " but the deal entered '" + previous.to()
                        + "' at " + previous.at());
            }
        }
        StageChange last = history.get(history.size() - 1);
        if (!last.to().equals(stage) || last.kind() != kind) {
            v.add("history", "deal.history", last.to(), "the history ends in '" + last.to() + "' (" + last.kind()
                    + ") but the deal is in '" + stage + "' (" + kind + ")");
        }
    }

    /**
     * Reads a probability into {@code v}: in {@code [0, 1]} with at most {@value #PROBABILITY_SCALE} fraction
     * digits, returned at that scale; {@code null} or a bad value is recorded under {@code field} (and returned
     * as zero so that the caller can go on collecting violations).
     */
    public static BigDecimal probability(Violations v, String field, @Nullable BigDecimal probability) {
        if (probability == null) {
            v.add(field, "probability.range", null, "a probability is required");
            return BigDecimal.ZERO.setScale(PROBABILITY_SCALE);
        }
        if (probability.signum() < 0 || probability.compareTo(BigDecimal.ONE) > 0) {
            v.add(field, "probability.range", probability.toPlainString(),
                    "a probability lies in [0, 1], was " + probability.toPlainString());
            return BigDecimal.ZERO.setScale(PROBABILITY_SCALE);
        }
        if (probability.stripTrailingZeros().scale() > PROBABILITY_SCALE) {
            v.add(field, "probability.scale", probability.toPlainString(), "a probability has at most "
                    + PROBABILITY_SCALE + " fraction digits, was " + probability.toPlainString());
            return BigDecimal.ZERO.setScale(PROBABILITY_SCALE);
        }
        return probability.setScale(PROBABILITY_SCALE, RoundingMode.UNNECESSARY);
    }

    private static String code(Violations v, String field, @Nullable String code) {
        String c = code == null ? "" : code.strip();
        if (!ClassifierEntry.isCode(c) || c.length() > 64) {
            v.add(field, "classifier.code", c, "the " + field + " must be a code of at most 64 characters, was '"
                    + c + "'");
        }
        return c;
    }

    private static @Nullable String optionalCode(Violations v, String field, @Nullable String code) {
        return code == null || code.isBlank() ? null : code(v, field, code);
    }

    /** Whether the deal is in a result stage and moves only by being reopened. */
    public boolean isClosed() {
        return kind.isClosed();
    }

    /** The amount weighted by the probability, rounded half-even to the currency's minor unit. */
    public Money weightedAmount() {
        return amount.times(probability);
    }

    /** When the deal entered its current stage. */
    public Instant stageEnteredAt() {
        return history.get(history.size() - 1).at();
    }

    /**
     * The stage the deal was in at {@code at}, replayed from its history: the stage of the last entry at or
     * before {@code at}; empty before the deal was created.
     */
    public Optional<String> stageAt(Instant at) {
        Objects.requireNonNull(at, "at");
        String found = null;
        for (StageChange change : history) {
            if (change.at().isAfter(at)) {
                break;
            }
            found = change.to();
        }
        return Optional.ofNullable(found);
    }

    /** This deal as stored with another version. */
    public Deal withVersion(long version) {
        return new Deal(id, client, pipeline, stage, kind, amount, probability, probabilitySource, manager,
                leadSource, campaign, expectedClose, lostReason, createdAt, lastActivityAt, closedAt, history, version);
    }

    /** This deal with another probability from {@code source}. */
    public Deal withProbability(BigDecimal probability, ProbabilitySource source) {
        return new Deal(id, client, pipeline, stage, kind, amount, probability, source, manager,
                leadSource, campaign, expectedClose, lostReason, createdAt, lastActivityAt, closedAt, history, version);
    }

    /** This deal with its last activity at {@code at}. */
    public Deal withLastActivityAt(Instant at) {
        return new Deal(id, client, pipeline, stage, kind, amount, probability, probabilitySource, manager,
                leadSource, campaign, expectedClose, lostReason, createdAt, at, closedAt, history, version);
    }

    /** This deal with other terms: amount, expected close date and manager. */
    public Deal withTerms(Money amount, @Nullable LocalDate expectedClose, EmployeeId manager) {
        return new Deal(id, client, pipeline, stage, kind, amount, probability, probabilitySource, manager,
                leadSource, campaign, expectedClose, lostReason, createdAt, lastActivityAt, closedAt, history, version);
    }

    /**
     * This deal in another stage: the change is appended to the history, the last activity is the change's
     * moment, and probability, closing moment and lost reason are the ones given.
     */
    public Deal enter(StageChange change, BigDecimal probability, ProbabilitySource source,
                      @Nullable Instant closedAt, @Nullable String lostReason) {
        List<StageChange> next = new java.util.ArrayList<>(history.size() + 1);
        next.addAll(history);
        next.add(change);
        return new Deal(id, client, pipeline, change.to(), change.kind(), amount, probability, source, manager,
                leadSource, campaign, expectedClose, lostReason, createdAt, change.at(), closedAt, next, version);
    }
}
