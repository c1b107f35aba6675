package org.crm4j.history;

import java.math.BigDecimal;
import org.crm4j.common.Money;
import org.crm4j.common.Violations;
import org.jspecify.annotations.Nullable;

/** The checks the three kinds of fact share. */
final class Facts {
    /** The most integer digits an amount of the work history may have (the column keeps 20). */
    static final int AMOUNT_INTEGER_DIGITS = 18;

    private Facts() {
    }

    /** A required text of 1 to {@code max} characters, stripped. */
    static String text(Violations v, String field, @Nullable String value, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            v.add(field, "work-fact." + field, stripped, field + " must have 1 to " + max + " characters, was '"
                    + stripped + "'");
        }
        return stripped;
    }

    /** Checks an amount: at least zero, or above zero when {@code positive}, of at most 18 integer digits. */
    static void amount(Violations v, String field, Money amount, boolean positive) {
        if (positive ? amount.amount().signum() <= 0 : amount.isNegative()) {
            v.add(field, "work-fact." + field, amount, field + " must be " + (positive ? "above" : "at least")
                    + " zero, was " + amount);
        }
        if (integerDigits(amount.amount()) > AMOUNT_INTEGER_DIGITS) {
            v.add(field, "work-fact.amount-range", amount, field + " has more than " + AMOUNT_INTEGER_DIGITS
                    + " integer digits: " + amount);
        }
    }

    static int integerDigits(BigDecimal value) {
        return value.signum() == 0 ? 0 : Math.max(value.precision() - value.scale(), 0);
    }
}
