package org.crm4j.common;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A postal address with its purpose. The country is an ISO 3166-1 alpha-2 code; a Russian postal code has six
 * digits. At least the city or the street line is given. Free-text parts are stripped, at most 200 characters.
 * Immutable and thread-safe.
 *
 * @param purpose    legal, actual, postal or delivery
 * @param country    ISO 3166-1 alpha-2 code, upper case
 * @param postalCode the postal code, or {@code null}
 * @param region     the region (область, край, state), or {@code null}
 * @param city       the city or settlement, or {@code null}
 * @param line       street, building, office, or {@code null}
 */
public record Address(AddressPurpose purpose, String country, @Nullable String postalCode, @Nullable String region,
                      @Nullable String city, @Nullable String line) {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern RU_POSTAL = Pattern.compile("[0-9]{6}");
    private static final Pattern POSTAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,11}");

    public Address {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(country, "country");
        Violations v = new Violations();
        country = country.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            v.add("country", "address.country", country, "'" + country + "' is not an ISO 3166-1 alpha-2 country code");
        }
        postalCode = text(v, "postalCode", postalCode);
        region = text(v, "region", region);
        city = text(v, "city", city);
        line = text(v, "line", line);
        if (postalCode != null) {
            boolean ok = "RU".equals(country) ? RU_POSTAL.matcher(postalCode).matches()
                    : POSTAL.matcher(postalCode).matches();
            if (!ok) {
                v.add("postalCode", "address.postal-code", postalCode,
                        "'" + postalCode + "' is not a postal code of " + country);
            }
        }
        if (city == null && line == null) {
            v.add("city", "address.incomplete", null, "an address needs a city or a street line");
        }
        v.throwIfAny();
    }

    /** An address in Russia. */
    public static Address ru(AddressPurpose purpose, @Nullable String postalCode, @Nullable String region,
                             @Nullable String city, @Nullable String line) {
        return new Address(purpose, "RU", postalCode, region, city, line);
    }

    private static @Nullable String text(Violations v, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > 200) {
            v.add(field, "address.length", stripped, field + " must be at most 200 characters");
        }
        return stripped;
    }
}
