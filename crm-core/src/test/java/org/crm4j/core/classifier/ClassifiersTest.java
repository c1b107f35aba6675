package org.crm4j.core.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.classifier.ClassifierKind;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.ValidationException;
import org.crm4j.core.Crm;
import org.crm4j.core.InMemoryStorage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClassifiersTest {
    private final Crm crm = Crm.builder().build();
    private final Classifiers classifiers = crm.classifiers();

    @Test
    @DisplayName("a new CRM knows the lead sources and interaction types of the mission, in Russian and English")
    void defaults() {
        assertThat(classifiers.list(ClassifierKind.LEAD_SOURCE)).extracting(ClassifierEntry::code)
                .containsExactly("advertising", "article", "catalogue", "exhibition", "referral", "website");
        assertThat(classifiers.displayName(ClassifierKind.INTERACTION_TYPE, "call-in", Locale.forLanguageTag("ru")))
                .isEqualTo("Входящий звонок");
        assertThat(classifiers.displayName(ClassifierKind.INTERACTION_TYPE, "call-in", Locale.ENGLISH))
                .isEqualTo("Inbound call");
        assertThat(classifiers.list(ClassifierKind.REGION)).isEmpty();
    }

    @Test
    @DisplayName("an unknown code is refused naming the field, the dictionary and the code")
    void unknownCodeRefused() {
        assertThatThrownBy(() -> classifiers.require("leadSource", ClassifierKind.LEAD_SOURCE, "television"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("leadSource");
                    assertThat(e.violationCode()).isEqualTo("classifier.unknown");
                    assertThat(e.rejectedValue()).isEqualTo("television");
                    assertThat(e.getMessage()).contains("lead source dictionary");
                });
        assertThat(classifiers.require("leadSource", ClassifierKind.LEAD_SOURCE, "website")).isNotNull();
        assertThat(classifiers.require("leadSource", ClassifierKind.LEAD_SOURCE, null)).isNull();
    }

    @Test
    @DisplayName("a deactivated entry is refused for new records but keeps its names for old ones")
    void deactivated() {
        classifiers.deactivate(ClassifierKind.LEAD_SOURCE, "catalogue");

        assertThatThrownBy(() -> classifiers.require("leadSource", ClassifierKind.LEAD_SOURCE, "catalogue"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationCode()).isEqualTo("classifier.inactive"));
        assertThat(classifiers.displayName(ClassifierKind.LEAD_SOURCE, "catalogue", Locale.ENGLISH))
                .isEqualTo("Catalogue");
        assertThat(classifiers.activate(ClassifierKind.LEAD_SOURCE, "catalogue").active()).isTrue();
    }

    @Test
    @DisplayName("the tenant defines its own regions; a code twice in one dictionary is a duplicate")
    void tenantEntries() {
        classifiers.define(ClassifierKind.REGION, "msk", "Москва", "Moscow");

        assertThatThrownBy(() -> classifiers.define(ClassifierKind.REGION, "msk", "Москва", "Moscow"))
                .isInstanceOf(DuplicateException.class);
        assertThat(classifiers.rename(ClassifierKind.REGION, "msk", "Москва и область", "Moscow region").version())
                .isEqualTo(2);
    }

    @Test
    @DisplayName("a bad code or an empty name is refused with every violation at once")
    void badEntry() {
        assertThatThrownBy(() -> classifiers.define(ClassifierKind.REGION, "Moscow City", " ", ""))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + " " + v.code())
                        .containsExactly("code classifier.code", "nameRu classifier.name", "nameEn classifier.name"));
    }

    @Test
    @DisplayName("building a CRM again adds only the defaults that are missing, leaving the tenant's changes")
    void defaultsAreAddedOnce() {
        InMemoryStorage storage = new InMemoryStorage();
        Crm first = Crm.builder().storage(storage).build();
        first.classifiers().rename(ClassifierKind.LEAD_SOURCE, "website", "Наш сайт", "Our website");

        Crm second = Crm.builder().storage(storage).build();

        assertThat(second.classifiers().get(ClassifierKind.LEAD_SOURCE, "website").nameRu()).isEqualTo("Наш сайт");
        assertThat(second.classifiers().defineMissing(Classifiers.defaults())).isZero();
        assertThat(Crm.builder().storage(new InMemoryStorage()).defaultClassifiers(false).build()
                .classifiers().list(ClassifierKind.LEAD_SOURCE)).isEmpty();
    }
}
