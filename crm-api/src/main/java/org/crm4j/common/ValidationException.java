package org.crm4j.common;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Input broke one or more rules. Carries every {@link Violation} found, so a form can show them all at once.
 * A command that throws this has changed nothing.
 */
public final class ValidationException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final List<Violation> violations;

    /** One violation of {@code field}, with its {@code code}, the rejected value and a message. */
    public ValidationException(String field, String code, @Nullable Object rejectedValue, String message) {
        this(List.of(new Violation(field, code, rejectedValue == null ? null : rejectedValue.toString(), message)));
    }

    /** Several violations at once; the list must not be empty. */
    public ValidationException(List<Violation> violations) {
        super("validation", describe(violations));
        this.violations = List.copyOf(violations);
    }

    private static String describe(List<Violation> violations) {
        Objects.requireNonNull(violations, "violations");
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }

    /** Every violated rule, in the order found. Never empty. */
    public List<Violation> violations() {
        return violations;
    }

    /** The first violation; convenient when a single value was validated. */
    public Violation first() {
        return violations.get(0);
    }

    /** The field of the first violation. */
    public String field() {
        return first().field();
    }

    /** The rule code of the first violation, such as {@code inn.checksum}. */
    public String violationCode() {
        return first().code();
    }

    /** The rejected value of the first violation (see {@link Violation#rejectedValue()}). */
    public @Nullable String rejectedValue() {
        return first().rejectedValue();
    }
}
