package org.crm4j.examples;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.core.Crm;
import org.crm4j.core.calendar.Calendars;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.deal.Funnel;
import org.crm4j.core.deal.NewDeal;
import org.crm4j.core.deal.Pipelines;
import org.crm4j.deal.Deal;

/**
 * The sales pipeline in one page (seed 003, the Shiffman scheme): prospects from an exhibition and the website,
 * the interested ones contacted up to three times, and the results: a contract signed, a purchase made, a prospect
 * for later, a deal lost to a competitor. The example prints the Shiffman board with its sums, weighted sums and
 * idle deals a week later, the idle deals a reminder would be due for, the funnel with its conversions and win
 * rate, and the weighted forecast by expected close month.
 *
 * <p>Run: {@code ./mvnw -q -pl crm-examples -am verify -DskipTests -Prun-example
 * -Dexample=org.crm4j.examples.PipelineExample}
 */
public final class PipelineExample {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private PipelineExample() {
    }

    public static void main(String[] args) {
        SettableClock clock = SettableClock.at(moscow("2026-03-02T10:00"), MOSCOW);
        Crm crm = Crm.builder().clock(clock).zone(MOSCOW).calendar(Calendars.russia(MOSCOW))
                .advanceDealsOnContact(true).build();
        EmployeeId anna = EmployeeId.of("anna");
        EmployeeId boris = EmployeeId.of("boris");
        String[][] prospects = {
            {"Рога и копыта", "7707083893", "exhibition", "1200000.00"},
            {"Копыта и рога", "7736050003", "exhibition", "450000.00"},
            {"Север", "7710140679", "website", "800000.00"},
            {"Юг", "7702070139", "website", "150000.00"},
            {"Восток", "7728168971", "referral", "2000000.00"},
            {"Запад", "7707049388", "exhibition", "90000.00"}};
        List<Deal> deals = new java.util.ArrayList<>();
        for (int i = 0; i < prospects.length; i++) {
            ClientCard client = crm.clients().register(ClientForm.organisation(prospects[i][0]).inn(prospects[i][1])
                    .build());
            deals.add(crm.deals().create(NewDeal.of(client.id(), Money.of(prospects[i][3], "RUB"),
                    i % 2 == 0 ? anna : boris).from(prospects[i][2], null)
                    .closingOn(LocalDate.of(2026, 3 + i % 3, 25))));
        }

        // The first calls: four ask for a price list or a meeting and become "interested".
        clock.advance(Duration.ofHours(3));
        for (int i = 0; i < 4; i++) {
            crm.deals().move(deals.get(i).id(), 1, "interested", deals.get(i).manager());
        }
        // Contacts move the interested ones through the contact columns.
        clock.advance(Duration.ofDays(1));
        crm.deals().recordContact(deals.get(0).id(), anna);
        Deal second = crm.deals().recordContact(deals.get(0).id(), anna);
        Deal contacted = crm.deals().recordContact(deals.get(1).id(), boris);
        crm.deals().setProbability(contacted.id(), contacted.version(), new BigDecimal("0.6"), boris);
        // Results.
        clock.advance(Duration.ofDays(1));
        crm.deals().move(second.id(), second.version(), "contract-signed", anna);
        crm.deals().lose(deals.get(3).id(), 2, "lost", "competitor", boris);
        crm.deals().move(deals.get(5).id(), 1, "later", boris);

        clock.set(moscow("2026-03-11T10:00"));
        System.out.println(crm.deals().board(Pipelines.SHIFFMAN).render());

        System.out.println("Idle deals (past their stage's limit in business days of the Russian calendar):");
        crm.deals().idle(Pipelines.SHIFFMAN, 10).forEach(d -> System.out.println("  " + d.stage() + ", "
                + d.amount() + ", " + d.manager() + ", last activity " + d.lastActivityAt().atZone(MOSCOW)
                .toLocalDate()));

        Funnel funnel = crm.deals().funnel(Pipelines.SHIFFMAN, moscow("2026-03-01T00:00"), moscow("2026-04-01T00:00"));
        System.out.println("\nFunnel, deals created in March 2026:");
        funnel.steps().forEach(s -> System.out.println("  " + s.stage().code() + ": " + s.entered()
                + s.conversion().map(c -> ", on to the next: " + c.movePointRight(2).stripTrailingZeros()
                .toPlainString() + "%").orElse("")));
        System.out.println("  win rate " + funnel.winRate().map(BigDecimal::toPlainString).orElse("-")
                + ", average cycle " + funnel.averageCycle().map(Duration::toString).orElse("-"));
        for (Map.Entry<String, Funnel> bySource : funnel.by(Funnel.Dimension.LEAD_SOURCE).entrySet()) {
            System.out.println("  from " + bySource.getKey() + ": " + bySource.getValue().entered("prospects")
                    + " deals, " + bySource.getValue().entered("interested") + " interested");
        }
        Deal first = crm.deals().get(deals.get(0).id());
        System.out.println("  " + first.id() + " was in '" + first.stageAt(moscow("2026-03-03T12:00")).orElseThrow()
                + "' on 3 March at noon and is in '" + first.stage() + "' now");

        System.out.println("\nWeighted forecast by expected close month:");
        crm.deals().forecast(Pipelines.SHIFFMAN).forEach(r -> System.out.println("  " + r.month() + ": "
                + r.deals() + " deals, " + r.amount() + ", weighted " + r.weighted()));
    }

    private static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }
}
