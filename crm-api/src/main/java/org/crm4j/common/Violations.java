package org.crm4j.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Collects violations while a whole input is checked, so that every broken rule is reported at once.
 * Not thread-safe: one instance per validation.
 *
 * <pre>{@code
 * Violations v = new Violations();
 * Inn inn = v.field("requisites.inn", () -> Inn.of(form.inn()));
 * Email email = v.field("emails[0]", () -> Email.of(form.email()));
 * v.throwIfAny();   // one ValidationException with both problems, if both were bad
 * }</pre>
 */
public final class Violations {
    private final List<Violation> found = new ArrayList<>();

    /**
     * Builds a single-field value, reporting its violations at {@code path}; returns {@code null} if it failed.
     */
    public <T> @Nullable T field(String path, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (ValidationException e) {
            e.violations().forEach(v -> found.add(v.at(path)));
            return null;
        }
    }

    /**
     * Builds a composite value whose violations name their own sub-fields; they are reported under
     * {@code prefix} ({@code bankAccounts[0]} + {@code account} gives {@code bankAccounts[0].account}).
     */
    public <T> @Nullable T nested(String prefix, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (ValidationException e) {
            e.violations().forEach(v -> found.add(v.at(prefix.isEmpty() ? v.field() : prefix + "." + v.field())));
            return null;
        }
    }

    /** Records a violation found by a rule that is not a value's own. */
    public void add(String field, String code, @Nullable Object rejectedValue, String message) {
        found.add(new Violation(field, code, rejectedValue == null ? null : rejectedValue.toString(), message));
    }

    /**
     * Reads an optional text of a record: {@code null} when it is absent or blank, otherwise stripped; records a
     * violation with {@code code}, naming the length, when it has more than {@code max} characters.
     */
    public @Nullable String optionalText(String field, String code, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            add(field, code, stripped.length(), field + " has at most " + max + " characters");
        }
        return stripped;
    }

    /** Adds the violations another check found. */
    public void addAll(List<Violation> violations) {
        found.addAll(violations);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** The violations found so far. */
    public List<Violation> list() {
        return List.copyOf(found);
    }

    /** Throws one {@link ValidationException} carrying everything found, if anything was. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }
}
