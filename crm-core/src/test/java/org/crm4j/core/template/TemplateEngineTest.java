package org.crm4j.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violation;
import org.crm4j.consent.ConsentPurpose;
import org.crm4j.template.MessageTemplate;
import org.crm4j.template.TemplateText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TemplateEngineTest {

    @Test
    @DisplayName("placeholders are replaced by their values; missing ones by their fallback or nothing")
    void substitution() {
        String text = "Уважаемый {contact.givenName|клиент}, {client.name} {deal.amount}!";

        assertThat(TemplateEngine.render(text, Map.of("contact.givenName", "Иван", "client.name", "Рога")))
                .isEqualTo("Уважаемый Иван, Рога !");
        assertThat(TemplateEngine.render(text, Map.of("contact.givenName", "", "client.name", "Рога")))
                .isEqualTo("Уважаемый клиент, Рога !");
    }

    @Test
    @DisplayName("doubled braces are literal braces")
    void escapes() {
        assertThat(TemplateEngine.render("{{client.name}} = {client.name}", Map.of("client.name", "X")))
                .isEqualTo("{client.name} = X");
    }

    @Test
    @DisplayName("a template with unknown placeholders is refused at save, naming each bad text")
    void unknownRefused() {
        MessageTemplate bad = MessageTemplate.of("offer", ConsentPurpose.MARKETING,
                TemplateText.of("Для {client.name}", "Привет, {contact.nickname} и {client.getClass}"),
                TemplateText.of("For {client.nam}", "Hello {client.name"));

        assertThatThrownBy(() -> TemplateEngine.check(bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::field)
                            .containsExactly("texts.ru.body", "texts.en.subject", "texts.en.body");
                    assertThat(e.violations()).extracting(Violation::code).containsOnly("template.placeholder");
                    assertThat(e.violations().get(0).message())
                            .contains("{client.getClass}", "{contact.nickname}");
                    assertThat(e.violations().get(2).message()).contains("unclosed");
                });
    }

    @Test
    @DisplayName("every placeholder of the catalogue is accepted")
    void catalogue() {
        String all = String.join(" ", TemplateEngine.PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList());

        TemplateEngine.check(MessageTemplate.of("all", ConsentPurpose.SERVICE, TemplateText.of("s", all), null));
        assertThat(TemplateEngine.parse(all).placeholders()).hasSize(TemplateEngine.PLACEHOLDERS.size());
    }

    @Test
    @DisplayName("a lone closing brace is refused")
    void loneBrace() {
        assertThatThrownBy(() -> TemplateEngine.parse("a } b"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("lone '}'"));
    }
}
