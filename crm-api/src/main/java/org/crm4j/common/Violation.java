package org.crm4j.common;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One broken rule of an input: the field (a path such as {@code contacts[0].phones[1]}), a machine-readable code
 * such as {@code inn.checksum}, the rejected value (or {@code null}) and a message a person can read.
 *
 * @param field         the path of the field within the input
 * @param code          a stable code naming the rule, {@code <subject>.<rule>}
 * @param rejectedValue the value refused: as given, or as the type read it (trimmed, case-folded) when the rule
 *                      applies to that reading; {@code null} when the value was missing
 * @param message       a human-readable explanation naming the value
 */
public record Violation(String field, String code, @Nullable String rejectedValue, String message) {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** The same violation reported at another field path. */
    public Violation at(String path) {
        return new Violation(path, code, rejectedValue, message);
    }

    @Override
    public String toString() {
        return field + ": " + message + " [" + code + "]";
    }
}
