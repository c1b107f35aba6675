package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.DuplicateException;
import org.crm4j.consent.ConsentPurpose;
import org.crm4j.template.Language;
import org.crm4j.template.MessageTemplate;
import org.crm4j.template.TemplateNotFoundException;
import org.crm4j.template.TemplateStore;
import org.crm4j.template.TemplateText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TemplateStore} must keep; an adapter extends this class and returns an empty store
 * from {@link #emptyStore()}.
 */
public abstract class TemplateStoreContract {

    /** A store with no templates; called before every test. */
    protected abstract TemplateStore emptyStore();

    protected TemplateStore store;

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    /** A marketing template {@code code} in Russian and English. */
    public static MessageTemplate template(String code) {
        return MessageTemplate.of(code, ConsentPurpose.MARKETING,
                TemplateText.of("Весеннее предложение для {client.name}",
                        "Здравствуйте, {contact.givenName|коллеги}!\nСкидка на {deal.amount}. {manager.name}"),
                TemplateText.of("A spring offer for {client.name}", "Hello {contact.givenName|there}!"));
    }

    @Test
    @DisplayName("a saved template comes back equal, with version 1, with both languages")
    void roundTrip() {
        MessageTemplate saved = store.save(template("spring-offer"));

        assertThat(saved.version()).isEqualTo(1);
        assertThat(store.findByCode("spring-offer")).contains(saved);
        assertThat(saved.texts()).containsOnlyKeys(Language.RU, Language.EN);
        assertThat(store.findByCode("autumn-offer")).isEmpty();
    }

    @Test
    @DisplayName("a template in one language comes back without the other")
    void oneLanguage() {
        MessageTemplate en = new MessageTemplate("invoice-issued", ConsentPurpose.SERVICE,
                Map.of(Language.EN, TemplateText.of("Invoice", "Your invoice is ready.")), 0);

        MessageTemplate saved = store.save(en);

        assertThat(store.findByCode("invoice-issued")).contains(saved);
        assertThat(saved.text(Language.RU)).isEmpty();
    }

    @Test
    @DisplayName("updates raise the version; a stale one, a taken code or one never stored is refused")
    void versions() {
        MessageTemplate v1 = store.save(template("welcome"));
        MessageTemplate v2 = store.save(new MessageTemplate("welcome", ConsentPurpose.SERVICE,
                Map.of(Language.RU, TemplateText.of("Добро пожаловать", "Рады видеть {client.name}")), 1));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(store.findByCode("welcome")).contains(v2);
        assertThatThrownBy(() -> store.save(v1)).isInstanceOf(ConcurrentModificationException.class);
        assertThatThrownBy(() -> store.save(template("welcome")))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("code"));
        assertThatThrownBy(() -> store.save(template("never-saved").withVersion(3)))
                .isInstanceOf(TemplateNotFoundException.class);
        assertThat(store.findByCode("never-saved")).isEmpty();
        assertThat(store.findByCode("welcome")).contains(v2);
    }

    @Test
    @DisplayName("all templates come by code")
    void all() {
        MessageTemplate b = store.save(template("b-offer"));
        MessageTemplate a = store.save(template("a-offer"));
        MessageTemplate c = store.save(template("c-offer"));

        assertThat(store.findAll()).containsExactly(a, b, c);
    }
}
