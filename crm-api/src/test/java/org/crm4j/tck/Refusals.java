package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import org.crm4j.common.ValidationException;

/** Assertions on a value or a command refused with a {@link ValidationException}: for crm4j's tests and a vendor's. */
public final class Refusals {
    private Refusals() {
    }

    /** Code expected to throw. */
    @FunctionalInterface
    public interface Call {
        void run() throws Throwable;
    }

    /** Runs {@code call}, requires a {@link ValidationException} and returns it. */
    public static ValidationException refusal(Call call) {
        ValidationException e = catchThrowableOfType(ValidationException.class, call::run);
        assertThat(e).as("expected a ValidationException").isNotNull();
        assertThat(e.code()).isEqualTo("validation");
        assertThat(e.violations()).isNotEmpty();
        return e;
    }

    /**
     * Runs {@code call} and requires exactly one violation of {@code field} with {@code code} and the rejected
     * value ({@code null} when none); the message must contain every one of {@code messageParts}.
     */
    public static ValidationException refused(Call call, String field, String code, String rejectedValue,
                                              String... messageParts) {
        ValidationException e = refusal(call);
        assertThat(e.violations()).hasSize(1);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.violationCode()).isEqualTo(code);
        assertThat(e.rejectedValue()).isEqualTo(rejectedValue);
        assertThat(e.first().message()).isNotBlank();
        if (messageParts.length > 0) {
            assertThat(e.first().message()).contains(messageParts);
        }
        assertThat(e.getMessage()).contains(field).contains(code);
        return e;
    }

    /** True when {@code call} completes; false when it throws a {@link ValidationException}. */
    public static boolean accepts(Runnable call) {
        try {
            call.run();
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }
}
