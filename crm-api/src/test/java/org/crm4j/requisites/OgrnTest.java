package org.crm4j.requisites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.crm4j.tck.Refusals.accepts;
import static org.crm4j.tck.Refusals.refused;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.crm4j.tck.ValidNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OgrnTest {

    // --- valid input -------------------------------------------------------------------------------------

    @Test
    void the_ogrn_of_sberbank_is_accepted() {
        Ogrn ogrn = Ogrn.of("1027700132195");

        assertThat(ogrn.value()).isEqualTo("1027700132195");
        assertThat(ogrn.registrationYear()).isEqualTo(2);
        assertThat(ogrn).hasToString("1027700132195");
    }

    @Test
    void the_ogrn_of_gazprom_is_accepted() {
        assertThat(Ogrn.of("1027700070518").value()).isEqualTo("1027700070518");
    }

    @Test
    void an_ogrn_may_start_with_5_or_with_2_for_a_record_of_a_change() {
        String five = withCheckDigit("515774600123");
        String two = withCheckDigit("212774600123");

        assertThat(Ogrn.of(five).value()).isEqualTo(five);
        assertThat(Ogrn.of(two).value()).isEqualTo(two);
        assertThat(Ogrn.of(five).registrationYear()).isEqualTo(15);
    }

    // --- boundaries --------------------------------------------------------------------------------------

    @Test
    void surrounding_whitespace_is_stripped() {
        assertThat(Ogrn.of("  1027700132195\t")).isEqualTo(Ogrn.of("1027700132195"));
    }

    @Test
    void leading_zeros_after_the_sign_are_kept() {
        String ogrn = withCheckDigit("100000000001");

        assertThat(Ogrn.of(ogrn).value()).isEqualTo(ogrn).startsWith("100000000001");
        assertThat(Ogrn.of(ogrn).registrationYear()).isZero();
    }

    @Test
    void a_change_of_a_body_digit_that_keeps_the_check_digit_cannot_be_detected() {
        // 102770000002 and 112770000002 both leave remainder 10 modulo 11, so both check digits are 0
        assertThat(Ogrn.of("1027700000020").value()).isEqualTo("1027700000020");
        assertThat(Ogrn.of("1127700000020").value()).isEqualTo("1127700000020");
    }

    // --- bad input ---------------------------------------------------------------------------------------

    @Test
    void an_ogrn_with_a_wrong_check_digit_is_refused() {
        refused(() -> Ogrn.of("1027700132196"), "ogrn", "ogrn.checksum", "1027700132196",
                "1027700132196", "check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3027700132195", "0027700132195", "4027700132195", "9027700132195"})
    void an_ogrn_starting_with_another_digit_than_1_5_or_2_is_refused(String value) {
        refused(() -> Ogrn.of(value), "ogrn", "ogrn.sign", value, value, "1, 5 or 2");
    }

    @Test
    void an_ogrnip_given_as_an_ogrn_is_refused_for_its_length() {
        refused(() -> Ogrn.of("304500116000157"), "ogrn", "ogrn.format", "304500116000157", "13 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"102770013219", "10277001321950", "", "1", "102770013219a", "1027700 32195", "   "})
    void an_ogrn_of_another_length_or_with_other_characters_is_refused(String value) {
        refused(() -> Ogrn.of(value), "ogrn", "ogrn.format", value, "13 digits", "'" + value + "'");
    }

    @Test
    void a_null_ogrn_is_refused() {
        assertThatNullPointerException().isThrownBy(() -> Ogrn.of(null)).withMessage("ogrn");
    }

    // --- properties --------------------------------------------------------------------------------------

    @Property
    @Label("generated OGRNs are accepted")
    void generated_ogrns_are_accepted(@ForAll @LongRange(min = 0, max = 9_999_999) long seq) {
        String value = ValidNumbers.ogrn(seq);

        assertThat(Ogrn.of(value).value()).isEqualTo(value);
    }

    @Property
    @Label("an OGRN built from any body with a valid sign and its check digit is accepted")
    void an_ogrn_built_from_any_body_is_accepted(@ForAll @LongRange(min = 0, max = 99_999_999_999L) long body,
                                                @ForAll("signs") char sign) {
        String value = withCheckDigit(sign + InnTest.pad(body, 11));

        assertThat(Ogrn.of(value).value()).isEqualTo(value);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Character> signs() {
        return net.jqwik.api.Arbitraries.of('1', '2', '5');
    }

    @Property
    @Label("round trip: of(ogrn.value()) equals ogrn")
    void an_ogrn_rebuilt_from_its_value_is_equal(@ForAll @LongRange(min = 0, max = 9_999_999) long seq) {
        Ogrn ogrn = Ogrn.of(ValidNumbers.ogrn(seq));

        assertThat(Ogrn.of(ogrn.value())).isEqualTo(ogrn);
    }

    @Property
    @Label("changing the check digit of an OGRN is always refused")
    void changing_the_check_digit_is_refused(@ForAll @LongRange(min = 0, max = 9_999_999) long seq,
                                             @ForAll @IntRange(min = 1, max = 9) int shift) {
        String changed = InnTest.shiftDigit(ValidNumbers.ogrn(seq), 12, shift);

        refused(() -> Ogrn.of(changed), "ogrn", "ogrn.checksum", changed, "check digit");
    }

    @Property
    @Label("changing a body digit of an OGRN is refused exactly when the sign or the check digit breaks")
    void changing_a_body_digit_is_refused_exactly_when_the_check_digit_changes(
            @ForAll @LongRange(min = 0, max = 9_999_999) long seq,
            @ForAll @IntRange(min = 0, max = 11) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        String changed = InnTest.shiftDigit(ValidNumbers.ogrn(seq), position, shift);
        boolean signOk = "125".indexOf(changed.charAt(0)) >= 0;
        boolean checkOk = control(changed) == changed.charAt(12) - '0';
        Statistics.label("body change").collect(!signOk ? "sign broken" : checkOk ? "undetectable" : "detected")
                .coverage(c -> c.check("undetectable").count(n -> n > 0));

        assertThat(accepts(() -> Ogrn.of(changed))).isEqualTo(signOk && checkOk);
        if (!signOk) {
            refused(() -> Ogrn.of(changed), "ogrn", "ogrn.sign", changed);
        } else if (!checkOk) {
            refused(() -> Ogrn.of(changed), "ogrn", "ogrn.checksum", changed);
        }
    }

    @Property
    @Label("any thirteen digits are accepted exactly when the sign and the oracle's check digit agree")
    void any_thirteen_digits_are_accepted_exactly_when_valid(
            @ForAll @LongRange(min = 0, max = 9_999_999_999_999L) long number) {
        String value = InnTest.pad(number, 13);
        boolean valid = "125".indexOf(value.charAt(0)) >= 0 && control(value) == value.charAt(12) - '0';

        assertThat(accepts(() -> Ogrn.of(value))).isEqualTo(valid);
    }

    // --- the oracle: the first twelve digits as a number, modulo 11 digit by digit, then modulo 10 --------

    private static int control(String digits) {
        int remainder = 0;
        for (int i = 0; i < 12; i++) {
            remainder = (remainder * 10 + (digits.charAt(i) - '0')) % 11;
        }
        return remainder == 10 ? 0 : remainder;
    }

    private static String withCheckDigit(String twelve) {
        return twelve + control(twelve);
    }
}
