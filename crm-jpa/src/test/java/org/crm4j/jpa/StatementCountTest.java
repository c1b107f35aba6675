package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.client.ContactForm;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.core.Crm;
import org.crm4j.core.classifier.Classifiers;
import org.crm4j.core.client.Clients;
import org.crm4j.history.DocumentLine;
import org.crm4j.history.SaleLine;
import org.crm4j.history.WorkFactId;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.keydate.NotableEventKind;
import org.crm4j.tck.ClientFixture;
import org.crm4j.tck.ValidNumbers;
import org.crm4j.timeline.TimelinePage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every {@link Clients} use case costs a fixed number of SQL statements on crm-jpa, whatever the size of the
 * card and of the table: a small card and a card with 20 phones and 10 contact persons cost the same, and a
 * lookup among 1 card costs what it costs among 300.
 */
class StatementCountTest {

    @Nested
    class OnH2 extends Counting {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends Counting {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    @Nested
    class OnMariaDb extends Counting {
        OnMariaDb() {
            super(TestDatabase.MARIADB);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Counting {
        private static final String PREFIX = "count_";
        private final TestDatabase database;
        private final StatementCounter counter = new StatementCounter();
        private JpaStorage storage;
        private Crm crm;
        private Clients clients;
        private int sequence;

        Counting(TestDatabase database) {
            this.database = database;
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            storage = database.storage(counter.wrap(database.cleanSchema(PREFIX)), PREFIX);
            crm = Crm.builder().storage(storage).build();
            clients = crm.clients();
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
        }

        private ClientCard register(int phones, int contacts) {
            int n = ++sequence;
            ClientForm.Builder form = ClientForm.organisation("Клиент " + n).inn(ValidNumbers.innOrganisation(n))
                    .email("office" + n + "@example.ru").tag("опт");
            for (int p = 0; p < phones; p++) {
                form.phone(String.format("+7495%03d%04d", n % 1000, p));
            }
            List<ContactForm> people = new ArrayList<>();
            for (int c = 0; c < contacts; c++) {
                people.add(ContactForm.of("Петров", "Пётр", null).phone(String.format("+7916%03d%04d", n % 1000, c))
                        .email("p" + c + "." + n + "@example.ru").build());
            }
            return clients.register(form.build(), people);
        }

        @Test
        @DisplayName("loading a card with 20 phones and 10 contact persons takes 3 selects and nothing else")
        void loadingABigCard() {
            ClientCard big = register(20, 10);

            assertThat(counter.counted(() -> clients.get(big.id()))).isEqualTo(Map.of("select", 3L));
        }

        @Test
        @DisplayName("registering a big card costs what registering a small one costs")
        void registering() {
            Map<String, Long> small = counter.counted(() -> register(1, 1));
            Map<String, Long> big = counter.counted(() -> register(20, 10));

            assertThat(big).isEqualTo(small);
            assertThat(counter.total()).isLessThanOrEqualTo(6);
        }

        @Test
        @DisplayName("changing a big card costs what changing a small one costs")
        void changing() {
            ClientCard small = register(1, 1);
            ClientCard big = register(20, 10);
            ContactForm newcomer = ContactForm.of("Сидоров", "Семён", null).phone("+79161112233").build();

            Map<String, Long> onSmall = counter.counted(() -> clients.addContactPerson(small.id(), small.version(), newcomer));
            Map<String, Long> onBig = counter.counted(() -> clients.addContactPerson(big.id(), big.version(), newcomer));

            assertThat(onBig).isEqualTo(onSmall);
            assertThat(onBig).containsEntry("update", 1L).containsEntry("delete", 2L);
            assertThat(onBig.get("select")).isEqualTo(3L);
        }

        @Test
        @DisplayName("assigning a manager costs a fixed number of statements")
        void assigning() {
            ClientCard small = register(1, 1);
            ClientCard big = register(20, 10);

            Map<String, Long> onSmall = counter.counted(() -> clients.assignManager(small.id(), EmployeeId.of("m1"), null, null));
            Map<String, Long> onBig = counter.counted(() -> clients.assignManager(big.id(), EmployeeId.of("m1"), null, null));

            assertThat(onBig).isEqualTo(onSmall);
        }

        @Test
        @DisplayName("a caller-ID lookup costs the same among 1 card and among 300: 2 selects when it finds one")
        void callerIdDoesNotGrowWithTheTable() {
            ClientCard wanted = register(3, 2);
            String typed = "8 (916) " + wanted.contactPersons().get(1).phones().get(0).number().e164().substring(5);
            Map<String, Long> amongOne = counter.counted(() -> assertThat(clients.findByPhone(typed)).hasSize(1));

            List<ClientCard> others = new ArrayList<>();
            for (int n = 1000; n < 1300; n++) {
                others.add(ClientFixture.organisation(n));
            }
            storage.clients().insertAll(others);
            Map<String, Long> amongMany = counter.counted(() -> assertThat(clients.findByPhone(typed)).hasSize(1));

            assertThat(amongMany).isEqualTo(amongOne).isEqualTo(Map.of("select", 2L));
        }

        @Test
        @DisplayName("finding by INN or name costs 3 selects, by e-mail 2, and 1 when nothing is found")
        void otherLookups() {
            ClientCard card = register(2, 2);

            assertThat(counter.counted(() -> clients.findByInn(card.requisites().inn().value()))).isEqualTo(Map.of("select", 3L));
            assertThat(counter.counted(() -> clients.findByEmail(card.emails().get(0).address().value())))
                    .isEqualTo(Map.of("select", 2L));
            assertThat(counter.counted(() -> clients.findByName("клиент", 10))).isEqualTo(Map.of("select", 3L));
            assertThat(counter.counted(() -> clients.findByName("никого", 10))).isEqualTo(Map.of("select", 1L));
        }

        @Test
        @DisplayName("the call form of a month is one select, among 3 calls or among 60")
        void callFormIsOneQuery() {
            crm.classifiers().defineMissing(Classifiers.defaults());
            ClientCard card = register(1, 1);
            for (int n = 0; n < 60; n++) {
                if (n == 3) {
                    assertThat(counter.counted(() -> crm.interactions().callForm(YearMonth.of(2026, 3),
                            ZoneId.of("Europe/Moscow"), Set.of("call-in")))).isEqualTo(Map.of("select", 1L));
                }
                crm.interactions().record(Interaction.builder().id(InteractionId.of(new UUID(3, n))).type("call-in")
                        .direction(Direction.INBOUND).channel(Channel.PHONE)
                        .at(Instant.parse("2026-03-01T09:00:00Z").plusSeconds(3600L * 11 * n))
                        .client(card.id()).subject("Звонок").leadSource(n % 2 == 0 ? "website" : null)
                        .recordedAt(Instant.parse("2026-03-01T09:00:00Z")).build());
            }

            assertThat(counter.counted(() -> assertThat(crm.interactions().callForm(YearMonth.of(2026, 3),
                    ZoneId.of("Europe/Moscow"), Set.of("call-in")).counts()).isNotEmpty()))
                    .isEqualTo(Map.of("select", 1L));
        }

        @Test
        @DisplayName("recording a call costs the same for a big card as for a small one: 4 selects and 1 insert")
        void recordingACall() {
            crm.classifiers().defineMissing(Classifiers.defaults());
            ClientCard small = register(1, 0);
            ClientCard big = register(20, 10);
            List<Map<String, Long>> costs = new ArrayList<>();
            for (ClientCard card : List.of(small, big)) {
                costs.add(counter.counted(() -> crm.interactions().record(Interaction.builder()
                        .id(InteractionId.of(new UUID(5, costs.size()))).externalId("pbx-" + costs.size())
                        .type("call-in").direction(Direction.INBOUND).channel(Channel.PHONE)
                        .at(Instant.parse("2026-03-01T09:00:00Z")).client(card.id()).subject("Звонок")
                        .leadSource("website").recordedAt(Instant.parse("2026-03-01T09:00:00Z")).build())));
            }

            // The call id already recorded, the type and the lead source in their dictionaries, the card's id.
            assertThat(costs).containsOnly(Map.of("select", 4L, "insert", 1L));
        }

        @Test
        @DisplayName("a timeline page is one select, among 4 calls, events and sales or among 400, first or later")
        void timelinePageIsOneQuery() {
            crm.classifiers().defineMissing(Classifiers.defaults());
            ClientCard card = register(1, 1);
            Instant start = Instant.parse("2026-03-01T09:00:00Z");
            for (int n = 0; n < 400; n++) {
                if (n == 4) {
                    assertThat(counter.counted(() -> assertThat(crm.timeline().page(card.id(), (String) null, 50).entries())
                            .hasSize(4))).isEqualTo(Map.of("select", 1L));
                }
                if (n % 10 == 0) {
                    crm.notableEvents().record(card.id(), null, NotableEventKind.OTHER, "Событие " + n,
                            LocalDate.of(2020, 1, 1).plusDays(n), false, null);
                } else if (n % 10 == 5) {
                    storage.workHistory().feed(List.of(new SaleLine(WorkFactId.of(new UUID(6, n)),
                            DocumentLine.of("РН-" + n, 1), card.id(), start.plusSeconds(60L * n), "P-" + n,
                            "Кабель", BigDecimal.ONE, Money.of("100.00", "RUB"), null)));
                } else {
                    crm.interactions().record(Interaction.builder().id(InteractionId.of(new UUID(4, n)))
                            .type("call-in").direction(Direction.INBOUND).channel(Channel.PHONE)
                            .at(start.plusSeconds(60L * n)).client(card.id()).subject("Звонок " + n)
                            .recordedAt(start).build());
                }
            }

            TimelinePage[] pages = new TimelinePage[2];
            assertThat(counter.counted(() -> pages[0] = crm.timeline().page(card.id(), (String) null, 50)))
                    .isEqualTo(Map.of("select", 1L));
            assertThat(counter.counted(() -> pages[1] = crm.timeline().page(card.id(), pages[0].next(), 50)))
                    .isEqualTo(Map.of("select", 1L));
            assertThat(pages[1].entries()).hasSize(50).first()
                    .satisfies(e -> assertThat(e.at()).isBefore(pages[0].entries().get(49).at()));
        }

        @Test
        @DisplayName("an import of 1,200 cards sends its rows in batches, not one statement per row")
        void importIsBatched() {
            List<ClientCard> cards = new ArrayList<>();
            for (int n = 2000; n < 3200; n++) {
                cards.add(ClientFixture.organisation(n));
            }

            Map<String, Long> counts = counter.counted(() -> storage.clients().insertAll(cards));

            long rows = cards.size() * (1L + cards.get(0).contactPersons().size())
                    + cards.stream().mapToLong(c -> c.phones().size() + c.emails().size() + c.addresses().size()).sum();
            assertThat(counts.get("insert")).as("insert statements for %d rows", rows).isLessThan(rows / 20);
            assertThat(storage.clients().count()).isEqualTo(cards.size());
        }
    }
}
