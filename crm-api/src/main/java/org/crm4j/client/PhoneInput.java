package org.crm4j.client;

import java.util.Objects;
import org.crm4j.common.ContactPurpose;
import org.jspecify.annotations.Nullable;

/**
 * A phone as a person typed it ({@code "8 (495) 123-45-67"}, {@code "+7 916 123 45 67"}), not yet parsed.
 *
 * @param number    the number as typed
 * @param purpose   what it is for
 * @param extension the extension, or {@code null}
 */
public record PhoneInput(String number, ContactPurpose purpose, @Nullable String extension) {
    public PhoneInput {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(purpose, "purpose");
    }

    public static PhoneInput of(String number, ContactPurpose purpose) {
        return new PhoneInput(number, purpose, null);
    }
}
