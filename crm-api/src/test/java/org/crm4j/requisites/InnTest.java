package org.crm4j.requisites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.crm4j.tck.Refusals.accepts;
import static org.crm4j.tck.Refusals.refusal;
import static org.crm4j.tck.Refusals.refused;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.crm4j.common.ValidationException;
import org.crm4j.tck.ValidNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InnTest {
    private static final int[] W10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] W11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] W12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    // --- valid input -------------------------------------------------------------------------------------

    @Test
    void the_inn_of_sberbank_is_accepted_as_an_organisation_of_moscow() {
        Inn inn = Inn.of("7707083893");

        assertThat(inn.value()).isEqualTo("7707083893");
        assertThat(inn.isOrganisation()).isTrue();
        assertThat(inn.isIndividual()).isFalse();
        assertThat(inn.regionCode()).isEqualTo("77");
        assertThat(inn).hasToString("7707083893");
    }

    @Test
    void a_twelve_digit_inn_of_an_individual_is_accepted() {
        Inn inn = Inn.of("500100732259");

        assertThat(inn.isIndividual()).isTrue();
        assertThat(inn.isOrganisation()).isFalse();
        assertThat(inn.regionCode()).isEqualTo("50");
    }

    @Test
    void the_inn_of_gazprom_is_accepted() {
        assertThat(Inn.of("7736050003").isOrganisation()).isTrue();
    }

    // --- boundaries --------------------------------------------------------------------------------------

    @Test
    void surrounding_whitespace_is_stripped() {
        Inn inn = Inn.of(" \t7707083893\n ");

        assertThat(inn.value()).isEqualTo("7707083893");
        assertThat(inn).isEqualTo(Inn.of("7707083893")).hasSameHashCodeAs(Inn.of("7707083893"));
    }

    @Test
    void leading_zeros_are_kept() {
        String inn = withCheckDigit10("000012345");

        assertThat(Inn.of(inn).value()).isEqualTo(inn).startsWith("0000");
        assertThat(Inn.of(inn).regionCode()).isEqualTo("00");
    }

    @Test
    void all_zeros_pass_the_algorithm_in_both_lengths() {
        assertThat(Inn.of("0000000000").isOrganisation()).isTrue();
        assertThat(Inn.of("000000000000").isIndividual()).isTrue();
    }

    @Test
    void some_single_digit_typos_cannot_be_detected_by_the_algorithm_and_are_accepted() {
        // the weighted sum of 770000007 gives remainder 10, of 770400007 remainder 0: both check digits are 0
        assertThat(Inn.of("7700000070").value()).isEqualTo("7700000070");
        assertThat(Inn.of("7704000070").value()).isEqualTo("7704000070");
    }

    // --- bad input ---------------------------------------------------------------------------------------

    @Test
    void a_ten_digit_inn_with_a_wrong_check_digit_is_refused() {
        refused(() -> Inn.of("7707083894"), "inn", "inn.checksum", "7707083894", "7707083894", "check digit");
    }

    @Test
    void a_twelve_digit_inn_with_a_wrong_eleventh_digit_is_refused() {
        refused(() -> Inn.of("500100732269"), "inn", "inn.checksum", "500100732269", "500100732269", "check digit");
    }

    @Test
    void a_twelve_digit_inn_with_a_wrong_twelfth_digit_is_refused() {
        refused(() -> Inn.of("500100732258"), "inn", "inn.checksum", "500100732258", "check digit");
    }

    @Test
    void a_refused_checksum_reports_the_stripped_value() {
        refused(() -> Inn.of(" 7707083894 "), "inn", "inn.checksum", "7707083894");
    }

    @ParameterizedTest
    @ValueSource(strings = {"770708389", "77070838931", "7707083893000", "50010073225", "5001007322590",
            "7", ""})
    void an_inn_of_another_length_than_10_or_12_is_refused(String value) {
        refused(() -> Inn.of(value), "inn", "inn.format", value, "10 or 12 digits", "'" + value + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"77070838a3", "7707 083893", "7707-08389", "77070838９3", "+707083893", "770708389.",
            "   "})
    void an_inn_with_other_characters_than_digits_is_refused(String value) {
        refused(() -> Inn.of(value), "inn", "inn.format", value, "10 or 12 digits");
    }

    @Test
    void fullwidth_digits_are_not_digits_of_an_inn() {
        refused(() -> Inn.of("７７０７０８３８９３"), "inn", "inn.format", "７７０７０８３８９３");
    }

    @Test
    void a_null_inn_is_refused() {
        assertThatNullPointerException().isThrownBy(() -> Inn.of(null)).withMessage("inn");
    }

    // --- properties --------------------------------------------------------------------------------------

    @Property
    @Label("generated ten-digit INNs are accepted")
    void generated_ten_digit_inns_are_accepted(@ForAll @LongRange(min = 0, max = 9_999_999) long seq) {
        String value = ValidNumbers.innOrganisation(seq);

        Inn inn = Inn.of(value);

        assertThat(inn.value()).isEqualTo(value);
        assertThat(inn.isOrganisation()).isTrue();
    }

    @Property
    @Label("generated twelve-digit INNs are accepted")
    void generated_twelve_digit_inns_are_accepted(@ForAll @LongRange(min = 0, max = 99_999_999) long seq) {
        String value = ValidNumbers.innIndividual(seq);

        Inn inn = Inn.of(value);

        assertThat(inn.value()).isEqualTo(value);
        assertThat(inn.isIndividual()).isTrue();
    }

    @Property
    @Label("an INN built from any body with its check digits is accepted")
    void an_inn_built_from_any_body_with_its_check_digits_is_accepted(
            @ForAll @LongRange(min = 0, max = 9_999_999_999L) long body) {
        String ten = withCheckDigit10(pad(body % 1_000_000_000L, 9));
        String twelve = withCheckDigits12(pad(body, 10));

        assertThat(Inn.of(ten).value()).isEqualTo(ten);
        assertThat(Inn.of(twelve).value()).isEqualTo(twelve);
    }

    @Property
    @Label("any ten digits are accepted exactly when the oracle's check digit matches")
    void any_ten_digits_are_accepted_exactly_when_the_check_digit_matches(
            @ForAll @LongRange(min = 0, max = 9_999_999_999L) long number) {
        String value = pad(number, 10);

        assertThat(accepts(() -> Inn.of(value))).isEqualTo(oracleValid(value));
    }

    @Property
    @Label("any twelve digits are accepted exactly when the oracle's check digits match")
    void any_twelve_digits_are_accepted_exactly_when_the_check_digits_match(
            @ForAll @LongRange(min = 0, max = 999_999_999_999L) long number) {
        String value = pad(number, 12);

        assertThat(accepts(() -> Inn.of(value))).isEqualTo(oracleValid(value));
    }

    @Property
    @Label("round trip: of(inn.value()) equals inn")
    void an_inn_rebuilt_from_its_value_is_equal(@ForAll @LongRange(min = 0, max = 9_999_999) long seq) {
        Inn ten = Inn.of(ValidNumbers.innOrganisation(seq));
        Inn twelve = Inn.of(ValidNumbers.innIndividual(seq));

        assertThat(Inn.of(ten.value())).isEqualTo(ten);
        assertThat(Inn.of(twelve.value())).isEqualTo(twelve);
    }

    @Property
    @Label("changing the check digit of a ten-digit INN is always refused")
    void changing_the_check_digit_of_a_ten_digit_inn_is_refused(
            @ForAll @LongRange(min = 0, max = 9_999_999) long seq, @ForAll @IntRange(min = 1, max = 9) int shift) {
        String changed = shiftDigit(ValidNumbers.innOrganisation(seq), 9, shift);

        refused(() -> Inn.of(changed), "inn", "inn.checksum", changed, "check digit");
    }

    @Property
    @Label("changing either check digit of a twelve-digit INN is always refused")
    void changing_a_check_digit_of_a_twelve_digit_inn_is_refused(
            @ForAll @LongRange(min = 0, max = 99_999_999) long seq,
            @ForAll @IntRange(min = 10, max = 11) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        String changed = shiftDigit(ValidNumbers.innIndividual(seq), position, shift);

        refused(() -> Inn.of(changed), "inn", "inn.checksum", changed, "check digit");
    }

    @Property
    @Label("changing a body digit of a ten-digit INN is refused exactly when the check digit changes")
    void changing_a_body_digit_of_a_ten_digit_inn_is_refused_exactly_when_the_check_digit_changes(
            @ForAll @LongRange(min = 0, max = 9_999_999) long seq,
            @ForAll @IntRange(min = 0, max = 8) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        String changed = shiftDigit(ValidNumbers.innOrganisation(seq), position, shift);
        boolean undetectable = control(changed, W10) == digit(changed, 9);
        Statistics.label("ten-digit body change").collect(undetectable ? "undetectable" : "detected")
                .coverage(c -> c.check("undetectable").count(n -> n > 0));

        assertThat(accepts(() -> Inn.of(changed))).isEqualTo(undetectable);
        if (!undetectable) {
            refused(() -> Inn.of(changed), "inn", "inn.checksum", changed);
        }
    }

    @Property
    @Label("changing a body digit of a twelve-digit INN is refused exactly when a check digit changes")
    void changing_a_body_digit_of_a_twelve_digit_inn_is_refused_exactly_when_a_check_digit_changes(
            @ForAll @LongRange(min = 0, max = 99_999_999) long seq,
            @ForAll @IntRange(min = 0, max = 9) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        String changed = shiftDigit(ValidNumbers.innIndividual(seq), position, shift);
        boolean undetectable = control(changed, W11) == digit(changed, 10) && control(changed, W12) == digit(changed, 11);
        Statistics.label("twelve-digit body change").collect(undetectable ? "undetectable" : "detected");

        assertThat(accepts(() -> Inn.of(changed))).isEqualTo(undetectable);
        if (!undetectable) {
            refused(() -> Inn.of(changed), "inn", "inn.checksum", changed);
        }
    }

    @Property
    @Label("an INN of any other length is refused as a format error")
    void an_inn_of_any_other_length_is_refused(@ForAll @IntRange(min = 1, max = 20) int length) {
        Assume.that(length != 10 && length != 12);
        String value = "7".repeat(length);

        ValidationException e = refusal(() -> Inn.of(value));
        assertThat(e.violationCode()).isEqualTo("inn.format");
    }

    // --- the oracle, written out independently of Inn ---------------------------------------------------

    private static boolean oracleValid(String value) {
        if (value.length() == 10) {
            return control(value, W10) == digit(value, 9);
        }
        return control(value, W11) == digit(value, 10) && control(value, W12) == digit(value, 11);
    }

    private static int control(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digit(digits, i) * weights[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 0 : remainder;
    }

    private static String withCheckDigit10(String nine) {
        return nine + control(nine, W10);
    }

    private static String withCheckDigits12(String ten) {
        String eleven = ten + control(ten, W11);
        return eleven + control(eleven, W12);
    }

    private static int digit(String s, int i) {
        return s.charAt(i) - '0';
    }

    static String shiftDigit(String s, int position, int shift) {
        char changed = (char) ('0' + (digit(s, position) + shift) % 10);
        return s.substring(0, position) + changed + s.substring(position + 1);
    }

    static String pad(long value, int width) {
        return String.format("%0" + width + "d", value);
    }
}
