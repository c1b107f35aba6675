package org.crm4j.common;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A phone with its purpose and, for an office exchange, an extension (up to 6 digits). Immutable.
 *
 * @param number    the normalised number
 * @param purpose   what the phone is for
 * @param extension the internal extension, or {@code null}
 */
public record ContactPhone(PhoneNumber number, ContactPurpose purpose, @Nullable String extension) {
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{1,6}");

    public ContactPhone {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(purpose, "purpose");
        if (extension != null) {
            extension = extension.strip();
            if (extension.isEmpty()) {
                extension = null;
            } else if (!EXTENSION.matcher(extension).matches()) {
                throw new ValidationException("extension", "phone.extension", extension,
                        "extension must be 1 to 6 digits, was '" + extension + "'");
            }
        }
    }

    public static ContactPhone of(PhoneNumber number, ContactPurpose purpose) {
        return new ContactPhone(number, purpose, null);
    }
}
