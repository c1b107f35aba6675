package org.crm4j.deal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.crm4j.common.CrmException;

/**
 * A deal may not go where it was asked to: a rule of the pipeline forbids it. {@link #rule()} names the rule
 * a program can match on, such as {@code deal.closed} (a closed deal moves only by being reopened) or
 * {@code deal.reopen-open} (only a closed deal is reopened); the exception's {@link #code()} is
 * {@code deal.transition}.
 */
public final class IllegalTransitionException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String rule;
    private final String deal;
    private final String from;
    private final @Nullable String to;

    /**
     * The deal {@code deal} may not go from stage {@code from} to {@code to} ({@code null} when the command names
     * no stage) by {@code rule}; {@code why} says so to a person.
     */
    public IllegalTransitionException(String rule, DealId deal, String from, @Nullable String to, String why) {
        super("deal.transition", "deal " + deal + " may not go from '" + from + "'"
                + (to == null ? "" : " to '" + to + "'") + " (" + rule + "): " + why);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.deal = deal.toString();
        this.from = Objects.requireNonNull(from, "from");
        this.to = to;
    }

    /** The rule that refused, such as {@code deal.closed}. */
    public String rule() {
        return rule;
    }

    /** The deal refused. */
    public DealId deal() {
        return DealId.of(java.util.UUID.fromString(deal));
    }

    /** The stage the deal is in. */
    public String from() {
        return from;
    }

    /** The stage it was asked to enter, or {@code null}. */
    public @Nullable String to() {
        return to;
    }
}
