package org.crm4j.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Rendering substitutes values and never evaluates them. */
class TemplateRenderingPropertiesTest {

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("{}|$#%()[].\\ ").ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of("{client.name}", "{{client.name}}", "${java.version}", "#{1+1}", "{contact.name|x}",
                        "}", "{", "{manager.id}{today}", "<%= 7*7 %>", "{{", "T(java.lang.Runtime).exec('x')"));
    }

    @Property
    void valuesComeOutVerbatim(@ForAll("hostile") String client, @ForAll("hostile") String contact) {
        String rendered = TemplateEngine.render("<{client.name}|{contact.name|none}>",
                Map.of("client.name", client, "contact.name", contact));

        assertThat(rendered).isEqualTo("<" + client + "|" + (contact.isEmpty() ? "none" : contact) + ">");
    }

    @Property
    void textWithoutPlaceholdersIsItself(@ForAll("plain") String text) {
        assertThat(TemplateEngine.render(text, Map.of("client.name", "{client.name}"))).isEqualTo(text);
    }

    @Provide
    Arbitrary<String> plain() {
        return Arbitraries.strings().all().ofMaxLength(60).filter(s -> s.indexOf('{') < 0 && s.indexOf('}') < 0);
    }

    @Property
    void escapedBracesAreLiteral(@ForAll("plain") String text) {
        assertThat(TemplateEngine.render("{{" + text + "}}", Map.of())).isEqualTo("{" + text + "}");
    }
}
