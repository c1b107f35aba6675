package org.crm4j.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.crm4j.tck.Refusals.refusal;
import static org.crm4j.tck.Refusals.refused;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @Test
    void an_address_is_lower_cased_and_stripped() {
        Email email = Email.of("  Ivan.Petrov@Example.RU \t");

        assertThat(email.value()).isEqualTo("ivan.petrov@example.ru");
        assertThat(email.domain()).isEqualTo("example.ru");
        assertThat(email).hasToString("ivan.petrov@example.ru").isEqualTo(Email.of("ivan.petrov@example.ru"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"info@sberbank.ru", "first.last+tag@mail.example.co.uk", "a@b.co",
            "o'brien@example.ie", "user_name-1@sub-domain.example.com", "x@xn--80ak6aa92e.xn--p1ai",
            "!#$%&'*+/=?^_`{|}~-@example.org", "1234@123.example"})
    void addresses_in_the_dot_atom_form_are_accepted(String value) {
        assertThat(Email.of(value).value()).isEqualTo(value);
    }

    @Test
    void a_one_letter_top_level_domain_is_accepted() {
        assertThat(Email.of("a@b.c").domain()).isEqualTo("b.c");
    }

    // --- boundaries --------------------------------------------------------------------------------------

    @Test
    void a_local_part_of_64_characters_is_accepted_and_of_65_refused() {
        String ok = "a".repeat(64) + "@example.ru";
        String tooLong = "a".repeat(65) + "@example.ru";

        assertThat(Email.of(ok).value()).isEqualTo(ok);
        refused(() -> Email.of(tooLong), "email", "email.invalid", tooLong, "is not an e-mail address");
    }

    @Test
    void an_address_of_254_characters_is_accepted_and_of_255_refused() {
        String local = "a".repeat(64);
        String domain254 = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
        String domain255 = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(62);
        String ok = local + "@" + domain254;
        String tooLong = local + "@" + domain255;
        assertThat(ok).hasSize(254);
        assertThat(tooLong).hasSize(255);

        assertThat(Email.of(ok).value()).isEqualTo(ok);
        refused(() -> Email.of(tooLong), "email", "email.invalid", tooLong);
    }

    @Test
    void a_domain_label_of_63_characters_is_accepted_and_of_64_refused() {
        String ok = "a@" + "b".repeat(63) + ".ru";
        String tooLong = "a@" + "b".repeat(64) + ".ru";

        assertThat(Email.of(ok).value()).isEqualTo(ok);
        refused(() -> Email.of(tooLong), "email", "email.invalid", tooLong);
    }

    // --- bad input ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"plainaddress", "@example.ru", "ivan@", "ivan@example", "ivan@@example.ru",
            "ivan petrov@example.ru", ".ivan@example.ru", "ivan.@example.ru", "iv..an@example.ru",
            "ivan@-example.ru", "ivan@example-.ru", "ivan@example..ru", "ivan@example.ru.", "ivan@.example.ru",
            "ivan@example.1ru", "ivan@exa_mple.ru", "\"ivan\"@example.ru", "ivan@[127.0.0.1]", "иван@пример.рф",
            "ivan@example.ru,petr@example.ru"})
    void an_address_not_in_the_dot_atom_form_is_refused(String value) {
        refused(() -> Email.of(value), "email", "email.invalid", value, "'" + value + "'",
                "is not an e-mail address");
    }

    @Test
    void an_empty_or_blank_address_is_refused() {
        refused(() -> Email.of(""), "email", "email.invalid", "");
        assertThat(refusal(() -> Email.of("   ")).violationCode()).isEqualTo("email.invalid");
    }

    @Test
    void a_null_address_is_refused() {
        assertThatNullPointerException().isThrownBy(() -> Email.of(null));
    }

    // --- properties --------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> local = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('.', '_', '+')
                .ofMinLength(1).ofMaxLength(30)
                .filter(s -> !s.startsWith(".") && !s.endsWith(".") && !s.contains(".."));
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> tld = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(6);
        return Combinators.combine(local, label, tld).as((l, d, t) -> l + "@" + d + "." + t);
    }

    @Property
    @Label("well-formed addresses are accepted whatever their case, and the value is lower case")
    void addresses_are_accepted_in_any_case_and_lower_cased(@ForAll("addresses") String value) {
        Email email = Email.of(value);

        assertThat(email.value()).isEqualTo(value);
        assertThat(Email.of(value.toUpperCase(Locale.ROOT))).isEqualTo(email);
        assertThat(Email.of(" " + mixCase(value) + " ").value()).isEqualTo(value);
    }

    @Property
    @Label("round trip: of(email.value()) equals email")
    void an_address_rebuilt_from_its_value_is_equal(@ForAll("addresses") String value) {
        Email email = Email.of(value.toUpperCase(Locale.ROOT));

        assertThat(Email.of(email.value())).isEqualTo(email);
        assertThat(email.value()).isEqualTo(email.value().toLowerCase(Locale.ROOT));
    }

    private static String mixCase(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
