package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.EmployeeId;
import org.crm4j.interaction.ActivityCount;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.interaction.InteractionStore;
import org.crm4j.interaction.PeriodCount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link InteractionStore} must keep; an adapter extends this class and returns an empty
 * store from {@link #emptyStore()}.
 */
public abstract class InteractionStoreContract {

    /** A store with no interactions; called before every test. */
    protected abstract InteractionStore emptyStore();

    protected InteractionStore store;

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    /** A call of client {@code client}, numbered {@code n}, {@code minutes} after the fixture's time. */
    public static Interaction call(int n, long client, long minutes) {
        return Interaction.builder()
                .id(InteractionId.of(new UUID(0x0190000000007200L, n)))
                .externalId(n % 2 == 0 ? "pbx-" + n : null)
                .type("call-in").direction(Direction.INBOUND).channel(Channel.PHONE)
                .at(ClientFixture.later(minutes)).duration(Duration.ofSeconds(95))
                .manager(EmployeeId.of("anna")).client(ClientFixture.id(client))
                .contact(ClientFixture.contactId(client, 1))
                .subject("Запрос прайс-листа").notes("Просили прислать прайс на опт").result("прайс отправлен")
                .leadSource("exhibition").cause("увидели стенд на выставке").dealRef("D-" + n)
                .documentRef(null).nextContact(LocalDate.of(2026, 3, 10))
                .recordedAt(ClientFixture.later(minutes + 2))
                .build();
    }

    @Test
    @DisplayName("a recorded interaction comes back equal, by id and by external id")
    void roundTrip() {
        Interaction call = store.insert(call(2, 1, 0));

        assertThat(store.findById(call.id())).contains(call);
        assertThat(store.findByExternalId("pbx-2")).contains(call);
        assertThat(store.findByExternalId("pbx-3")).isEmpty();
    }

    @Test
    @DisplayName("a taken id or external id is refused and nothing is written")
    void duplicates() {
        store.insert(call(2, 1, 0));
        Interaction sameExternal = Interaction.builder().id(InteractionId.of(new UUID(9, 9))).externalId("pbx-2")
                .type("call-in").direction(Direction.INBOUND).channel(Channel.PHONE).at(ClientFixture.later(5))
                .client(ClientFixture.id(1)).subject("Повтор").recordedAt(ClientFixture.later(6)).build();

        assertThatThrownBy(() -> store.insert(sameExternal))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("externalId"));
        assertThatThrownBy(() -> store.insert(call(2, 1, 0)))
                .isInstanceOf(DuplicateException.class);
        assertThat(store.findById(sameExternal.id())).isEmpty();
    }

    @Test
    @DisplayName("a client's history comes newest first, at most as many as asked")
    void historyNewestFirst() {
        Interaction first = store.insert(call(1, 5, 0));
        Interaction second = store.insert(call(3, 5, 60));
        Interaction third = store.insert(call(5, 5, 120));
        store.insert(call(7, 6, 180));

        assertThat(store.findByClient(ClientFixture.id(5), 10)).containsExactly(third, second, first);
        assertThat(store.findByClient(ClientFixture.id(5), 2)).containsExactly(third, second);
        assertThat(store.findByClient(ClientFixture.id(99), 10)).isEmpty();
    }

    @Test
    @DisplayName("a letter with only the required fields round-trips, its duration zero")
    void minimal() {
        Interaction letter = Interaction.builder().id(InteractionId.of(new UUID(7, 7))).type("email")
                .direction(Direction.OUTBOUND).channel(Channel.EMAIL).at(ClientFixture.T0)
                .client(ClientFixture.id(1)).subject("Коммерческое предложение").recordedAt(ClientFixture.T0).build();

        store.insert(letter);

        assertThat(store.findById(letter.id())).contains(letter);
        assertThat(letter.duration()).isEqualTo(Duration.ZERO);
    }

    private Interaction at(int n, String type, String leadSource, String manager, long minutes) {
        return Interaction.builder().id(InteractionId.of(new UUID(0x0190000000007300L, n))).type(type)
                .direction(Direction.INBOUND).channel(Channel.PHONE).at(ClientFixture.later(minutes))
                .manager(manager == null ? null : EmployeeId.of(manager)).client(ClientFixture.id(1))
                .subject("Звонок").leadSource(leadSource).recordedAt(ClientFixture.later(minutes)).build();
    }

    @Test
    @DisplayName("the call form counts calls per period and lead source, boundaries included at the start only")
    void callFormCounts() {
        // Periods of one hour from T0: [0, 60), [60, 120), [120, 180) minutes.
        store.insert(at(1, "call-in", "exhibition", "anna", 0));
        store.insert(at(2, "call-in", "exhibition", "anna", 59));
        store.insert(at(3, "call-in", "website", "boris", 60));
        store.insert(at(4, "call-in", null, "boris", 179));
        store.insert(at(5, "call-in", "website", "boris", 180));
        store.insert(at(6, "email", "website", "boris", 61));

        List<PeriodCount> counts = store.countByLeadSource(List.of(ClientFixture.later(0), ClientFixture.later(60),
                ClientFixture.later(120), ClientFixture.later(180)), Set.of("call-in"));

        assertThat(counts).containsExactlyInAnyOrder(new PeriodCount("exhibition", 0, 2),
                new PeriodCount("website", 1, 1), new PeriodCount(null, 2, 1));
        assertThat(store.countByLeadSource(List.of(ClientFixture.later(0), ClientFixture.later(60)),
                Set.of("meeting"))).isEmpty();
    }

    @Test
    @DisplayName("manager activity counts interactions by manager and type in a period")
    void managerActivity() {
        store.insert(at(1, "call-in", null, "anna", 0));
        store.insert(at(2, "call-in", null, "anna", 10));
        store.insert(at(3, "email", null, "anna", 20));
        store.insert(at(4, "call-in", null, null, 30));
        store.insert(at(5, "call-in", null, "boris", 500));

        assertThat(store.countByManagerAndType(ClientFixture.later(0), ClientFixture.later(60)))
                .containsExactlyInAnyOrder(new ActivityCount(EmployeeId.of("anna"), "call-in", 2),
                        new ActivityCount(EmployeeId.of("anna"), "email", 1), new ActivityCount(null, "call-in", 1));
    }
}
