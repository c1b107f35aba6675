package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.classifier.ClassifierKind;
import org.crm4j.classifier.ClassifierStore;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ClassifierStore} must keep; an adapter extends this class and returns an empty
 * store from {@link #emptyStore()}.
 */
public abstract class ClassifierStoreContract {

    /** A store with no entries; called before every test. */
    protected abstract ClassifierStore emptyStore();

    protected ClassifierStore store;

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    private static ClassifierEntry exhibition() {
        return ClassifierEntry.of(ClassifierKind.LEAD_SOURCE, "exhibition", "Выставка", "Exhibition");
    }

    @Test
    @DisplayName("a saved entry comes back equal, with version 1")
    void roundTrip() {
        ClassifierEntry saved = store.save(exhibition());

        assertThat(saved).isEqualTo(exhibition().withVersion(1));
        assertThat(store.find(ClassifierKind.LEAD_SOURCE, "exhibition")).contains(saved);
    }

    @Test
    @DisplayName("an unknown code, or a code of another dictionary, is not found")
    void unknownCode() {
        store.save(exhibition());

        assertThat(store.find(ClassifierKind.LEAD_SOURCE, "television")).isEmpty();
        assertThat(store.find(ClassifierKind.INTERACTION_TYPE, "exhibition")).isEmpty();
    }

    @Test
    @DisplayName("the same code may stand in two dictionaries, but not twice in one")
    void codesAreUniquePerDictionary() {
        store.save(exhibition());
        store.save(ClassifierEntry.of(ClassifierKind.MARKETING_ACTION, "exhibition", "Стенд на выставке", "Booth"));

        assertThatThrownBy(() -> store.save(exhibition()))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("code"));
        assertThat(store.list(ClassifierKind.MARKETING_ACTION)).hasSize(1);
    }

    @Test
    @DisplayName("an update raises the version; a stale one is refused and changes nothing")
    void optimisticLocking() {
        ClassifierEntry v1 = store.save(exhibition());
        ClassifierEntry v2 = store.save(v1.renamed("Выставка, ярмарка", "Exhibition or fair"));

        assertThat(v2.version()).isEqualTo(2);
        assertThatThrownBy(() -> store.save(v1.withActive(false)))
                .isInstanceOfSatisfying(ConcurrentModificationException.class,
                        e -> assertThat(e.actualVersion()).isEqualTo(2L));
        assertThat(store.find(ClassifierKind.LEAD_SOURCE, "exhibition")).contains(v2);
    }

    @Test
    @DisplayName("updating an entry that was never stored is refused")
    void updateOfMissingEntry() {
        assertThatThrownBy(() -> store.save(exhibition().withVersion(3))).isInstanceOf(NotFoundException.class);
        assertThat(store.list(ClassifierKind.LEAD_SOURCE)).isEmpty();
    }

    @Test
    @DisplayName("a dictionary lists its entries by code, deactivated ones included")
    void listByCode() {
        store.save(ClassifierEntry.of(ClassifierKind.LEAD_SOURCE, "website", "Сайт", "Website"));
        ClassifierEntry article = store.save(ClassifierEntry.of(ClassifierKind.LEAD_SOURCE, "article", "Статья",
                "Article"));
        store.save(article.withActive(false));
        store.save(exhibition());
        store.save(ClassifierEntry.of(ClassifierKind.REGION, "msk", "Москва", "Moscow"));

        assertThat(store.list(ClassifierKind.LEAD_SOURCE)).extracting(ClassifierEntry::code)
                .containsExactly("article", "exhibition", "website");
        assertThat(store.find(ClassifierKind.LEAD_SOURCE, "article")).hasValueSatisfying(
                e -> assertThat(e.active()).isFalse());
    }

    @Test
    @DisplayName("names in Cyrillic and the full length of 200 characters round-trip")
    void namesRoundTrip() {
        ClassifierEntry longName = ClassifierEntry.of(ClassifierKind.INDUSTRY, "retail.food",
                "Ё".repeat(200), "Food retail");

        assertThat(store.save(longName).nameRu()).isEqualTo("Ё".repeat(200));
        assertThat(store.find(ClassifierKind.INDUSTRY, "retail.food").orElseThrow().nameRu()).hasSize(200);
    }
}
