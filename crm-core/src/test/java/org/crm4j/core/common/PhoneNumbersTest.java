package org.crm4j.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crm4j.common.PhoneNumber;
import org.crm4j.common.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {
    private final PhoneNumbers ru = PhoneNumbers.forRegion("RU");

    @ParameterizedTest(name = "\"{0}\" reads as +74951234567")
    @ValueSource(strings = {"8 (495) 123-45-67", "+7 495 123 45 67", "84951234567", "74951234567",
            "+7(495)123-45-67", "8-495-123-4567", " 495 123 45 67 ", "+7 495 123-45-67 "})
    @DisplayName("a Moscow number is read however a person types it")
    void russianForms(String typed) {
        assertThat(ru.parse(typed)).isEqualTo(PhoneNumber.of("+74951234567"));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"", "abc", "12", "+7 495 123", "+7 495 123 45 67 89 01 23"})
    @DisplayName("text that is no phone number, or too short or long for its country, is refused")
    void refused(String typed) {
        assertThatThrownBy(() -> ru.parse(typed))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    ValidationException v = (ValidationException) e;
                    assertThat(v.field()).isEqualTo("phone");
                    assertThat(v.violationCode()).isIn("phone.unreadable", "phone.invalid");
                    assertThat(v.rejectedValue()).isEqualTo(typed);
                });
    }

    @org.junit.jupiter.api.Test
    @DisplayName("a foreign number with its country code is read in any default region")
    void foreignNumbers() {
        assertThat(ru.parse("+49 30 1234567")).isEqualTo(PhoneNumber.of("+49301234567"));
        assertThat(PhoneNumbers.forRegion("DE").parse("030 1234567")).isEqualTo(PhoneNumber.of("+49301234567"));
        assertThat(ru.regionOf(PhoneNumber.of("+49301234567"))).isEqualTo("DE");
    }

    @org.junit.jupiter.api.Test
    @DisplayName("a Russian number is formatted the way it is dialled in Russia, a foreign one internationally")
    void formatting() {
        assertThat(ru.formatForDialling(PhoneNumber.of("+74951234567"))).isEqualTo("8 (495) 123-45-67");
        assertThat(ru.formatInternational(PhoneNumber.of("+74951234567"))).isEqualTo("+7 495 123-45-67");
        assertThat(ru.formatForDialling(PhoneNumber.of("+49301234567"))).isEqualTo("+49 30 1234567");
    }

    @org.junit.jupiter.api.Test
    @DisplayName("an unknown default region is refused")
    void badRegion() {
        assertThatThrownBy(() -> PhoneNumbers.forRegion("XX"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("defaultRegion"));
        assertThatThrownBy(() -> PhoneNumbers.forRegion(null)).isInstanceOf(NullPointerException.class);
    }

    @Property(tries = 500)
    @Label("a valid number formatted either way and read back is the same number")
    void formatThenParse(@ForAll("validNumbers") PhoneNumber number, @ForAll("regions") String region) {
        PhoneNumbers phones = PhoneNumbers.forRegion(region);

        assertThat(phones.parse(phones.formatInternational(number))).isEqualTo(number);
        assertThat(phones.parse(phones.formatForDialling(number))).isEqualTo(number);
        assertThat(PhoneNumber.of(number.e164())).isEqualTo(number);
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of(List.of("RU", "DE", "US", "GB", "KZ", "BY", "FR", "CN"));
    }

    /** Valid numbers of many countries: an example number's last digits replaced, kept when still valid. */
    @Provide
    Arbitrary<PhoneNumber> validNumbers() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        Set<String> regions = util.getSupportedRegions();
        Arbitrary<String> region = Arbitraries.of(regions.stream().sorted().toList());
        Arbitrary<PhoneNumberUtil.PhoneNumberType> type = Arbitraries.of(
                PhoneNumberUtil.PhoneNumberType.FIXED_LINE, PhoneNumberUtil.PhoneNumberType.MOBILE);
        Arbitrary<Integer> tail = Arbitraries.integers().between(0, 9999);
        return Combinators.combine(region, type, tail).as((r, t, digits) -> {
            Phonenumber.PhoneNumber example = util.getExampleNumberForType(r, t);
            if (example == null) {
                return null;
            }
            long national = example.getNationalNumber() / 10_000 * 10_000 + digits;
            Phonenumber.PhoneNumber candidate = new Phonenumber.PhoneNumber()
                    .setCountryCode(example.getCountryCode()).setNationalNumber(national)
                    .setItalianLeadingZero(example.isItalianLeadingZero())
                    .setNumberOfLeadingZeros(example.getNumberOfLeadingZeros());
            return util.isValidNumber(candidate)
                    ? PhoneNumber.of(util.format(candidate, PhoneNumberUtil.PhoneNumberFormat.E164)) : null;
        }).filter(java.util.Objects::nonNull);
    }
}
