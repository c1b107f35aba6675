package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.NotFoundException;
import org.crm4j.keydate.NotableEvent;
import org.crm4j.keydate.NotableEventId;
import org.crm4j.keydate.NotableEventKind;
import org.crm4j.keydate.NotableEventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link NotableEventStore} must keep; an adapter extends this class and returns an empty
 * store from {@link #emptyStore()}.
 */
public abstract class NotableEventStoreContract {

    /** A store with no events; called before every test. */
    protected abstract NotableEventStore emptyStore();

    protected NotableEventStore store;

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    /** An event of client {@code client}, numbered {@code n}. */
    public static NotableEvent event(int n, long client, LocalDate date, boolean yearly) {
        return new NotableEvent(NotableEventId.of(new UUID(0x0190000000007100L, n)), ClientFixture.id(client),
                yearly ? ClientFixture.contactId(client, 1) : null,
                yearly ? NotableEventKind.BIRTHDAY : NotableEventKind.STAFF_CHANGE,
                yearly ? "День рождения директора" : "Новый главный бухгалтер", date, yearly,
                n % 2 == 0 ? "send flowers" : null, 0);
    }

    @Test
    @DisplayName("a saved event comes back equal, with version 1")
    void roundTrip() {
        NotableEvent saved = store.save(event(1, 1, LocalDate.of(1975, 2, 28), true));

        assertThat(saved.version()).isEqualTo(1);
        assertThat(store.findById(saved.id())).contains(saved);
        assertThat(store.findById(NotableEventId.of(new UUID(1, 1)))).isEmpty();
    }

    @Test
    @DisplayName("updates raise the version; a stale one or one of an event never stored is refused")
    void versions() {
        NotableEvent v1 = store.save(event(2, 1, LocalDate.of(2026, 5, 4), false));
        NotableEvent v2 = store.save(new NotableEvent(v1.id(), v1.client(), v1.contact(), v1.kind(), "Сменился директор",
                v1.date(), false, null, v1.version()));

        assertThat(v2.version()).isEqualTo(2);
        assertThatThrownBy(() -> store.save(v1)).isInstanceOf(ConcurrentModificationException.class);
        assertThatThrownBy(() -> store.save(event(3, 1, LocalDate.of(2026, 5, 4), false).withVersion(1)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.save(event(2, 2, LocalDate.of(2026, 6, 1), false)))
                .isInstanceOf(DuplicateException.class);
        assertThat(store.findById(v1.id())).contains(v2);
    }

    @Test
    @DisplayName("a card's events come by date")
    void byClient() {
        NotableEvent later = store.save(event(4, 7, LocalDate.of(2026, 9, 1), false));
        NotableEvent earlier = store.save(event(5, 7, LocalDate.of(1980, 1, 15), true));
        store.save(event(6, 8, LocalDate.of(2026, 1, 1), false));

        assertThat(store.findByClient(ClientFixture.id(7))).containsExactly(earlier, later);
    }

    @Test
    @DisplayName("one-off events are found by date range, both ends included")
    void onceBetween() {
        NotableEvent first = store.save(event(7, 1, LocalDate.of(2026, 3, 1), false));
        NotableEvent last = store.save(event(8, 2, LocalDate.of(2026, 3, 31), false));
        store.save(event(9, 3, LocalDate.of(2026, 4, 1), false));
        store.save(event(10, 4, LocalDate.of(2026, 3, 15), true));

        assertThat(store.findOnceBetween(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)))
                .containsExactly(first, last);
    }

    @Test
    @DisplayName("yearly events are found by month and day, whatever their year, both ends included")
    void yearlyBetween() {
        NotableEvent leap = store.save(event(11, 1, LocalDate.of(1976, 2, 29), true));
        NotableEvent march = store.save(event(12, 2, LocalDate.of(1990, 3, 1), true));
        store.save(event(13, 3, LocalDate.of(1990, 3, 2), true));
        store.save(event(14, 4, LocalDate.of(2026, 3, 1), false));

        assertThat(store.findYearlyBetween(228, 301)).containsExactly(leap, march);
        assertThat(store.findYearlyBetween(1201, 1231)).isEmpty();
    }
}
