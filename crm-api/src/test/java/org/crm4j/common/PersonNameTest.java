package org.crm4j.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.crm4j.tck.Refusals.refusal;
import static org.crm4j.tck.Refusals.refused;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameTest {

    @Test
    void a_russian_name_with_a_patronymic_is_accepted() {
        PersonName name = PersonName.of("Иванов", "Иван", "Иванович");

        assertThat(name.fullName()).isEqualTo("Иванов Иван Иванович");
        assertThat(name.shortName()).isEqualTo("Иванов И. И.");
        assertThat(name).hasToString("Иванов Иван Иванович");
    }

    @Test
    void a_name_without_a_patronymic_is_accepted() {
        PersonName name = PersonName.of("Smith", "John");

        assertThat(name.patronymic()).isNull();
        assertThat(name.fullName()).isEqualTo("Smith John");
        assertThat(name.shortName()).isEqualTo("Smith J.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Салтыков-Щедрин", "O'Brien", "д’Артаньян", "St. John", "van der Berg", "Ёлкин",
            "Müller", "José", "Jose\u0301", "李", "Ng"})
    void surnames_with_letters_hyphens_apostrophes_dots_and_spaces_are_accepted(String surname) {
        assertThat(PersonName.of(surname, "Иван").surname()).isEqualTo(surname);
    }

    @Test
    void a_given_name_in_lower_case_gets_an_upper_case_initial() {
        assertThat(PersonName.of("Петров", "пётр", "алексеевич").shortName()).isEqualTo("Петров П. А.");
    }

    @Test
    void an_initial_outside_the_basic_multilingual_plane_is_kept_whole() {
        // 𠮷 (U+20BB7) is one letter written as two UTF-16 chars; the short name must not cut it in half
        PersonName name = PersonName.of("田中", "𠮷子", "𠀋");

        assertThat(name.shortName()).isEqualTo("田中 𠮷. 𠀋.");
    }

    // --- boundaries --------------------------------------------------------------------------------------

    @Test
    void parts_are_stripped_and_inner_blanks_collapsed() {
        PersonName name = PersonName.of("  van   der \t Berg ", "\tAnna\n", "  ");

        assertThat(name.surname()).isEqualTo("van der Berg");
        assertThat(name.givenName()).isEqualTo("Anna");
        assertThat(name.patronymic()).isNull();
    }

    @Test
    void a_single_letter_is_the_shortest_part() {
        assertThat(PersonName.of("Ю", "Я", "Э").fullName()).isEqualTo("Ю Я Э");
    }

    @Test
    void a_part_of_100_characters_is_accepted_and_of_101_refused() {
        String hundred = "Щ".repeat(100);
        String hundredAndOne = "Щ".repeat(101);

        assertThat(PersonName.of(hundred, "Иван").surname()).hasSize(100);
        refused(() -> PersonName.of(hundredAndOne, "Иван"), "surname", "name.characters", hundredAndOne,
                "1 to 100");
    }

    @Test
    void collapsing_blanks_can_bring_a_part_within_100_characters() {
        String padded = "А" + " ".repeat(50) + "Б".repeat(98);

        assertThat(PersonName.of(padded, "Иван").surname()).hasSize(100);
    }

    // --- bad input ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Иванов1", "-Иванов", "'Brien", ".Иванов", "Иванов!", "Ivan_ov", "Иванов (Петров)", "42"})
    void a_part_with_other_characters_or_not_starting_with_a_letter_is_refused(String surname) {
        refused(() -> PersonName.of(surname, "Иван"), "surname", "name.characters", surname,
                "surname", "letters", "'" + surname + "'");
    }

    @Test
    void the_rejected_value_is_the_part_as_given() {
        refused(() -> PersonName.of("Иван", " Пётр1 "), "givenName", "name.characters", " Пётр1 ");
    }

    @Test
    void a_missing_surname_is_refused() {
        refused(() -> PersonName.of(null, "Иван"), "surname", "name.required", null, "surname is required");
    }

    @Test
    void a_blank_given_name_is_refused() {
        refused(() -> PersonName.of("Иванов", "   "), "givenName", "name.required", "   ", "givenName is required");
    }

    @Test
    void a_bad_patronymic_is_refused_but_a_missing_one_is_not() {
        refused(() -> PersonName.of("Иванов", "Иван", "Иван0вич"), "patronymic", "name.characters", "Иван0вич");
        assertThat(PersonName.of("Иванов", "Иван", null).patronymic()).isNull();
    }

    @Test
    void every_bad_part_is_reported_at_once() {
        ValidationException e = refusal(() -> PersonName.of(null, "", "123"));

        assertThat(e.violations()).extracting(Violation::field, Violation::code).containsExactly(
                tuple("surname", "name.required"),
                tuple("givenName", "name.required"),
                tuple("patronymic", "name.characters"));
    }

    // --- properties --------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> parts() {
        Arbitrary<Character> first = Arbitraries.chars().range('А', 'я');
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('а', 'я').withChars('ё', '-', '\'', ' ')
                .ofMaxLength(40);
        return net.jqwik.api.Combinators.combine(first, rest).as((f, r) -> f + r);
    }

    @Property
    @Label("a name rebuilt from its parts is equal, and its full name joins the normalised parts")
    void a_name_rebuilt_from_its_parts_is_equal(@ForAll("parts") String surname, @ForAll("parts") String given,
                                                @ForAll("parts") String patronymic) {
        PersonName name = PersonName.of(surname, given, patronymic);

        assertThat(PersonName.of(name.surname(), name.givenName(), name.patronymic())).isEqualTo(name);
        assertThat(name.fullName()).isEqualTo(name.surname() + " " + name.givenName() + " " + name.patronymic());
        assertThat(name.surname()).doesNotContain("  ").isEqualTo(name.surname().strip());
    }
}
