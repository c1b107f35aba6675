package org.crm4j.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link ClassifierEntry#isCode} against the rule written as a regular expression, its oracle. */
class ClassifierCodeTest {
    private static final Pattern RULE = Pattern.compile("[\\p{Ll}0-9][\\p{Ll}0-9_.-]{0,63}");

    @Provide
    Arbitrary<String> candidates() {
        Arbitrary<Character> chars = Arbitraries.of('a', 'z', 'я', 'ё', 'ß', 'A', 'Я', '0', '9', '٣', '_', '.', '-',
                ' ', '/', 'ǅ');
        Arbitrary<String> plain = chars.list().ofMinSize(0).ofMaxSize(70)
                .map(list -> list.stream().map(String::valueOf).reduce("", String::concat));
        Arbitrary<String> supplementary = Arbitraries.strings().withCharRange('a', 'c').ofMaxLength(64)
                .map(s -> s + "\uD835\uDC1A");   // MATHEMATICAL BOLD SMALL A, a lower-case letter of two chars
        return Arbitraries.oneOf(plain, supplementary, Arbitraries.strings().ofMaxLength(70));
    }

    @Property(tries = 3000)
    @Label("isCode accepts exactly what the rule accepts")
    void sameAsTheRule(@ForAll("candidates") String candidate) {
        assertThat(ClassifierEntry.isCode(candidate)).as("'%s'", candidate)
                .isEqualTo(RULE.matcher(candidate).matches());
    }

    @Test
    void boundaries() {
        assertThat(ClassifierEntry.isCode("call-in")).isTrue();
        assertThat(ClassifierEntry.isCode("выставка")).isTrue();
        assertThat(ClassifierEntry.isCode("a".repeat(64))).isTrue();
        assertThat(ClassifierEntry.isCode("a".repeat(65))).isFalse();
        assertThat(ClassifierEntry.isCode("")).isFalse();
        assertThat(ClassifierEntry.isCode("-call")).isFalse();
        assertThat(ClassifierEntry.isCode("Call")).isFalse();
        assertThat(ClassifierEntry.isCode("call in")).isFalse();
    }
}
