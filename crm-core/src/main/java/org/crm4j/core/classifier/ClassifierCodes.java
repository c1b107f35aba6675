package org.crm4j.core.classifier;

import org.crm4j.classifier.ClassifierKind;
import org.crm4j.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * How rules check the dictionary codes a record uses, adding a violation for each it refuses, so that a form's
 * codes are reported together with its other mistakes. {@link Classifiers#codes()} checks against the tenant's
 * dictionaries; {@link #any()} accepts every code, for rules tested on their own.
 */
@FunctionalInterface
public interface ClassifierCodes {
    /** Adds a violation to {@code v} when {@code code} (not {@code null}) is not an active entry of {@code kind}. */
    void check(Violations v, String field, ClassifierKind kind, String code);

    /** Accepts every code. */
    static ClassifierCodes any() {
        return (v, field, kind, code) -> { };
    }

    /** Checks {@code code} unless it is {@code null} or the one the record already had ({@code kept}). */
    default void checkChanged(Violations v, String field, ClassifierKind kind, @Nullable String code,
                              @Nullable String kept) {
        if (code != null && !code.equals(kept)) {
            check(v, field, kind, code);
        }
    }
}
