package org.crm4j.requisites;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.crm4j.common.ValidationException;

/**
 * A SWIFT Business Identifier Code (ISO 9362): four letters of the institution, a country code, two letters or
 * digits of the location and optionally three of the branch; 8 or 11 characters. Immutable and thread-safe.
 *
 * @param value the code, upper case
 */
public record Bic(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
    /** ISO 3166-1 countries and Kosovo (XK), whose banks have BICs though ISO has not assigned the code. */
    private static final Set<String> COUNTRIES = Countries.WITH_KOSOVO;

    public Bic {
        Objects.requireNonNull(value, "bic");
        String raw = value;
        value = value.strip().toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(value).matches()) {
            throw new ValidationException("bic", "bic.format", raw,
                    "BIC must be 8 or 11 letters and digits (bank, country, location, branch), was '" + raw + "'");
        }
        if (!COUNTRIES.contains(value.substring(4, 6))) {
            throw new ValidationException("bic", "bic.country", raw,
                    "BIC " + raw + " names no country: '" + value.substring(4, 6) + "'");
        }
    }

    public static Bic of(String value) {
        return new Bic(value);
    }

    public String countryCode() {
        return value.substring(4, 6);
    }

    @Override
    public String toString() {
        return value;
    }
}
