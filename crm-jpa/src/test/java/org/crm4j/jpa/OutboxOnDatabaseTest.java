package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientEvent;
import org.crm4j.client.ClientForm;
import org.crm4j.common.CrmEvent;
import org.crm4j.common.CrmEventListener;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.deal.NewDeal;
import org.crm4j.core.outbox.Outbox;
import org.crm4j.core.schedule.SchedulerSettings;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The outbox on crm-jpa: a change's events are written in its transaction and reach the listener after the commit,
 * at least once, under one key each, in order per aggregate; a transaction rolled back sends nothing, on every
 * database.
 */
class OutboxOnDatabaseTest {

    @Nested
    class OnH2 extends Outboxes {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends Outboxes {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    @Nested
    class OnMariaDb extends Outboxes {
        OnMariaDb() {
            super(TestDatabase.MARIADB);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Outboxes {
        private static final String PREFIX = "outbox_";
        private static final EmployeeId ANNA = EmployeeId.of("anna");

        private final TestDatabase database;
        private final StatementCounter counter = new StatementCounter();
        private final SettableClock clock = SettableClock.at(Instant.parse("2026-04-01T07:00:00Z"));
        private final List<Delivery> heard = new CopyOnWriteArrayList<>();
        private final List<String> attempts = new CopyOnWriteArrayList<>();
        private volatile boolean refusing;
        private JpaStorage storage;
        private Crm crm;
        private Crm deaf;

        private record Delivery(CrmEvent event, String key) {
        }

        Outboxes(TestDatabase database) {
            this.database = database;
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            storage = database.storage(counter.wrap(database.cleanSchema(PREFIX)), PREFIX);
            CrmEventListener listener = new CrmEventListener() {
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
            SchedulerSettings settings = SchedulerSettings.defaults().withNode("outbox-node");
            crm = Crm.builder().storage(storage).clock(clock).listener(listener).scheduler(settings).build();
            deaf = Crm.builder().storage(storage).clock(clock).scheduler(settings).build();
        }

        @AfterAll
        void close() {
            if (storage != null) {
                storage.close();
            }
        }

        @BeforeEach
        void clean() {
            database.cleanSchema(PREFIX);
            crm.classifiers().defineMissing(org.crm4j.core.classifier.Classifiers.defaults());
            crm.pipeline().defineMissing(org.crm4j.core.deal.Pipelines.shiffman());
            clock.set(Instant.parse("2026-04-01T07:00:00Z"));
            heard.clear();
            attempts.clear();
            refusing = false;
        }

        private ClientCard client(Crm on, String name) {
            return on.clients().register(ClientForm.organisation(name).build());
        }

        @Test
        @DisplayName("a change's events reach the listener after its commit, once each, in order, under their keys")
        void afterCommit() {
            ClientCard card = client(crm, "Рога и копыта");
            Deal deal = crm.deals().create(NewDeal.of(card.id(), Money.of("100.00", "RUB"), ANNA));
            crm.deals().move(deal.id(), deal.version(), "interested", ANNA);

            assertThat(heard).extracting(d -> (Object) d.event().getClass()).containsExactly(
                    ClientEvent.ClientRegistered.class, DealEvent.DealCreated.class, DealEvent.DealMoved.class);
            assertThat(heard.get(0).event()).isEqualTo(new ClientEvent.ClientRegistered(card.id(),
                    card.createdAt()));
            assertThat(heard).extracting(Delivery::key).doesNotHaveDuplicates();
            assertThat(crm.scheduler().pending(clock.instant().plusSeconds(3600), 10)).isEmpty();
            assertThat(crm.scheduler().fireDue(clock.instant().plusSeconds(3600)).delivered()).isZero();
        }

        @Test
        @DisplayName("a transaction of the embedding system rolled back leaves no change, no entry and sends nothing")
        void rolledBack() {
            assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                ClientCard card = client(crm, "Откат");
                crm.deals().create(NewDeal.of(card.id(), Money.of("5.00", "RUB"), ANNA));
                throw new IllegalStateException("the ERP's own step failed");
            })).hasMessage("the ERP's own step failed");

            assertThat(heard).isEmpty();
            assertThat(crm.clients().findByName("Откат", 10)).isEmpty();
            assertThat(crm.scheduler().pending(clock.instant().plusSeconds(3600), 10)).isEmpty();
            clock.advance(Duration.ofHours(1));
            assertThat(crm.scheduler().fireDue(clock.instant()).delivered()).isZero();
            assertThat(attempts).isEmpty();
        }

        @Test
        @DisplayName("a refused event comes again after its pause under the same key; the deal's next events wait")
        void refusedThenRetried() {
            ClientCard card = client(crm, "Повтор");
            refusing = true;
            Deal deal = crm.deals().create(NewDeal.of(card.id(), Money.of("100.00", "RUB"), ANNA));
            String createdKey = attempts.get(attempts.size() - 1);
            refusing = false;
            crm.deals().move(deal.id(), deal.version(), "interested", ANNA);
            assertThat(heard).hasSize(1);

            assertThat(crm.scheduler().fireDue(clock.instant()).delivered()).as("held until its retry").isZero();
            clock.advance(Duration.ofMinutes(1));
            assertThat(crm.scheduler().fireDue(clock.instant()).delivered()).isEqualTo(2);

            assertThat(heard).extracting(d -> (Object) d.event().getClass()).containsExactly(
                    ClientEvent.ClientRegistered.class, DealEvent.DealCreated.class, DealEvent.DealMoved.class);
            assertThat(heard.get(1).key()).isEqualTo(createdKey);
            assertThat(attempts).filteredOn(createdKey::equals).hasSize(2);
        }

        @Test
        @DisplayName("the outbox adds one select, one insert and, after the commit, one update to a change")
        void cost() {
            Map<String, Long> without = counter.counted(() -> client(deaf, "Без слушателя"));
            Map<String, Long> with = counter.counted(() -> client(crm, "Со слушателем"));

            assertThat(with.get("select")).isEqualTo(without.getOrDefault("select", 0L) + 1);
            assertThat(with.get("insert")).isEqualTo(without.get("insert") + 1);
            assertThat(with.get("update")).isEqualTo(without.getOrDefault("update", 0L) + 1);
            assertThat(heard).singleElement().satisfies(d -> assertThat(d.event())
                    .isInstanceOf(ClientEvent.ClientRegistered.class));
            assertThat(crm.scheduler().pending(clock.instant().plusSeconds(60), 10)).isEmpty();
            assertThat(Outbox.EVENT_CHANNEL).isEqualTo("crm4j-event");
        }
    }
}
