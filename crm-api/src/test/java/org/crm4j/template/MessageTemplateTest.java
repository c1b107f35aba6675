package org.crm4j.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.crm4j.common.Violation;
import org.crm4j.consent.ConsentPurpose;
import org.crm4j.tck.Refusals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {
    private static final TemplateText RU = TemplateText.of("Тема", "Текст");
    private static final TemplateText EN = TemplateText.of("Subject", "Text");

    @Test
    @DisplayName("a text is stripped; a subject of 300 characters and a body of 4000 are accepted, one more is not")
    void textBounds() {
        assertThat(TemplateText.of("  Тема ", "\nТекст\n")).isEqualTo(RU);
        TemplateText.of("s".repeat(300), "b".repeat(4000));

        Refusals.refused(() -> TemplateText.of("s".repeat(301), "b"), "subject", "template.subject", "301");
        Refusals.refused(() -> TemplateText.of("s", "b".repeat(4001)), "body", "template.body", "4001");
        assertThat(Refusals.refusal(() -> TemplateText.of(" ", null)).violations()).extracting(Violation::field)
                .containsExactly("subject", "body");
    }

    @Test
    @DisplayName("a template has a code and at least one language; the recipient's language, else Russian, else English")
    void languages() {
        MessageTemplate both = MessageTemplate.of("offer", ConsentPurpose.MARKETING, RU, EN);
        MessageTemplate english = new MessageTemplate("offer", ConsentPurpose.MARKETING, Map.of(Language.EN, EN), 0);

        assertThat(both.textFor(Language.EN)).isEqualTo(EN);
        assertThat(both.textFor(Language.RU)).isEqualTo(RU);
        assertThat(MessageTemplate.of("offer", ConsentPurpose.SERVICE, RU, null).textFor(Language.EN)).isEqualTo(RU);
        assertThat(english.textFor(Language.RU)).isEqualTo(EN);
        assertThat(english.text(Language.RU)).isEmpty();

        Refusals.refused(() -> new MessageTemplate("offer", ConsentPurpose.SERVICE, Map.of(), 0), "texts",
                "template.texts", null);
        Refusals.refused(() -> MessageTemplate.of("Spring Offer", ConsentPurpose.SERVICE, RU, null), "code",
                "classifier.code", "Spring Offer");
        Refusals.refused(() -> MessageTemplate.of("offer", ConsentPurpose.SERVICE, RU, null).withVersion(-1),
                "version", "template.version", "-1");
        assertThatThrownBy(() -> MessageTemplate.of("offer", null, RU, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("languages have their ISO codes and come from a locale")
    void languageCodes() {
        assertThat(Language.RU.code()).isEqualTo("ru");
        assertThat(Language.of(java.util.Locale.ENGLISH)).isEqualTo(Language.EN);
        assertThat(Language.of(java.util.Locale.GERMAN)).isEqualTo(Language.RU);
    }
}
