package org.crm4j.requisites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.crm4j.tck.Refusals.refused;

import java.math.BigInteger;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IbanTest {

    // --- valid input -------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "GB82WEST12345698765432, GB",
            "DE89370400440532013000, DE",
            "FR1420041010050500013M02606, FR",
            "NL91ABNA0417164300, NL",
            "BE68539007547034, BE",
            "CH9300762011623852957, CH",
            "NO9386011117947, NO",
            "MT84MALT011000012345MTLCAST001S, MT"})
    void real_ibans_are_accepted(String value, String country) {
        Iban iban = Iban.of(value);

        assertThat(iban.value()).isEqualTo(value);
        assertThat(iban.countryCode()).isEqualTo(country);
        assertThat(iban).hasToString(value);
    }

    @Test
    void the_printed_form_in_groups_of_four_is_accepted_and_given_back() {
        Iban iban = Iban.of("GB82 WEST 1234 5698 7654 32");

        assertThat(iban.value()).isEqualTo("GB82WEST12345698765432");
        assertThat(iban.formatted()).isEqualTo("GB82 WEST 1234 5698 7654 32");
        assertThat(Iban.of("DE89370400440532013000").formatted()).isEqualTo("DE89 3704 0044 0532 0130 00");
    }

    @Test
    void lower_case_and_surrounding_whitespace_are_normalised() {
        assertThat(Iban.of("  gb82west12345698765432\t")).isEqualTo(Iban.of("GB82WEST12345698765432"));
    }

    @Test
    void a_kosovo_iban_is_accepted() {
        // Kosovo (XK) is in the IBAN registry with 20 characters; this is the central bank's own example
        Iban iban = Iban.of("XK05 1212 0123 4567 8906");

        assertThat(iban.value()).isEqualTo("XK051212012345678906");
        assertThat(iban.countryCode()).isEqualTo("XK");
    }

    // --- boundaries --------------------------------------------------------------------------------------

    @Test
    void the_shortest_registered_length_norway_15_is_accepted() {
        assertThat(Iban.of("NO9386011117947").value()).hasSize(15);
    }

    @Test
    void a_country_without_a_registered_length_is_accepted_from_15_to_34_characters() {
        String shortest = withCheckDigits("BR", "12345678901");
        String longest = withCheckDigits("BR", "123456789012345678901234567890");

        assertThat(Iban.of(shortest).value()).hasSize(15);
        assertThat(Iban.of(longest).value()).hasSize(34);
    }

    @Test
    void fourteen_or_thirty_five_characters_are_refused_as_a_format_error() {
        String tooShort = withCheckDigits("BR", "1234567890");
        String tooLong = withCheckDigits("BR", "1234567890123456789012345678901");

        refused(() -> Iban.of(tooShort), "iban", "iban.format", tooShort, "11 to 30");
        refused(() -> Iban.of(tooLong), "iban", "iban.format", tooLong, "11 to 30");
    }

    // --- bad input ---------------------------------------------------------------------------------------

    @Test
    void an_iban_with_wrong_check_digits_is_refused() {
        refused(() -> Iban.of("GB83WEST12345698765432"), "iban", "iban.checksum", "GB83WEST12345698765432",
                "GB83WEST12345698765432", "check digits");
    }

    @Test
    void an_iban_with_a_typo_in_the_account_is_refused() {
        refused(() -> Iban.of("DE89370400440532013001"), "iban", "iban.checksum", "DE89370400440532013001");
    }

    @Test
    void the_refused_value_is_reported_as_given() {
        refused(() -> Iban.of("GB83 WEST 1234 5698 7654 32"), "iban", "iban.checksum", "GB83 WEST 1234 5698 7654 32");
    }

    @Test
    void an_iban_of_the_wrong_length_for_its_country_is_refused() {
        refused(() -> Iban.of("GB82WEST1234569876543"), "iban", "iban.length", "GB82WEST1234569876543",
                "GB", "22", "21");
        refused(() -> Iban.of("DE893704004405320130001"), "iban", "iban.length", "DE893704004405320130001",
                "22", "23");
    }

    @Test
    void check_digits_00_01_and_99_are_refused_even_when_the_remainder_is_1() {
        // MOD 97-10 check digits are 02 to 98; DE02... is valid, so DE99... gives the same remainder but is no IBAN
        assertThat(Iban.of("DE02244757710465634148").value()).isEqualTo("DE02244757710465634148");

        refused(() -> Iban.of("DE99244757710465634148"), "iban", "iban.checksum", "DE99244757710465634148");
    }

    @Test
    void an_iban_of_no_country_is_refused() {
        refused(() -> Iban.of("XX82WEST12345698765432"), "iban", "iban.country", "XX82WEST12345698765432", "'XX'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"G882WEST12345698765432", "GBX2WEST12345698765432", "GB82WEST1234569876543!",
            "GB82-WEST-1234-5698-7654-32", "", "GB82", "   "})
    void an_iban_not_shaped_as_country_check_digits_and_account_is_refused(String value) {
        refused(() -> Iban.of(value), "iban", "iban.format", value, "'" + value + "'");
    }

    @Test
    void a_null_iban_is_refused() {
        assertThatNullPointerException().isThrownBy(() -> Iban.of(null)).withMessage("iban");
    }

    // --- properties --------------------------------------------------------------------------------------

    @Property
    @Label("German IBANs built from any eighteen digits are accepted and their printed form round trips")
    void generated_german_ibans_are_accepted(@ForAll @StringLength(18) @NumericChars String bban) {
        String value = withCheckDigits("DE", bban);

        Iban iban = Iban.of(value);

        assertThat(iban.value()).isEqualTo(value);
        assertThat(Iban.of(iban.value())).isEqualTo(iban);
        assertThat(Iban.of(iban.formatted())).isEqualTo(iban);
        assertThat(Iban.of(value.toLowerCase(Locale.ROOT))).isEqualTo(iban);
    }

    @Property
    @Label("British IBANs with any bank code and account are accepted")
    void generated_british_ibans_are_accepted(@ForAll @StringLength(4) @AlphaChars String bank,
                                              @ForAll @StringLength(14) @NumericChars String account) {
        String value = withCheckDigits("GB", bank.toUpperCase(Locale.ROOT) + account);

        assertThat(Iban.of(value).value()).isEqualTo(value);
    }

    @Property
    @Label("changing any single digit of an IBAN to another digit is always refused")
    void changing_any_digit_is_refused(@ForAll @StringLength(18) @NumericChars String bban,
                                       @ForAll @IntRange(min = 2, max = 21) int position,
                                       @ForAll @IntRange(min = 1, max = 9) int shift) {
        String changed = InnTest.shiftDigit(withCheckDigits("DE", bban), position, shift);

        refused(() -> Iban.of(changed), "iban", "iban.checksum", changed, "check digits");
    }

    @Property
    @Label("swapping two different adjacent digits of an IBAN is always refused")
    void swapping_adjacent_digits_is_refused(@ForAll @StringLength(18) @NumericChars String bban,
                                             @ForAll @IntRange(min = 2, max = 20) int position) {
        String valid = withCheckDigits("DE", bban);
        net.jqwik.api.Assume.that(valid.charAt(position) != valid.charAt(position + 1));
        String swapped = valid.substring(0, position) + valid.charAt(position + 1) + valid.charAt(position)
                + valid.substring(position + 2);

        refused(() -> Iban.of(swapped), "iban", "iban.checksum", swapped);
    }

    // --- the oracle: ISO 7064 MOD 97-10 written out independently of Iban -------------------------------

    private static String withCheckDigits(String country, String bban) {
        StringBuilder number = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            number.append(Character.isLetter(c) ? Integer.toString(c - 'A' + 10) : String.valueOf(c));
        }
        int check = 98 - new BigInteger(number.toString()).mod(BigInteger.valueOf(97)).intValue();
        return country + (check < 10 ? "0" + check : Integer.toString(check)) + bban;
    }
}
