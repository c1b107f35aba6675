package org.crm4j.client;

import java.util.Objects;
import org.crm4j.common.AddressPurpose;
import org.jspecify.annotations.Nullable;

/**
 * An address as typed, not yet checked; see {@link org.crm4j.common.Address} for the rules.
 *
 * @param purpose    legal, actual, postal or delivery
 * @param country    ISO 3166-1 alpha-2 code
 * @param postalCode postal code, or {@code null}
 * @param region     region, or {@code null}
 * @param city       city, or {@code null}
 * @param line       street line, or {@code null}
 */
public record AddressInput(AddressPurpose purpose, String country, @Nullable String postalCode,
                           @Nullable String region, @Nullable String city, @Nullable String line) {
    public AddressInput {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(country, "country");
    }

    /** An address in Russia. */
    public static AddressInput ru(AddressPurpose purpose, @Nullable String postalCode, @Nullable String region,
                                  @Nullable String city, @Nullable String line) {
        return new AddressInput(purpose, "RU", postalCode, region, city, line);
    }
}
