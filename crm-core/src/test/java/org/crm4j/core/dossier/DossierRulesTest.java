package org.crm4j.core.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crm4j.common.ValidationException;
import org.crm4j.core.common.Decision;
import org.crm4j.dossier.Dossier;
import org.crm4j.dossier.DossierEvent;
import org.crm4j.dossier.DossierId;
import org.crm4j.dossier.DossierKind;
import org.crm4j.dossier.DossierLink;
import org.crm4j.dossier.DossierLinkType;
import org.crm4j.dossier.DossierSubjects;
import org.crm4j.dossier.DossierTags;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.crm4j.tck.Refusals;

class DossierRulesTest {
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    private static Dossier dossier(long n, DossierKind kind) {
        return Dossier.open(DossierId.of(new UUID(5, n)), kind, kind + " " + n, null, Set.of(), T).withVersion(1);
    }

    @Property
    @Label("a link is allowed exactly from the kind its type starts at to the kind it points to")
    void linkRule(@ForAll DossierKind source, @ForAll DossierKind target, @ForAll DossierLinkType type) {
        Dossier from = dossier(1, source);
        Dossier to = dossier(2, target);

        boolean accepted = Refusals.accepts(() -> DossierRules.link(from, type, to, T));

        assertThat(accepted).isEqualTo(type.from() == source && type.to() == target);
        assertThat(accepted).isEqualTo(type.allows(source, target));
    }

    @Property
    @Label("a dossier never links to itself, whatever the type")
    void noSelfLink(@ForAll DossierLinkType type) {
        Dossier self = dossier(3, type.from());

        ValidationException e = Refusals.refusal(() -> DossierRules.link(self, type, self, T));

        assertThat(e.violationCode()).isEqualTo("dossier.link-self");
    }

    @Property
    @Label("a normalised tag is its own normal form, and a record accepts a tag exactly when its normal form is a tag")
    void tagNormalisation(@ForAll("typedTags") String typed) {
        String normal = DossierTags.normalise(typed);

        assertThat(DossierTags.normalise(normal)).isEqualTo(normal);
        boolean accepted = Refusals.accepts(() -> dossier(4, DossierKind.FIRM).withTags(List.of(typed), T));
        assertThat(accepted).isEqualTo(DossierTags.isTag(normal));
        if (accepted) {
            assertThat(dossier(4, DossierKind.FIRM).withTags(List.of(typed), T).tags()).containsExactly(normal);
        }
    }

    @Provide
    Arbitrary<String> typedTags() {
        Arbitrary<String> words = Arbitraries.strings().withChars("абвгдеёжАБВЁabcXYZ019_.- \t").ofMinLength(0)
                .ofMaxLength(70);
        return Arbitraries.oneOf(words, Arbitraries.strings().ofMaxLength(20));
    }

    @Property
    @Label("a subject is found by the start of each of its words, typed in any case, and by nothing inside a word")
    void subjectWords(@ForAll("subjects") List<String> words, @ForAll boolean upper) {
        String subject = String.join(" ", words);
        String key = DossierSubjects.searchKey(subject);
        for (String word : words) {
            String typed = word.substring(0, Math.max(1, word.length() / 2));
            typed = upper ? typed.toUpperCase(Locale.ROOT) : typed;
            assertThat(DossierSubjects.matches(key, DossierSubjects.searchKey(typed))).as(typed).isTrue();
        }
        assertThat(DossierSubjects.matches(key, "")).isFalse();
        assertThat(DossierSubjects.wordStarts(key)).hasSize(words.size()).allMatch(key::endsWith);
    }

    @Provide
    Arbitrary<List<String>> subjects() {
        return Arbitraries.strings().withChars("абвгдеёжзийклмнопрстуфхцчшщэюяabcdefxyz0123").ofMinLength(1)
                .ofMaxLength(12).list().ofMinSize(1).ofMaxSize(6);
    }

    @Test
    @DisplayName("linking twice, unlinking what is not there, attaching twice: no event, nothing to save")
    void idempotentCommands() {
        Dossier person = dossier(5, DossierKind.PERSON);
        Dossier firm = dossier(6, DossierKind.FIRM);
        Decision<Dossier, DossierEvent> linked = DossierRules.link(person, DossierLinkType.WORKS_AT, firm, T);

        assertThat(linked.events()).hasSize(1);
        assertThat(DossierRules.link(linked.state(), DossierLinkType.WORKS_AT, firm, T).events()).isEmpty();
        assertThat(DossierRules.unlink(person, DossierLink.of(DossierLinkType.WORKS_AT, firm.id()), T).events())
                .isEmpty();
        assertThat(DossierRules.rename(person, "  " + person.subject() + " ", T).events()).isEmpty();
    }

    @Test
    @DisplayName("a product that works at a firm is refused, naming the type and both kinds")
    void wrongKinds() {
        Dossier product = dossier(7, DossierKind.PRODUCT);
        Dossier firm = dossier(8, DossierKind.FIRM);

        Refusals.refused(() -> DossierRules.link(product, DossierLinkType.WORKS_AT, firm, T), "type",
                "dossier.link-kind", "WORKS_AT", "PERSON", "PRODUCT");
    }
}
