package org.crm4j.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.common.CrmEvent;
import org.crm4j.common.CrmEventListener;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.deal.NewDeal;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealEvent;
import org.crm4j.deal.StageKind;
import org.crm4j.jpa.JpaStorage;

/**
 * The embedding ERP hearing of CRM events through crm4j's outbox, on an H2 database: a deal won creates an order
 * once the change has committed; a change rolled back with the ERP's own transaction sends nothing; and while the
 * ERP refuses events, they wait and come again, under the same key, when {@code fireDue} runs. The ERP's listener
 * keeps the keys it has handled, so a repeated delivery creates no second order.
 *
 * <p>Run: {@code ./mvnw -q -pl crm-examples -am verify -DskipTests -Prun-example
 * -Dexample=org.crm4j.examples.OutboxExample}
 */
public final class OutboxExample {
    private static final EmployeeId ANNA = EmployeeId.of("anna.smirnova");

    private OutboxExample() {
    }

    /** The ERP's side: an order per deal won, once per event key, and a switch to play an outage. */
    static final class Erp implements CrmEventListener {
        final Map<String, String> ordersByEventKey = new ConcurrentHashMap<>();
        final Set<String> handledKeys = ConcurrentHashMap.newKeySet();
        volatile boolean down;

        /** An event without its key (from a caller other than the outbox): handled, with nothing to deduplicate by. */
        @Override
        public void on(CrmEvent event) {
            handle(event, "unkeyed");
        }

        @Override
        public void on(CrmEvent event, String key) {
            if (handledKeys.contains(key)) {
                return;
            }
            handle(event, key);
            handledKeys.add(key);
        }

        private void handle(CrmEvent event, String key) {
            if (down) {
                throw new IllegalStateException("the ERP's order service is down");
            }
            if (event instanceof DealEvent.DealMoved moved && moved.kind() == StageKind.WON) {
                ordersByEventKey.put(key, "order for deal " + moved.dealId());
                System.out.println("  ERP: deal " + moved.dealId() + " won, order created (event " + key + ")");
            }
        }
    }

    public static void main(String[] args) {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        String url = "jdbc:h2:mem:outbox-example;DB_CLOSE_DELAY=-1";
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            Schema.migrate(dataSource, Schema.Database.of(url), JpaStorage.DEFAULT_TABLE_PREFIX);
            try (JpaStorage storage = JpaStorage.builder().dataSource(dataSource).build()) {
                SettableClock clock = SettableClock.at(Instant.parse("2026-04-01T07:00:00Z"));
                Erp erp = new Erp();
                Crm crm = Crm.builder().storage(storage).clock(clock).listener(erp).build();
                ClientCard card = crm.clients().register(ClientForm.organisation("Рога и копыта").build());

                System.out.println("1. A deal won: the order follows the commit");
                Deal deal = crm.deals().create(NewDeal.of(card.id(), Money.of("150000.00", "RUB"), ANNA));
                crm.deals().move(deal.id(), deal.version(), "contract-signed", ANNA);
                System.out.println("   orders: " + erp.ordersByEventKey.size());

                System.out.println("2. The ERP's transaction fails after the deal was won in it: nothing is sent");
                Deal second = crm.deals().create(NewDeal.of(card.id(), Money.of("9000.00", "RUB"), ANNA));
                try {
                    storage.transactions().inTransaction(() -> {
                        crm.deals().move(second.id(), second.version(), "contract-signed", ANNA);
                        throw new IllegalStateException("the ERP's invoice step failed");
                    });
                } catch (IllegalStateException e) {
                    System.out.println("   rolled back (" + e.getMessage() + "); orders: "
                            + erp.ordersByEventKey.size() + "; deal stage: " + crm.deals().get(second.id()).stage());
                }

                System.out.println("3. The ERP is down when the deal is won: the event waits in the outbox");
                erp.down = true;
                Deal now = crm.deals().get(second.id());
                crm.deals().move(now.id(), now.version(), "contract-signed", ANNA);
                System.out.println("   waiting: " + crm.scheduler().pending(clock.instant().plusSeconds(3600), 10)
                        .size() + "; orders: " + erp.ordersByEventKey.size());
                erp.down = false;
                clock.advance(Duration.ofMinutes(1));
                System.out.println("   a minute later fireDue delivers "
                        + crm.scheduler().fireDue(clock.instant()).delivered() + " events; orders: "
                        + erp.ordersByEventKey.size());
            }
        }
    }
}
