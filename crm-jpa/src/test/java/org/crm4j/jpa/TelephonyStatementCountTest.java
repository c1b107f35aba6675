package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.deal.NewDeal;
import org.crm4j.core.task.NewTask;
import org.crm4j.core.telephony.Telephony;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.keydate.NotableEventKind;
import org.crm4j.notification.Notification;
import org.crm4j.task.TaskKind;
import org.crm4j.telephony.AbandonedCalls;
import org.crm4j.telephony.CallEvent;
import org.crm4j.telephony.Identification;
import org.crm4j.telephony.ServiceLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Handling an offered call costs a fixed number of SQL statements on crm-jpa, whatever the number of cards and of
 * the caller's interactions, deals, tasks and key dates; a repeated event is one select; the service level of a
 * line is one select.
 */
class TelephonyStatementCountTest {

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
        private static final String PREFIX = "callcount_";
        private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
        private static final Instant NOW = Instant.parse("2026-05-12T07:00:00Z");
        private static final EmployeeId MARINA = EmployeeId.of("marina");
        private final TestDatabase database;
        private final StatementCounter counter = new StatementCounter();
        private final SettableClock clock = SettableClock.at(NOW, MOSCOW);
        private final List<Notification> screen = new CopyOnWriteArrayList<>();
        private JpaStorage storage;
        private Crm crm;

        Counting(TestDatabase database) {
            this.database = database;
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            storage = database.storage(counter.wrap(database.cleanSchema(PREFIX)), PREFIX);
            crm = Crm.builder().storage(storage).clock(clock).zone(MOSCOW).notifier(screen::add).build();
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
            clock.set(NOW);
            screen.clear();
        }

        /** A client with a manager and {@code history} each of interactions, open deals, open tasks, key dates. */
        private ClientCard client(int n, int history) {
            ClientCard card = crm.clients().register(ClientForm.organisation("Клиент " + n)
                    .phone(String.format("+7 495 200-%02d-%02d", n / 100, n % 100)).build());
            card = crm.clients().assignManager(card.id(), MARINA, null, null);
            for (int k = 0; k < history; k++) {
                crm.interactions().record(Interaction.builder().id(InteractionId.of(new UUID(n, k)))
                        .type(k % 2 == 0 ? "proposal" : "meeting").direction(Direction.OUTBOUND)
                        .channel(Channel.MEETING).at(NOW.minus(Duration.ofDays(k + 1L))).client(card.id())
                        .subject("Встреча " + k).recordedAt(NOW).build());
                crm.deals().create(NewDeal.of(card.id(), Money.of(BigDecimal.valueOf(1000L * (k + 1)), "RUB"),
                        MARINA));
                crm.tasks().create(NewTask.at(TaskKind.CALL, "Позвонить " + k, MARINA, NOW.plusSeconds(3600L * k))
                        .about(card.id(), null, null));
                crm.notableEvents().record(card.id(), null, NotableEventKind.BIRTHDAY, "Событие " + k,
                        LocalDate.of(2000, 5, 13 + k % 10), true, null);
            }
            return card;
        }

        private Map<String, Long> offered(String id, ClientCard card) {
            return counter.counted(() -> crm.telephony().on(new CallEvent.Offered(id, "sales",
                    card.phones().get(0).number().e164(), clock.instant())));
        }

        @Test
        @DisplayName("an offered call from a known client costs the same statements among 3 cards or 40")
        void offeredIsConstant() {
            ClientCard first = client(1, 1);
            client(2, 0);
            Map<String, Long> small = offered("c-1", first);
            Map<String, Long> repeated = counter.counted(() -> crm.telephony().on(new CallEvent.Offered("c-1",
                    "sales", "+7 495 200-00-01", clock.instant())));
            for (int n = 3; n < 40; n++) {
                client(n, n == 39 ? 8 : 0);
            }
            ClientCard busy = crm.clients().findByPhone("+7 495 200-00-39").get(0).client();
            Map<String, Long> large = offered("c-2", busy);

            assertThat(large).isEqualTo(small);
            // the call, the cards with the number and their parts, the screen pop's interactions, deals, tasks
            // and key dates, and whether the manager has notifications waiting; the call's insert and the screen
            // pop's outbox entry; after the commit, the entry marked delivered.
            assertThat(small).isEqualTo(Map.of("select", 9L, "insert", 2L, "update", 1L));
            assertThat(repeated).isEqualTo(Map.of("select", 1L));
            assertThat(screen).hasSize(2);
            assertThat(screen.get(1).body()).contains("Offer: Встреча 0", "Open deal", "Key date 2026-05-13");
        }

        @Test
        @DisplayName("the service level of a line is one select, and agrees with the calls")
        void serviceLevelIsOneSelect() {
            ClientCard card = client(1, 0);
            List<String> ids = new ArrayList<>();
            for (int n = 0; n < 6; n++) {
                String id = "s-" + n;
                ids.add(id);
                Instant offered = NOW.plusSeconds(100L * n);
                crm.telephony().on(new CallEvent.Offered(id, "sales", "+7 495 200-00-01", offered));
                if (n < 4) {
                    crm.telephony().on(new CallEvent.Answered(id, "sales", MARINA, offered.plusSeconds(10L * n)));
                    crm.telephony().on(new CallEvent.Ended(id, "sales", offered.plusSeconds(10L * n + 60)));
                } else {
                    crm.telephony().on(new CallEvent.Missed(id, "sales", offered.plusSeconds(n == 4 ? 3 : 50)));
                }
            }
            ServiceLevel[] level = new ServiceLevel[1];
            Map<String, Long> cost = counter.counted(() -> level[0] = crm.telephony().serviceLevel("sales", NOW,
                    NOW.plusSeconds(3600), Duration.ofSeconds(20), AbandonedCalls.SHORT_EXCLUDED));

            assertThat(cost).isEqualTo(Map.of("select", 1L));
            // answered after 0, 10, 20, 30 s; abandoned after 3 s (short) and 50 s.
            assertThat(level[0].share()).contains(new BigDecimal("0.6000"));
            assertThat(level[0].averageWait()).isEqualTo(Duration.ofSeconds(15));
            assertThat(level[0].abandoned()).isEqualTo(2);
            assertThat(crm.tasks().ofClient(card.id(), 10)).filteredOn(t -> t.kind() == TaskKind.CALL).hasSize(2);
            assertThat(crm.interactions().history(card.id(), 10)).extracting(Interaction::externalId)
                    .containsExactlyInAnyOrderElementsOf(ids);
        }

        @Test
        @DisplayName("an unknown caller becomes a lead on the database too")
        void lead() {
            Telephony.Handled handled = crm.telephony().on(new CallEvent.Offered("u-1", "sales", "8 812 555 00 11",
                    clock.instant()));
            ClientCard lead = crm.telephony().newLead("u-1", "Новый клиент");

            assertThat(handled.identification().kind()).isEqualTo(Identification.Kind.UNKNOWN);
            assertThat(crm.telephony().find("u-1").orElseThrow().client()).isEqualTo(lead.id());
        }
    }
}
