package org.crm4j.common;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An e-mail address, stripped and lower-cased so that lookups match however it was typed. Accepts the
 * dot-atom form of RFC 5322 that mail systems deliver to in practice (no quoted local parts, no IP literals);
 * the domain needs at least one dot. At most 254 characters. Immutable and thread-safe.
 *
 * @param value the normalised address
 */
public record Email(String value) {
    private static final Pattern VALID = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?");

    public Email {
        Objects.requireNonNull(value, "value");
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || value.indexOf('@') > 64 || !VALID.matcher(value).matches()) {
            throw new ValidationException("email", "email.invalid", value,
                    "'" + value + "' is not an e-mail address");
        }
    }

    public static Email of(String value) {
        return new Email(value);
    }

    /** The part after the {@code @}. */
    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
