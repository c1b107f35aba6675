package org.crm4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientNamesTest {

    @Test
    void the_key_is_lower_case() {
        assertThat(ClientNames.searchKey("Рога И КОПЫТА")).isEqualTo("рога и копыта");
        assertThat(ClientNames.searchKey("ACME GmbH")).isEqualTo("acme gmbh");
    }

    @Test
    void yo_is_folded_to_ye_in_both_cases() {
        assertThat(ClientNames.searchKey("ёлка")).isEqualTo("елка");
        assertThat(ClientNames.searchKey("Ёлкин")).isEqualTo("елкин");
        assertThat(ClientNames.searchKey("ЁЖИК ВСЁ")).isEqualTo("ежик все");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '#', value = {
            "ООО «Ёлка-Палка»|ооо елка-палка",
            "ООО \"Ромашка\"|ооо ромашка",
            "АО 'Вектор'|ао вектор",
            "ЗАО „Север“|зао север",
            "ИП ‘Петров’|ип петров",
            "ООО ”Юг”|ооо юг",
            "`Backtick`|backtick",
            "Mc'Donald's|mcdonalds"})
    void quotes_of_every_kind_are_dropped(String name, String key) {
        assertThat(ClientNames.searchKey(name)).isEqualTo(key);
    }

    @Test
    void blanks_are_trimmed_and_runs_of_them_collapsed_to_one_space() {
        assertThat(ClientNames.searchKey("  Рога \t\n и   копыта  ")).isEqualTo("рога и копыта");
    }

    @Test
    void a_blank_left_by_dropped_quotes_is_collapsed_too() {
        assertThat(ClientNames.searchKey("ООО « Ёлка » ")).isEqualTo("ооо елка");
        assertThat(ClientNames.searchKey("«»")).isEmpty();
    }

    @Test
    void other_punctuation_is_kept() {
        assertThat(ClientNames.searchKey("Рога, Копыта & Co.")).isEqualTo("рога, копыта & co.");
        assertThat(ClientNames.searchKey("Ёлка-Палка")).isEqualTo("елка-палка");
    }

    @Test
    void an_empty_or_blank_name_gives_an_empty_key() {
        assertThat(ClientNames.searchKey("")).isEmpty();
        assertThat(ClientNames.searchKey(" \t ")).isEmpty();
    }

    @Test
    void a_typed_prefix_gets_a_key_that_prefixes_the_name_key() {
        assertThat(ClientNames.searchKey("ООО «Ёлка-Палка»")).startsWith(ClientNames.searchKey("ооо ЕЛК"));
    }

    @Test
    void a_null_name_is_refused() {
        assertThatNullPointerException().isThrownBy(() -> ClientNames.searchKey(null)).withMessage("name");
    }

    // --- properties --------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings()
                .withCharRange('а', 'я').withCharRange('А', 'Я').withCharRange('a', 'z').withCharRange('A', 'Z')
                .withChars('ё', 'Ё', ' ', '\t', '\n', '«', '»', '"', '\'', '„', '“', '”', '‘', '’', '`', '-', '.', ',')
                .ofMaxLength(60);
    }

    @Property
    @Label("a key has no upper case, no yo, no quotes and no blanks at the ends or twice in a row")
    void a_key_is_normalised(@ForAll("names") String name) {
        String key = ClientNames.searchKey(name);

        assertThat(key).isEqualTo(key.toLowerCase(Locale.ROOT));
        assertThat(key).doesNotContain("ё", "«", "»", "\"", "'", "„", "“", "”", "‘", "’", "`", "  ", "\t", "\n");
        assertThat(key).isEqualTo(key.strip());
    }

    @Property
    @Label("the key of a key is the key itself")
    void the_key_is_idempotent(@ForAll("names") String name) {
        String key = ClientNames.searchKey(name);

        assertThat(ClientNames.searchKey(key)).isEqualTo(key);
    }

    @Property
    @Label("case, yo and quotes do not change the key")
    void case_yo_and_quotes_do_not_change_the_key(@ForAll("names") String name) {
        String key = ClientNames.searchKey(name);

        assertThat(ClientNames.searchKey(name.toUpperCase(Locale.ROOT))).isEqualTo(key);
        assertThat(ClientNames.searchKey(name.replace('ё', 'е').replace('Ё', 'Е'))).isEqualTo(key);
        assertThat(ClientNames.searchKey("«" + name + "»")).isEqualTo(key);
    }
}
