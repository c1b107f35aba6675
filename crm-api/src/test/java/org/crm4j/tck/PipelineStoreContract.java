package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.DuplicateException;
import org.crm4j.deal.Pipeline;
import org.crm4j.deal.PipelineNotFoundException;
import org.crm4j.deal.PipelineStore;
import org.crm4j.deal.Stage;
import org.crm4j.deal.StageKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PipelineStore} must keep; an adapter extends this class and returns an empty store
 * from {@link #emptyStore()}.
 */
public abstract class PipelineStoreContract {
    /** A store with no pipelines; called before every test. */
    protected abstract PipelineStore emptyStore();

    protected PipelineStore store;

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    @Test
    @DisplayName("a saved pipeline comes back equal with version 1, its stages in order")
    void roundTrip() {
        Pipeline sales = DealFixture.sales();

        Pipeline saved = store.save(sales);

        assertThat(saved).isEqualTo(sales.withVersion(1));
        assertThat(store.findByCode("sales")).contains(saved);
        assertThat(store.findByCode("other")).isEmpty();
        assertThat(saved.stages()).extracting(Stage::code).containsExactly("new", "talk", "won", "lost", "later");
    }

    @Test
    @DisplayName("changed stages replace the stored ones exactly, and a stale or missing pipeline is refused")
    void changeStages() {
        Pipeline v1 = store.save(DealFixture.sales());
        List<Stage> fewer = List.of(Stage.of("talk", "Переговоры", "0.45", StageKind.OPEN, 7),
                Stage.of("won", "Выиграна", "1", StageKind.WON, 0), Stage.of("lost", "Проиграна", "0", StageKind.LOST, 0));

        Pipeline v2 = store.save(v1.withStages(fewer));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(store.findByCode("sales")).contains(v2);
        assertThat(v2.stages()).isEqualTo(fewer);
        assertThatThrownBy(() -> store.save(v1)).isInstanceOf(ConcurrentModificationException.class);
        assertThatThrownBy(() -> store.save(DealFixture.sales())).isInstanceOf(DuplicateException.class);
        assertThatThrownBy(() -> store.save(Pipeline.of("other", "Другая", fewer).withVersion(1)))
                .isInstanceOf(PipelineNotFoundException.class);
        assertThat(store.findByCode("sales")).contains(v2);
    }

    @Test
    @DisplayName("every pipeline, by code")
    void all() {
        List<Stage> stages = DealFixture.sales().stages();
        store.save(Pipeline.of("wholesale", "Опт", stages));
        store.save(Pipeline.of("retail", "Розница", stages));

        assertThat(store.findAll()).extracting(Pipeline::code).containsExactly("retail", "wholesale");
    }
}
