package org.crm4j.requisites;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.crm4j.common.ValidationException;

/**
 * КПП, the Russian reason-for-registration code of an organisation or its branch: four digits of the tax office,
 * two characters of the reason (digits or capital Latin letters since 2019), three digits of the sequence.
 * KPP has no check digit. Immutable and thread-safe.
 *
 * @param value the nine characters
 */
public record Kpp(String value) {
    private static final Pattern FORMAT = Pattern.compile("[0-9]{4}[0-9A-Z]{2}[0-9]{3}");

    public Kpp {
        Objects.requireNonNull(value, "kpp");
        value = value.strip().toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(value).matches()) {
            throw new ValidationException("kpp", "kpp.format", value,
                    "KPP must be 4 digits, 2 digits or capital letters, 3 digits, was '" + value + "'");
        }
    }

    public static Kpp of(String value) {
        return new Kpp(value);
    }

    /** The four-digit code of the tax office. */
    public String taxOffice() {
        return value.substring(0, 4);
    }

    @Override
    public String toString() {
        return value;
    }
}
