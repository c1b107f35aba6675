package org.crm4j.core.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crm4j.common.ValidationException;

/** Assertions on commands refused with a {@link ValidationException}. */
final class Refused {
    private Refused() {
    }

    /** Runs {@code call}, requires a {@link ValidationException} and returns it. */
    static ValidationException refusal(ThrowingCallable call) {
        ValidationException e = catchThrowableOfType(ValidationException.class, call);
        assertThat(e).as("expected a ValidationException").isNotNull();
        assertThat(e.violations()).isNotEmpty();
        return e;
    }

    /** Requires exactly one violation of {@code field} with {@code code}, the value and the message parts. */
    static ValidationException refused(ThrowingCallable call, String field, String code, String rejectedValue,
                                       String... messageParts) {
        ValidationException e = refusal(call);
        assertThat(e.violations()).hasSize(1);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.violationCode()).isEqualTo(code);
        assertThat(e.rejectedValue()).isEqualTo(rejectedValue);
        if (messageParts.length > 0) {
            assertThat(e.first().message()).contains(messageParts);
        }
        return e;
    }

    /** True when {@code call} completes; false when it throws a {@link ValidationException}. */
    static boolean accepts(Runnable call) {
        try {
            call.run();
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }
}
