package org.crm4j.requisites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.crm4j.tck.Refusals.refused;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BikTest {

    @Test
    void the_bik_of_sberbank_is_accepted() {
        Bik bik = Bik.of("044525225");

        assertThat(bik.value()).isEqualTo("044525225");
        assertThat(bik.isBankOfRussiaDivision()).isFalse();
        assertThat(bik).hasToString("044525225");
    }

    @ParameterizedTest
    @ValueSource(strings = {"044525000", "044525001", "044525002"})
    void a_bik_ending_in_000_001_or_002_is_a_bank_of_russia_division(String value) {
        assertThat(Bik.of(value).isBankOfRussiaDivision()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"044525003", "044525010", "044525100", "044525187"})
    void a_bik_ending_otherwise_is_a_bank(String value) {
        assertThat(Bik.of(value).isBankOfRussiaDivision()).isFalse();
    }

    @Test
    void surrounding_whitespace_is_stripped() {
        assertThat(Bik.of(" 044525225 ")).isEqualTo(Bik.of("044525225"));
    }

    @Test
    void the_smallest_and_largest_biks_of_russia_are_accepted() {
        assertThat(Bik.of("040000000").value()).isEqualTo("040000000");
        assertThat(Bik.of("049999999").value()).isEqualTo("049999999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"04452522", "0445252250", "", "04452522A", "0445 5225", "   "})
    void a_bik_of_another_length_or_with_other_characters_is_refused(String value) {
        refused(() -> Bik.of(value), "bik", "bik.format", value, "9 digits", "'" + value + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"054525225", "144525225", "004525988", "944525225"})
    void a_bik_not_starting_with_04_is_refused(String value) {
        refused(() -> Bik.of(value), "bik", "bik.country", value, value, "04");
    }

    @Test
    void a_null_bik_is_refused() {
        assertThatNullPointerException().isThrownBy(() -> Bik.of(null)).withMessage("bik");
    }

    @Property
    @Label("every 04 followed by seven digits is a BIK and round trips")
    void every_04_followed_by_seven_digits_is_accepted(@ForAll @IntRange(min = 0, max = 9_999_999) int rest) {
        String value = "04" + InnTest.pad(rest, 7);

        Bik bik = Bik.of(value);

        assertThat(bik.value()).isEqualTo(value);
        assertThat(Bik.of(bik.value())).isEqualTo(bik);
        assertThat(bik.isBankOfRussiaDivision()).isEqualTo(rest % 1000 <= 2);
    }

    @Property
    @Label("nine digits not starting with 04 are refused")
    void nine_digits_not_starting_with_04_are_refused(@ForAll @IntRange(min = 0, max = 999_999_999) int number) {
        String value = InnTest.pad(number, 9);
        Assume.that(!value.startsWith("04"));

        refused(() -> Bik.of(value), "bik", "bik.country", value);
    }
}
