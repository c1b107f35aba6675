package org.crm4j.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.tuple;
import static org.crm4j.tck.Refusals.refusal;
import static org.crm4j.tck.Refusals.refused;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

    @Test
    void a_russian_address_is_accepted() {
        Address address = Address.ru(AddressPurpose.LEGAL, "117997", "Москва", "Москва", "ул. Вавилова, д. 19");

        assertThat(address.purpose()).isEqualTo(AddressPurpose.LEGAL);
        assertThat(address.country()).isEqualTo("RU");
        assertThat(address.postalCode()).isEqualTo("117997");
        assertThat(address.region()).isEqualTo("Москва");
        assertThat(address.city()).isEqualTo("Москва");
        assertThat(address.line()).isEqualTo("ул. Вавилова, д. 19");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SW1A 1AA", "10115", "75008", "1012 AB", "00-950", "H3Z 2Y7", "12"})
    void foreign_postal_codes_of_letters_digits_spaces_and_hyphens_are_accepted(String postalCode) {
        assertThat(new Address(AddressPurpose.POSTAL, "GB", postalCode, null, "London", null).postalCode())
                .isEqualTo(postalCode);
    }

    @Test
    void the_country_code_is_stripped_and_upper_cased() {
        assertThat(new Address(AddressPurpose.ACTUAL, " de ", "10115", null, "Berlin", null).country())
                .isEqualTo("DE");
    }

    @Test
    void free_text_is_stripped_and_blank_text_counts_as_missing() {
        Address address = new Address(AddressPurpose.DELIVERY, "RU", "  ", " \t", "  Казань ", "");

        assertThat(address.postalCode()).isNull();
        assertThat(address.region()).isNull();
        assertThat(address.city()).isEqualTo("Казань");
        assertThat(address.line()).isNull();
    }

    @Test
    void a_street_line_without_a_city_is_enough() {
        assertThat(Address.ru(AddressPurpose.POSTAL, null, null, null, "а/я 15").line()).isEqualTo("а/я 15");
    }

    // --- boundaries --------------------------------------------------------------------------------------

    @Test
    void a_text_of_200_characters_is_accepted_and_of_201_refused() {
        String ok = "ж".repeat(200);
        String tooLong = "ж".repeat(201);

        assertThat(Address.ru(AddressPurpose.LEGAL, null, null, null, ok).line()).hasSize(200);
        refused(() -> Address.ru(AddressPurpose.LEGAL, null, null, null, tooLong), "line", "address.length",
                tooLong, "line", "200");
    }

    @Test
    void a_text_of_200_characters_after_stripping_is_accepted() {
        assertThat(Address.ru(AddressPurpose.LEGAL, null, null, "  " + "г".repeat(200) + "  ", null).city())
                .hasSize(200);
    }

    @Test
    void a_russian_postal_code_has_exactly_six_digits() {
        refused(() -> Address.ru(AddressPurpose.LEGAL, "12345", null, "Москва", null), "postalCode",
                "address.postal-code", "12345", "'12345'", "RU");
        refused(() -> Address.ru(AddressPurpose.LEGAL, "1234567", null, "Москва", null), "postalCode",
                "address.postal-code", "1234567");
        refused(() -> Address.ru(AddressPurpose.LEGAL, "12345A", null, "Москва", null), "postalCode",
                "address.postal-code", "12345A");
        assertThat(Address.ru(AddressPurpose.LEGAL, " 000001 ", null, "Москва", null).postalCode())
                .isEqualTo("000001");
    }

    @Test
    void a_foreign_postal_code_has_2_to_12_characters() {
        assertThat(new Address(AddressPurpose.LEGAL, "DE", "A".repeat(12), null, "Berlin", null).postalCode())
                .hasSize(12);
        refused(() -> new Address(AddressPurpose.LEGAL, "DE", "1", null, "Berlin", null), "postalCode",
                "address.postal-code", "1", "DE");
        refused(() -> new Address(AddressPurpose.LEGAL, "DE", "A".repeat(13), null, "Berlin", null), "postalCode",
                "address.postal-code", "A".repeat(13));
        refused(() -> new Address(AddressPurpose.LEGAL, "DE", "-10115", null, "Berlin", null), "postalCode",
                "address.postal-code", "-10115");
    }

    // --- bad input ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"XX", "RUS", "R", "", "643", "R1"})
    void a_country_that_is_no_iso_alpha_2_code_is_refused(String country) {
        refused(() -> new Address(AddressPurpose.LEGAL, country, null, null, "Город", null), "country",
                "address.country", country, "ISO 3166-1");
    }

    @Test
    void an_address_without_a_city_and_a_street_line_is_refused() {
        refused(() -> Address.ru(AddressPurpose.LEGAL, "125009", "Москва", null, " "), "city", "address.incomplete",
                null, "city or a street line");
    }

    @Test
    void every_broken_rule_is_reported_at_once() {
        ValidationException e = refusal(() -> new Address(AddressPurpose.LEGAL, "ZZ", "!", "р".repeat(201), null, null));

        assertThat(e.violations()).extracting(Violation::field, Violation::code).containsExactly(
                tuple("country", "address.country"),
                tuple("region", "address.length"),
                tuple("postalCode", "address.postal-code"),
                tuple("city", "address.incomplete"));
    }

    @Test
    void a_missing_purpose_or_country_is_refused() {
        assertThatNullPointerException().isThrownBy(() -> new Address(null, "RU", null, null, "Москва", null))
                .withMessage("purpose");
        assertThatNullPointerException().isThrownBy(() -> new Address(AddressPurpose.LEGAL, null, null, null, "Москва", null))
                .withMessage("country");
    }

    // --- properties --------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> countries() {
        return Arbitraries.of(Locale.getISOCountries());
    }

    @Property
    @Label("every ISO country in any case is accepted and an address rebuilt from its parts is equal")
    void an_address_rebuilt_from_its_parts_is_equal(@ForAll("countries") String country,
                                                    @ForAll @IntRange(min = 0, max = 999_999) int postal) {
        String postalCode = String.format("%06d", postal);
        Address address = new Address(AddressPurpose.ACTUAL, country.toLowerCase(Locale.ROOT), postalCode,
                "Region", "City", "Line 1");

        assertThat(address.country()).isEqualTo(country);
        assertThat(new Address(address.purpose(), address.country(), address.postalCode(), address.region(),
                address.city(), address.line())).isEqualTo(address);
    }
}
