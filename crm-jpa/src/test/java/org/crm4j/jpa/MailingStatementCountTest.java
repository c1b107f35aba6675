package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.client.ContactForm;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.consent.ConsentPurpose;
import org.crm4j.consent.ContactMechanism;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.deal.NewDeal;
import org.crm4j.core.template.SendReport;
import org.crm4j.core.template.Sending;
import org.crm4j.deal.Deal;
import org.crm4j.notification.Notification;
import org.crm4j.template.MessageTemplate;
import org.crm4j.template.TemplateText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A sending costs a fixed number of SQL statements on crm-jpa whatever the number of clients, consents and
 * interactions: the key's interaction, the card, the consent, the deal, then recording the interaction; a refusal
 * stops before the deal and writes nothing.
 */
class MailingStatementCountTest {

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
        private static final String PREFIX = "mailcount_";
        private static final Instant NOW = Instant.parse("2026-03-02T07:00:00Z");
        private static final EmployeeId ANNA = EmployeeId.of("anna");
        private final TestDatabase database;
        private final StatementCounter counter = new StatementCounter();
        private final SettableClock clock = SettableClock.at(NOW);
        private final List<Notification> delivered = new CopyOnWriteArrayList<>();
        private JpaStorage storage;
        private Crm crm;

        Counting(TestDatabase database) {
            this.database = database;
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            storage = database.storage(counter.wrap(database.cleanSchema(PREFIX)), PREFIX);
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
            clock.set(NOW);
            delivered.clear();
            crm = Crm.builder().storage(storage).clock(clock).notifier(delivered::add).build();
            crm.mailing().saveTemplate(MessageTemplate.of("offer", ConsentPurpose.MARKETING,
                    TemplateText.of("Предложение для {client.name}",
                            "{contact.givenName|Коллеги}, {deal.amount}. {manager.id}"), null));
        }

        /** A client with a contact person who consented to marketing e-mail, and a deal. */
        private Sending client(int n) {
            ClientCard card = crm.clients().register(ClientForm.organisation("Клиент " + n).build(),
                    List.of(ContactForm.of("Иванов", "Иван", null).email("ivan" + n + "@example.ru").build()));
            crm.consents().grant(card.id(), card.contactPersons().get(0).id(), ContactMechanism.EMAIL,
                    "ivan" + n + "@example.ru", ConsentPurpose.MARKETING, "web-form");
            clock.advance(Duration.ofSeconds(1));
            Deal deal = crm.deals().create(NewDeal.of(card.id(), Money.of("100.00", "RUB"), ANNA));
            return Sending.of("offer:" + n, "offer", card.id(), card.contactPersons().get(0).id(),
                    ContactMechanism.EMAIL).about(deal.id());
        }

        @Test
        @DisplayName("sending to 1 client among 1 or among 30 with their consents and history costs the same")
        void sendingIsConstant() {
            Sending first = client(0);
            SendReport[] report = new SendReport[1];
            Map<String, Long> alone = counter.counted(() -> report[0] = crm.mailing().send(first));
            assertThat(report[0].sent()).hasSize(1);
            for (int n = 1; n <= 30; n++) {
                crm.mailing().send(client(n));
            }
            Sending last = client(31);
            Map<String, Long> among = counter.counted(() -> report[0] = crm.mailing().send(last));
            Map<String, Long> again = counter.counted(() -> report[0] = crm.mailing().send(last));

            assertThat(among).isEqualTo(alone);
            // the template, the key's interaction, the card (three selects), the consent and the deal; whether
            // the address has messages waiting in the outbox; then recording through crm.interactions(), which
            // checks the key, the type and the client and runs the follow-up, deal and rule steps; two inserts,
            // the outbox entry and the interaction; after the commit, the entry marked delivered
            assertThat(alone).isEqualTo(Map.of("select", 14L, "insert", 2L, "update", 1L));
            // the template, then the key's interaction (none yet)
            assertThat(again).isEqualTo(Map.of("select", 2L));
            assertThat(report[0].alreadySent()).hasSize(1);
            assertThat(delivered).hasSize(32);
        }

        @Test
        @DisplayName("a refusal for want of consent reads the same few rows among 1 or 30 and writes nothing")
        void refusalIsConstant() {
            Sending first = client(0);
            crm.consents().withdraw(first.client(), first.contact(), ContactMechanism.EMAIL, "ivan0@example.ru",
                    ConsentPurpose.MARKETING, "unsubscribe link");
            SendReport[] report = new SendReport[1];
            Map<String, Long> alone = counter.counted(() -> report[0] = crm.mailing().send(first));
            for (int n = 1; n <= 30; n++) {
                client(n);
            }
            Map<String, Long> among = counter.counted(() -> report[0] = crm.mailing().send(first));

            assertThat(report[0].refused()).extracting(SendReport.Outcome::code).containsExactly("consent.withdrawn");
            assertThat(among).isEqualTo(alone);
            // the template; the key's interaction; the card, its parts and contact persons; the consent
            assertThat(alone).isEqualTo(Map.of("select", 6L));
            assertThat(delivered).isEmpty();
        }
    }
}
