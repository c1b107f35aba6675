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

class OgrnipTest {

    // --- valid input -------------------------------------------------------------------------------------

    @Test
    void a_real_ogrnip_is_accepted() {
        Ogrnip ogrnip = Ogrnip.of("304500116000157");

        assertThat(ogrnip.value()).isEqualTo("304500116000157");
        assertThat(ogrnip).hasToString("304500116000157");
    }

    @Test
    void an_ogrnip_may_start_with_4_for_a_record_of_a_change() {
        String four = withCheckDigit("41577460012345");

        assertThat(Ogrnip.of(four).value()).isEqualTo(four);
    }

    @Test
    void a_remainder_of_ten_to_twelve_modulo_13_gives_the_check_digit_0_to_2() {
        // 30450000000001 modulo 13 is 10, so its check digit is 0
        assertThat(Long.parseLong("30450000000001") % 13).isEqualTo(10);
        assertThat(Ogrnip.of("304500000000010").value()).isEqualTo("304500000000010");
    }

    // --- boundaries --------------------------------------------------------------------------------------

    @Test
    void surrounding_whitespace_is_stripped() {
        assertThat(Ogrnip.of("\u2003304500116000157 ")).isEqualTo(Ogrnip.of("304500116000157"));
    }

    @Test
    void leading_zeros_after_the_sign_are_kept() {
        String ogrnip = withCheckDigit("30000000000000");

        assertThat(Ogrnip.of(ogrnip).value()).isEqualTo(ogrnip);
    }

    @Test
    void a_change_of_a_body_digit_that_keeps_the_check_digit_cannot_be_detected() {
        // 30450000000001 and 30460000000001 leave remainders 10 and 0 modulo 13: both check digits are 0
        assertThat(Ogrnip.of("304600000000010").value()).isEqualTo("304600000000010");
    }

    // --- bad input ---------------------------------------------------------------------------------------

    @Test
    void an_ogrnip_with_a_wrong_check_digit_is_refused() {
        refused(() -> Ogrnip.of("304500116000158"), "ogrnip", "ogrnip.checksum", "304500116000158",
                "304500116000158", "check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"104500116000157", "504500116000157", "004500116000157", "904500116000157"})
    void an_ogrnip_starting_with_another_digit_than_3_or_4_is_refused(String value) {
        refused(() -> Ogrnip.of(value), "ogrnip", "ogrnip.sign", value, value, "3 or 4");
    }

    @Test
    void an_ogrn_given_as_an_ogrnip_is_refused_for_its_length() {
        refused(() -> Ogrnip.of("1027700132195"), "ogrnip", "ogrnip.format", "1027700132195", "15 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30450011600015", "3045001160001570", "", "30450011600015O", "304500116 00157", " "})
    void an_ogrnip_of_another_length_or_with_other_characters_is_refused(String value) {
        refused(() -> Ogrnip.of(value), "ogrnip", "ogrnip.format", value, "15 digits", "'" + value + "'");
    }

    @Test
    void a_null_ogrnip_is_refused() {
        assertThatNullPointerException().isThrownBy(() -> Ogrnip.of(null)).withMessage("ogrnip");
    }

    // --- properties --------------------------------------------------------------------------------------

    @Property
    @Label("generated OGRNIPs are accepted")
    void generated_ogrnips_are_accepted(@ForAll @LongRange(min = 0, max = 999_999_999) long seq) {
        String value = ValidNumbers.ogrnip(seq);

        assertThat(Ogrnip.of(value).value()).isEqualTo(value);
    }

    @Property
    @Label("round trip: of(ogrnip.value()) equals ogrnip")
    void an_ogrnip_rebuilt_from_its_value_is_equal(@ForAll @LongRange(min = 0, max = 999_999_999) long seq) {
        Ogrnip ogrnip = Ogrnip.of(ValidNumbers.ogrnip(seq));

        assertThat(Ogrnip.of(ogrnip.value())).isEqualTo(ogrnip);
    }

    @Property
    @Label("changing the check digit of an OGRNIP is always refused")
    void changing_the_check_digit_is_refused(@ForAll @LongRange(min = 0, max = 999_999_999) long seq,
                                             @ForAll @IntRange(min = 1, max = 9) int shift) {
        String changed = InnTest.shiftDigit(ValidNumbers.ogrnip(seq), 14, shift);

        refused(() -> Ogrnip.of(changed), "ogrnip", "ogrnip.checksum", changed, "check digit");
    }

    @Property
    @Label("changing a body digit of an OGRNIP is refused exactly when the sign or the check digit breaks")
    void changing_a_body_digit_is_refused_exactly_when_the_check_digit_changes(
            @ForAll @LongRange(min = 0, max = 999_999_999) long seq,
            @ForAll @IntRange(min = 0, max = 13) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        String changed = InnTest.shiftDigit(ValidNumbers.ogrnip(seq), position, shift);
        boolean signOk = changed.charAt(0) == '3' || changed.charAt(0) == '4';
        boolean checkOk = control(changed) == changed.charAt(14) - '0';
        Statistics.label("body change").collect(!signOk ? "sign broken" : checkOk ? "undetectable" : "detected")
                .coverage(c -> c.check("undetectable").count(n -> n > 0));

        assertThat(accepts(() -> Ogrnip.of(changed))).isEqualTo(signOk && checkOk);
        if (!signOk) {
            refused(() -> Ogrnip.of(changed), "ogrnip", "ogrnip.sign", changed);
        } else if (!checkOk) {
            refused(() -> Ogrnip.of(changed), "ogrnip", "ogrnip.checksum", changed);
        }
    }

    @Property
    @Label("any fifteen digits starting with 3 or 4 are accepted exactly when the oracle's check digit matches")
    void any_fifteen_digits_are_accepted_exactly_when_valid(
            @ForAll @LongRange(min = 0, max = 199_999_999_999_999L) long number) {
        String value = (number < 100_000_000_000_000L ? "3" : "4") + InnTest.pad(number % 100_000_000_000_000L, 14);
        boolean valid = control(value) == value.charAt(14) - '0';

        assertThat(accepts(() -> Ogrnip.of(value))).isEqualTo(valid);
    }

    // --- the oracle: the first fourteen digits as a number, modulo 13 digit by digit, then modulo 10 ------

    private static int control(String digits) {
        int remainder = 0;
        for (int i = 0; i < 14; i++) {
            remainder = (remainder * 10 + (digits.charAt(i) - '0')) % 13;
        }
        return remainder >= 10 ? remainder - 10 : remainder;
    }

    private static String withCheckDigit(String fourteen) {
        return fourteen + control(fourteen);
    }
}
