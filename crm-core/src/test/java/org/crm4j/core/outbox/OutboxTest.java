package org.crm4j.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientEvent;
import org.crm4j.client.ClientForm;
import org.crm4j.common.CrmEvent;
import org.crm4j.common.CrmEventListener;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.core.Crm;
import org.crm4j.core.InMemoryStorage;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.deal.NewDeal;
import org.crm4j.core.schedule.SchedulerSettings;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealEvent;
import org.crm4j.schedule.Reminder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The outbox in memory: events for the listener after the change, at least once, in order per aggregate. */
class OutboxTest {
    private static final EmployeeId ANNA = EmployeeId.of("anna");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-04-01T07:00:00Z"));
    private final InMemoryStorage storage = new InMemoryStorage();
    private final List<Delivery> heard = new CopyOnWriteArrayList<>();
    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;
    private Crm crm;

    private record Delivery(CrmEvent event, String key) {
    }

    private final CrmEventListener listener = new CrmEventListener() {
        @Override
        public void on(CrmEvent event) {
            throw new AssertionError("the outbox hands every event with its key");
        }

        @Override
        public void on(CrmEvent event, String key) {
            attempts.add(key);
            if (refusing) {
                throw new IllegalStateException("the ERP is busy");
            }
            heard.add(new Delivery(event, key));
        }
    };

    @BeforeEach
    void setUp() {
        crm = Crm.builder().storage(storage).clock(clock).listener(listener)
                .scheduler(SchedulerSettings.defaults().withRetries(Duration.ofSeconds(30), 3)).build();
    }

    private ClientCard client() {
        return crm.clients().register(ClientForm.organisation("Рога и копыта").build());
    }

    @Test
    @DisplayName("a change's events reach the listener right after it, once, each under its own key")
    void afterTheChange() {
        ClientCard card = client();
        Deal deal = crm.deals().create(NewDeal.of(card.id(), Money.of("100.00", "RUB"), ANNA));
        crm.deals().move(deal.id(), deal.version(), "interested", ANNA);

        assertThat(heard).extracting(d -> (Object) d.event().getClass()).containsExactly(ClientEvent.ClientRegistered.class,
                DealEvent.DealCreated.class, DealEvent.DealMoved.class);
        assertThat(heard).extracting(Delivery::key).allMatch(k -> k.startsWith("event:")).doesNotHaveDuplicates();
        assertThat(((DealEvent.DealMoved) heard.get(2).event()).to()).isEqualTo("interested");
        assertThat(crm.scheduler().pending(clock.instant().plusSeconds(3600), 10)).isEmpty();
        assertThat(crm.scheduler().fireDue(clock.instant().plusSeconds(3600)).delivered()).isZero();
    }

    @Test
    @DisplayName("nothing reaches the listener before the outermost transaction of the embedding system returns")
    void waitsForTheOutermostTransaction() {
        List<Integer> heardInside = new ArrayList<>();
        storage.transactions().inTransaction(() -> {
            client();
            heardInside.add(heard.size());
            return null;
        });
        assertThat(heardInside).containsExactly(0);
        assertThat(heard).hasSize(1);
    }

    @Test
    @DisplayName("a refused event is delivered again later under the same key, and its aggregate's next events wait")
    void refusedThenRetriedInOrder() {
        ClientCard card = client();
        refusing = true;
        Deal deal = crm.deals().create(NewDeal.of(card.id(), Money.of("100.00", "RUB"), ANNA));
        String createdKey = attempts.get(attempts.size() - 1);
        refusing = false;
        crm.deals().move(deal.id(), deal.version(), "interested", ANNA);
        assertThat(heard).extracting(d -> (Object) d.event().getClass()).containsExactly(ClientEvent.ClientRegistered.class);

        assertThat(crm.scheduler().fireDue(clock.instant()).delivered()).as("held until its retry").isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(crm.scheduler().fireDue(clock.instant()).delivered()).isEqualTo(2);

        assertThat(heard).extracting(d -> (Object) d.event().getClass()).containsExactly(ClientEvent.ClientRegistered.class,
                DealEvent.DealCreated.class, DealEvent.DealMoved.class);
        assertThat(heard.get(1).key()).isEqualTo(createdKey);
        assertThat(attempts).filteredOn(createdKey::equals).hasSize(2);
    }

    @Test
    @DisplayName("an event refused at every attempt is a dead letter until released, then delivered once")
    void deadLetter() {
        refusing = true;
        ClientCard card = client();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(10));
            crm.scheduler().fireDue(clock.instant());
        }
        assertThat(attempts).hasSize(3);
        List<Reminder> dead = crm.scheduler().deadLetters(10);
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(r.notification().channel()).isEqualTo(Outbox.EVENT_CHANNEL);
            assertThat(r.notification().recipient()).isEqualTo("client:" + card.id().value());
            assertThat(r.notification().subject()).isEqualTo("client.registered");
        });

        refusing = false;
        crm.scheduler().release(dead.get(0).id());
        assertThat(crm.scheduler().fireDue(clock.instant()).delivered()).isEqualTo(1);
        assertThat(heard).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo(dead.get(0).key());
            assertThat(d.event()).isEqualTo(new ClientEvent.ClientRegistered(card.id(), card.createdAt()));
        });
    }

    @Test
    @DisplayName("without after-commit work, entries wait unclaimed for fireDue, each event on its aggregate's stream")
    void withoutAfterCommit() {
        org.crm4j.core.schedule.InMemoryReminderStore store = new org.crm4j.core.schedule.InMemoryReminderStore();
        org.crm4j.common.Transactions erp = new org.crm4j.common.Transactions() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                return work.get();
            }
        };
        Outbox outbox = new Outbox(store, erp, clock, org.crm4j.core.json.EventsJson.standard(), true, "node-a",
                Duration.ofMinutes(5), false);
        List<List<Reminder>> handed = new ArrayList<>();
        outbox.deliverWith(handed::add);
        ClientEvent registered = new ClientEvent.ClientRegistered(org.crm4j.client.ClientId.of(
                java.util.UUID.randomUUID()), clock.instant());

        org.crm4j.deal.DealId dealId = org.crm4j.deal.DealId.of(java.util.UUID.randomUUID());
        DealEvent remapped = new DealEvent.DealRemapped(dealId, "a", "b", ANNA, clock.instant());
        outbox.onChange(List.of(registered, remapped));
        outbox.notifier().deliver(new org.crm4j.notification.Notification("mail:1", "email", "ivan@roga.ru",
                "Счёт", "", List.of()));

        assertThat(handed).isEmpty();
        assertThat(store.findPending(clock.instant().plusSeconds(1), 10)).hasSize(3)
                .allSatisfy(r -> assertThat(r.claimedBy()).isNull())
                .extracting(r -> r.notification().recipient())
                .containsExactlyInAnyOrder("client:" + registered.clientId().value(), "deal:" + dealId.value(),
                        "ivan@roga.ru");
    }

    @Test
    @DisplayName("without a listener no event is written")
    void noListener() {
        Crm quiet = Crm.builder().clock(clock).build();
        ClientCard card = quiet.clients().register(ClientForm.organisation("Без слушателя").build());
        quiet.deals().create(NewDeal.of(card.id(), Money.of("1.00", "RUB"), ANNA));
        assertThat(quiet.scheduler().pending(clock.instant().plusSeconds(60), 10)).isEmpty();
    }
}
