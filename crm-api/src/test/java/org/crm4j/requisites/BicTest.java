package org.crm4j.requisites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.crm4j.tck.Refusals.refused;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BicTest {

    @ParameterizedTest
    @CsvSource({"DEUTDEFF, DE", "COBADEFFXXX, DE", "SABRRUMM, RU", "NWBKGB2L, GB", "BNPAFRPPXXX, FR",
            "UBSWCHZH80A, CH"})
    void real_bics_are_accepted(String value, String country) {
        Bic bic = Bic.of(value);

        assertThat(bic.value()).isEqualTo(value);
        assertThat(bic.countryCode()).isEqualTo(country);
        assertThat(bic).hasToString(value);
    }

    @Test
    void a_kosovo_bic_is_accepted() {
        // Kosovo's banks have SWIFT codes with the country XK, e.g. Raiffeisen Bank Kosovo and the central bank
        assertThat(Bic.of("RBKOXKPR").countryCode()).isEqualTo("XK");
        assertThat(Bic.of("CBRKXKPR").value()).isEqualTo("CBRKXKPR");
    }

    @Test
    void lower_case_and_surrounding_whitespace_are_normalised() {
        assertThat(Bic.of(" deutdeff ")).isEqualTo(Bic.of("DEUTDEFF"));
        assertThat(Bic.of("cobadeffxxx").value()).isEqualTo("COBADEFFXXX");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEUTDEF", "DEUTDEFFX", "DEUTDEFFXX", "DEUTDEFFXXXX", "", "   "})
    void a_bic_of_another_length_than_8_or_11_is_refused(String value) {
        refused(() -> Bic.of(value), "bic", "bic.format", value, "8 or 11", "'" + value + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"D3UTDEFF", "DEUTD3FF", "DEUTDEF-", "DEUT DEFF", "ДЕУТDEFF"})
    void a_bic_with_digits_in_the_bank_or_country_or_with_other_characters_is_refused(String value) {
        refused(() -> Bic.of(value), "bic", "bic.format", value, "8 or 11");
    }

    @Test
    void a_bic_naming_no_country_is_refused() {
        refused(() -> Bic.of("DEUTXXFF"), "bic", "bic.country", "DEUTXXFF", "DEUTXXFF", "'XX'");
    }

    @Test
    void a_null_bic_is_refused() {
        assertThatNullPointerException().isThrownBy(() -> Bic.of(null)).withMessage("bic");
    }

    @Provide
    Arbitrary<String> bics() {
        Arbitrary<String> bank = Arbitraries.strings().withCharRange('A', 'Z').ofLength(4);
        Arbitrary<String> country = Arbitraries.of(Locale.getISOCountries());
        Arbitrary<String> location = Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(2);
        Arbitrary<String> branch = Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(3)
                .injectNull(0.5).map(b -> b == null ? "" : b);
        return Combinators.combine(bank, country, location, branch).as((b, c, l, br) -> b + c + l + br);
    }

    @Property
    @Label("a bank code, a country, a location and an optional branch make a BIC that round trips")
    void well_formed_bics_are_accepted_and_round_trip(@ForAll("bics") String value) {
        Bic bic = Bic.of(value);

        assertThat(bic.value()).isEqualTo(value);
        assertThat(Bic.of(bic.value())).isEqualTo(bic);
        assertThat(Bic.of(value.toLowerCase(Locale.ROOT))).isEqualTo(bic);
        assertThat(bic.countryCode()).isEqualTo(value.substring(4, 6));
    }

    @Property
    @Label("a BIC of any length other than 8 or 11 is refused")
    void any_other_length_is_refused(@ForAll @IntRange(min = 0, max = 20) int length) {
        net.jqwik.api.Assume.that(length != 8 && length != 11);
        String value = "DEUTDEFFXXXXXXXXXXXX".substring(0, length);

        refused(() -> Bic.of(value), "bic", "bic.format", value);
    }
}
