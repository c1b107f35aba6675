package org.crm4j.deal;

import java.math.BigDecimal;
import java.util.Objects;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.common.Violations;

/**
 * A stage (a column) of a {@link Pipeline}. Immutable and thread-safe.
 *
 * @param code        the stage's code, unique in its pipeline (a classifier-style code such as {@code contact-1})
 * @param name        what people see, 1 to 200 characters
 * @param probability the default probability of closing a deal in this stage, in {@code [0, 1]} with at most
 *                    {@value Deal#PROBABILITY_SCALE} fraction digits (normalised to that scale)
 * @param kind        open, or one of the results
 * @param idleDays    after how many business days without an interaction or a stage change a deal in this stage
 *                    is idle; 0 when deals never go idle in it
 */
public record Stage(String code, String name, BigDecimal probability, StageKind kind, int idleDays) {
    /** The most idle days a stage may set: about four working years. */
    public static final int MAX_IDLE_DAYS = 1000;

    public Stage {
        Objects.requireNonNull(kind, "kind");
        Violations v = new Violations();
        code = code == null ? "" : code.strip();
        if (!ClassifierEntry.isCode(code)) {
            v.add("code", "classifier.code", code, "the stage code must be a code, was '" + code + "'");
        }
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > 200) {
            v.add("name", "stage.name", name, "the stage name must have 1 to 200 characters");
        }
        probability = Deal.probability(v, "probability", probability);
        if (idleDays < 0 || idleDays > MAX_IDLE_DAYS) {
            v.add("idleDays", "stage.idle-days", idleDays,
                    "the idle limit is 0 to " + MAX_IDLE_DAYS + " business days, was " + idleDays);
        }
        v.throwIfAny();
    }

    /** A stage with its probability written as text ({@code "0.25"}). */
    public static Stage of(String code, String name, String probability, StageKind kind, int idleDays) {
        return new Stage(code, name, new BigDecimal(probability), kind, idleDays);
    }

    /** Whether deals in this stage go idle after {@link #idleDays()} business days. */
    public boolean hasIdleLimit() {
        return idleDays > 0;
    }
}
