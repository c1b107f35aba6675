package org.crm4j.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.crm4j.tck.Refusals.refused;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"+74951234567", "+79161234567", "+442079460958", "+4930901820", "+12125551234"})
    void numbers_in_e164_form_are_accepted(String value) {
        PhoneNumber phone = PhoneNumber.of(value);

        assertThat(phone.e164()).isEqualTo(value);
        assertThat(phone).hasToString(value).isEqualTo(new PhoneNumber(value));
    }

    @Test
    void seven_digits_are_the_fewest_and_fifteen_the_most() {
        assertThat(PhoneNumber.of("+1234567").e164()).hasSize(8);
        assertThat(PhoneNumber.of("+123456789012345").e164()).hasSize(16);
    }

    @Test
    void six_digits_are_too_few() {
        refused(() -> PhoneNumber.of("+123456"), "phone", "phone.e164", "+123456", "E.164", "'+123456'");
    }

    @Test
    void sixteen_digits_are_too_many() {
        refused(() -> PhoneNumber.of("+1234567890123456"), "phone", "phone.e164", "+1234567890123456", "E.164");
    }

    @ParameterizedTest
    @ValueSource(strings = {"74951234567", "84951234567", "+04951234567", "+7 495 123-45-67", "8 (495) 123-45-67",
            "+7495123456a", "++74951234567", " +74951234567", "+74951234567 ", "", "+"})
    void numbers_not_in_e164_form_are_refused_and_not_normalised(String value) {
        refused(() -> PhoneNumber.of(value), "phone", "phone.e164", value, "E.164", "'" + value + "'");
    }

    @Test
    void a_null_number_is_refused() {
        assertThatNullPointerException().isThrownBy(() -> PhoneNumber.of(null)).withMessage("e164");
    }

    @Property
    @Label("a plus, a digit 1-9 and 6 to 14 more digits make an E.164 number that round trips")
    void e164_numbers_are_accepted_and_round_trip(@ForAll @IntRange(min = 1, max = 9) int first,
                                                  @ForAll @StringLength(min = 6, max = 14) @NumericChars String rest) {
        String value = "+" + first + rest;

        PhoneNumber phone = PhoneNumber.of(value);

        assertThat(phone.e164()).isEqualTo(value);
        assertThat(PhoneNumber.of(phone.e164())).isEqualTo(phone);
    }

    @Property
    @Label("fewer than 7 or more than 15 digits are refused")
    void other_lengths_are_refused(@ForAll @StringLength(min = 0, max = 30) @NumericChars String digits) {
        String value = "+9" + digits;
        int count = value.length() - 1;
        net.jqwik.api.Assume.that(count < 7 || count > 15);

        refused(() -> PhoneNumber.of(value), "phone", "phone.e164", value, "E.164");
    }
}
