package org.crm4j.requisites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.crm4j.tck.Refusals.refusal;
import static org.crm4j.tck.Refusals.refused;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.crm4j.common.ValidationException;
import org.crm4j.tck.ValidNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KppTest {

    @Test
    void the_kpp_of_sberbank_is_accepted() {
        Kpp kpp = Kpp.of("773601001");

        assertThat(kpp.value()).isEqualTo("773601001");
        assertThat(kpp.taxOffice()).isEqualTo("7736");
        assertThat(kpp).hasToString("773601001");
    }

    @Test
    void a_reason_of_capital_latin_letters_is_accepted() {
        assertThat(Kpp.of("7736AB001").value()).isEqualTo("7736AB001");
        assertThat(Kpp.of("77360Z001").value()).isEqualTo("77360Z001");
    }

    @Test
    void lower_case_letters_of_the_reason_are_upper_cased() {
        assertThat(Kpp.of("7736ab001")).isEqualTo(Kpp.of("7736AB001"));
    }

    @Test
    void surrounding_whitespace_is_stripped() {
        assertThat(Kpp.of("  773601001\t").value()).isEqualTo("773601001");
    }

    @Test
    void leading_zeros_are_kept() {
        assertThat(Kpp.of("000000000").value()).isEqualTo("000000000");
        assertThat(Kpp.of("000000000").taxOffice()).isEqualTo("0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"77360100", "7736010011", "", "1"})
    void a_kpp_of_another_length_than_nine_is_refused(String value) {
        refused(() -> Kpp.of(value), "kpp", "kpp.format", value, "4 digits", "'" + value + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"77A601001", "773601A01", "77360100Z", "7736-1001", "7736 1001", "7736АБ001"})
    void a_kpp_with_a_letter_or_sign_where_a_digit_belongs_or_a_cyrillic_letter_is_refused(String value) {
        refused(() -> Kpp.of(value), "kpp", "kpp.format", value, "KPP must be");
    }

    @Test
    void a_blank_kpp_is_refused() {
        ValidationException e = refusal(() -> Kpp.of("   "));

        assertThat(e.field()).isEqualTo("kpp");
        assertThat(e.violationCode()).isEqualTo("kpp.format");
    }

    @Test
    void a_null_kpp_is_refused() {
        assertThatNullPointerException().isThrownBy(() -> Kpp.of(null)).withMessage("kpp");
    }

    @Property
    @Label("generated KPPs are accepted")
    void generated_kpps_are_accepted(@ForAll @LongRange(min = 0, max = 999) long seq) {
        String value = ValidNumbers.kpp(seq);

        assertThat(Kpp.of(value).value()).isEqualTo(value);
    }

    @Property
    @Label("four digits, two digits or capital letters and three digits are accepted and round trip")
    void any_well_formed_kpp_is_accepted_and_round_trips(@ForAll("kpps") String value) {
        Kpp kpp = Kpp.of(value);

        assertThat(kpp.value()).isEqualTo(value);
        assertThat(Kpp.of(kpp.value())).isEqualTo(kpp);
        assertThat(Kpp.of(value.toLowerCase(java.util.Locale.ROOT))).isEqualTo(kpp);
    }

    @Provide
    Arbitrary<String> kpps() {
        Arbitrary<String> office = Arbitraries.strings().numeric().ofLength(4);
        Arbitrary<String> reason = Arbitraries.strings().numeric().withCharRange('A', 'Z').ofLength(2);
        Arbitrary<String> sequence = Arbitraries.strings().numeric().ofLength(3);
        return Combinators.combine(office, reason, sequence).as((o, r, s) -> o + r + s);
    }
}
