package org.crm4j.core.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crm4j.tck.Refusals.refused;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crm4j.client.ClientNotFoundException;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.CrmEvent;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealEvent;
import org.crm4j.deal.ForecastRow;
import org.crm4j.deal.IllegalTransitionException;
import org.crm4j.deal.Pipeline;
import org.crm4j.deal.ProbabilitySource;
import org.crm4j.deal.Stage;
import org.crm4j.deal.StageChange;
import org.crm4j.deal.StageKind;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.tck.ClientFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DealsTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** Monday 2 March 2026, 10:00 in Moscow. */
    private static final Instant MONDAY = Instant.parse("2026-03-02T07:00:00Z");
    private static final EmployeeId ANNA = EmployeeId.of("anna");
    private static final EmployeeId BORIS = EmployeeId.of("boris");

    private final SettableClock clock = SettableClock.at(MONDAY, MOSCOW);
    private final List<CrmEvent> events = new ArrayList<>();

    private Crm crm(boolean advanceOnContact) {
        Crm crm = Crm.builder().clock(clock).zone(MOSCOW).listener(events::add)
                .advanceDealsOnContact(advanceOnContact).build();
        crm.storage().clients().save(ClientFixture.organisation(1));
        crm.storage().clients().save(ClientFixture.organisation(2));
        return crm;
    }

    private static NewDeal form(long client, String rubles) {
        return NewDeal.of(ClientFixture.id(client), Money.of(rubles, "RUB"), ANNA);
    }

    @Test
    @DisplayName("a new deal starts among the prospects of the Shiffman scheme with the stage's probability")
    void create() {
        Crm crm = crm(false);

        Deal deal = crm.deals().create(form(1, "250000.00").from("exhibition", null));

        assertThat(crm.pipeline().get(Pipelines.SHIFFMAN).stages()).extracting(Stage::code).containsExactly(
                "prospects", "interested", "contact-1", "contact-2", "contact-3", "contract-signed", "purchase-made",
                "later", "lost");
        assertThat(deal.stage()).isEqualTo("prospects");
        assertThat(deal.probability()).isEqualByComparingTo("0.05");
        assertThat(deal.probabilitySource()).isEqualTo(ProbabilitySource.STAGE);
        assertThat(deal.version()).isEqualTo(1);
        assertThat(deal.history()).containsExactly(new StageChange(null, "prospects", StageKind.OPEN, MONDAY, ANNA));
        assertThat(events).singleElement().isInstanceOf(DealEvent.DealCreated.class);
    }

    @Test
    @DisplayName("a new deal with an unknown lead source, a bad probability and a result stage is refused whole")
    void createRefused() {
        Crm crm = crm(false);

        refused(() -> crm.deals().create(form(1, "1.00").from("tv", null)), "leadSource", "classifier.unknown", "tv");
        refused(() -> crm.deals().create(form(1, "1.00").from(null, "spring")), "campaign", "classifier.unknown",
                "spring");
        refused(() -> crm.deals().create(form(1, "1.00").inStage("lost")), "stage", "deal.create-closed", "lost");
        refused(() -> crm.deals().create(form(1, "1.00").withProbability(new BigDecimal("1.2"))), "probability",
                "probability.range", "1.2");
        assertThatThrownBy(() -> crm.deals().create(form(9, "1.00"))).isInstanceOf(ClientNotFoundException.class);
        assertThat(crm.deals().ofClient(ClientFixture.id(1), 10)).isEmpty();
    }

    @Test
    @DisplayName("a deal lost for a reason from the dictionary is closed and moves again only by reopening")
    void loseAndReopen() {
        Crm crm = crm(false);
        Deal deal = crm.deals().create(form(1, "1000.00"));
        clock.advance(Duration.ofHours(1));

        refused(() -> crm.deals().lose(deal.id(), 1, "lost", "weather", BORIS), "lostReason", "classifier.unknown",
                "weather");
        assertThatThrownBy(() -> crm.deals().move(deal.id(), 1, "lost", BORIS))
                .hasMessageContaining("deal.lost-reason-required");
        Deal lost = crm.deals().lose(deal.id(), 1, "lost", "competitor", BORIS);

        assertThat(lost.isClosed()).isTrue();
        assertThat(lost.lostReason()).isEqualTo("competitor");
        assertThat(lost.closedAt()).isEqualTo(MONDAY.plus(Duration.ofHours(1)));
        IllegalTransitionException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                IllegalTransitionException.class, () -> crm.deals().move(deal.id(), 2, "interested", BORIS));
        assertThat(e.rule()).isEqualTo("deal.closed");
        assertThat(e.code()).isEqualTo("deal.transition");
        assertThat(e.deal()).isEqualTo(deal.id());

        Deal reopened = crm.deals().reopen(deal.id(), 2, "interested", BORIS);
        assertThat(reopened.stage()).isEqualTo("interested");
        assertThat(reopened.lostReason()).isNull();
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.probability()).isEqualByComparingTo("0.2");
        assertThat(reopened.history()).extracting(StageChange::to).containsExactly("prospects", "lost", "interested");
        assertThatThrownBy(() -> crm.deals().move(deal.id(), 2, "contact-1", BORIS))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThat(events).extracting(CrmEvent::type).containsExactly("deal.created", "deal.lost", "deal.reopened");
    }

    @Test
    @DisplayName("a probability set by hand stays from stage to stage until the deal closes")
    void manualProbability() {
        Crm crm = crm(false);
        Deal deal = crm.deals().create(form(1, "1000.00"));

        Deal set = crm.deals().setProbability(deal.id(), 1, new BigDecimal("0.35"), ANNA);
        Deal moved = crm.deals().move(deal.id(), 2, "contact-2", ANNA);
        Deal reset = crm.deals().setProbability(deal.id(), 3, null, ANNA);

        assertThat(set.probabilitySource()).isEqualTo(ProbabilitySource.MANUAL);
        assertThat(moved.probability()).isEqualByComparingTo("0.35");
        assertThat(reset.probability()).isEqualByComparingTo("0.4");
        assertThat(reset.probabilitySource()).isEqualTo(ProbabilitySource.STAGE);
        Deal won = crm.deals().move(deal.id(), crm.deals().setProbability(deal.id(), 4, new BigDecimal("0.9"), ANNA)
                .version(), "purchase-made", ANNA);
        assertThat(won.probability()).isEqualByComparingTo("1");
        assertThat(won.probabilitySource()).isEqualTo(ProbabilitySource.STAGE);
    }

    @Test
    @DisplayName("a deal is idle after more business days without activity than its stage allows, holidays apart")
    void idle() {
        Crm crm = crm(false);
        Deal quiet = crm.deals().create(form(1, "100.00"));
        Deal interested = crm.deals().move(crm.deals().create(form(2, "200.00")).id(), 1, "interested", ANNA);

        // prospects: 10 business days; interested: 5. Monday 2 March + 5 business days = Monday 9 March.
        clock.set(Instant.parse("2026-03-09T15:00:00Z"));
        assertThat(crm.deals().idle(Pipelines.SHIFFMAN, 10)).isEmpty();
        clock.set(Instant.parse("2026-03-10T07:00:00Z"));
        assertThat(crm.deals().idle(Pipelines.SHIFFMAN, 10)).extracting(Deal::id).containsExactly(interested.id());

        crm.deals().recordActivity(interested.id());
        assertThat(crm.deals().idle(Pipelines.SHIFFMAN, 10)).isEmpty();
        clock.set(Instant.parse("2026-03-17T07:00:00Z"));
        PipelineBoard board = crm.deals().board(Pipelines.SHIFFMAN);
        assertThat(board.column("prospects").idle()).isEqualTo(1);
        assertThat(board.column("interested").idle()).isZero();
        assertThat(crm.deals().idle(Pipelines.SHIFFMAN, 10)).extracting(Deal::id).containsExactly(quiet.id());
    }

    @Test
    @DisplayName("the board shows every column in order with its count, sum and weighted sum")
    void board() {
        Crm crm = crm(false);
        crm.deals().create(form(1, "100.00"));
        crm.deals().create(form(2, "300.00"));
        Deal contact = crm.deals().create(form(1, "1000.00"));
        crm.deals().move(contact.id(), 1, "contact-3", ANNA);

        PipelineBoard board = crm.deals().board(Pipelines.SHIFFMAN);

        assertThat(board.columns()).extracting(c -> c.stage().code()).startsWith("prospects", "interested");
        assertThat(board.column("prospects").deals()).isEqualTo(2);
        assertThat(board.column("prospects").amounts()).containsExactly(Money.of("400.00", "RUB"));
        assertThat(board.column("prospects").weighted()).containsExactly(Money.of("20.00", "RUB"));
        assertThat(board.column("contact-3").weighted()).containsExactly(Money.of("500.00", "RUB"));
        assertThat(board.column("lost").deals()).isZero();
        assertThat(board.render()).contains("Контакт 3").contains("500.00 RUB");
    }

    @Test
    @DisplayName("the funnel converts stage to stage, splits by manager, and gives the win rate and average cycle")
    void funnel() {
        Crm crm = crm(false);
        Deal a = crm.deals().create(form(1, "100.00").from("exhibition", null));
        Deal b = crm.deals().create(form(2, "100.00").from("website", null));
        Deal c = crm.deals().create(form(1, "100.00"));
        Deal d = crm.deals().create(NewDeal.of(ClientFixture.id(2), Money.of("5.00", "RUB"), BORIS));
        crm.deals().move(a.id(), 1, "interested", ANNA);
        crm.deals().move(b.id(), 1, "interested", ANNA);
        clock.advance(Duration.ofDays(2));
        crm.deals().move(a.id(), 2, "contract-signed", ANNA);
        crm.deals().lose(b.id(), 2, "lost", "price", ANNA);
        clock.advance(Duration.ofDays(2));
        crm.deals().move(c.id(), 1, "purchase-made", ANNA);

        Funnel funnel = crm.deals().funnel(Pipelines.SHIFFMAN, MONDAY, MONDAY.plus(Duration.ofDays(1)));

        assertThat(funnel.steps().get(0)).isEqualTo(new Funnel.Step(crm.pipeline().get(Pipelines.SHIFFMAN).stages()
                .get(0), 4, java.util.Optional.of(new BigDecimal("0.5000"))));
        assertThat(funnel.entered("interested")).isEqualTo(2);
        assertThat(funnel.winRate()).contains(new BigDecimal("0.6667"));
        assertThat(funnel.averageCycle()).contains(Duration.ofHours(48 * 4 / 3));
        assertThat(funnel.by(Funnel.Dimension.MANAGER).keySet()).containsExactly("anna", "boris");
        assertThat(funnel.by(Funnel.Dimension.MANAGER).get("boris").winRate()).isEmpty();
        assertThat(funnel.by(Funnel.Dimension.LEAD_SOURCE).get("exhibition").winRate()).contains(BigDecimal.ONE
                .setScale(4));
        assertThat(crm.deals().stageAt(a.id(), MONDAY.plus(Duration.ofDays(1)))).contains("interested");
        assertThat(crm.deals().stageAt(a.id(), MONDAY.minusSeconds(1))).isEmpty();
        assertThat(crm.deals().stageOn(a.id(), LocalDate.of(2026, 3, 3))).contains("interested");
        assertThat(crm.deals().stageOn(a.id(), LocalDate.of(2026, 3, 4))).contains("contract-signed");
        assertThat(crm.deals().stageOn(a.id(), LocalDate.of(2026, 3, 1))).isEmpty();
        assertThat(crm.deals().countByStageOn(Pipelines.SHIFFMAN, LocalDate.of(2026, 3, 3)))
                .containsExactly(Map.entry("prospects", 2L), Map.entry("interested", 2L));
        assertThat(d.stage()).isEqualTo("prospects");
    }

    @Test
    @DisplayName("the forecast weighs the open deals by the month they are expected to close")
    void forecast() {
        Crm crm = crm(false);
        crm.deals().create(form(1, "1000.00").closingOn(LocalDate.of(2026, 4, 10)));
        Deal b = crm.deals().create(form(2, "2000.00").closingOn(LocalDate.of(2026, 4, 20)));
        crm.deals().move(b.id(), 1, "contact-3", ANNA);
        crm.deals().create(form(2, "500.00").closingOn(LocalDate.of(2026, 3, 31)));
        crm.deals().create(form(2, "700.00"));

        assertThat(crm.deals().forecast(Pipelines.SHIFFMAN)).containsExactly(
                new ForecastRow(YearMonth.of(2026, 3), 1, Money.of("500.00", "RUB"), Money.of("25.00", "RUB")),
                new ForecastRow(YearMonth.of(2026, 4), 2, Money.of("3000.00", "RUB"), Money.of("1050.00", "RUB")));
    }

    @Test
    @DisplayName("removing a stage needs a mapping for its deals, which move there; nothing changes when refused")
    void changeStages() {
        Crm crm = crm(false);
        Deal deal = crm.deals().create(form(1, "100.00"));
        crm.deals().move(deal.id(), 1, "contact-2", ANNA);
        Pipeline shiffman = crm.pipeline().get(Pipelines.SHIFFMAN);
        List<Stage> fewer = shiffman.stages().stream().filter(s -> !s.code().equals("contact-2")).toList();
        events.clear();

        refused(() -> crm.pipeline().change(Pipelines.SHIFFMAN, 1, fewer, Map.of(), BORIS),
                "mapping.contact-2", "pipeline.mapping-missing", "contact-2");
        refused(() -> crm.pipeline().change(Pipelines.SHIFFMAN, 1, fewer, Map.of("contact-2", "later"), BORIS),
                "mapping.contact-2", "pipeline.mapping-kind", "later");
        assertThat(crm.pipeline().get(Pipelines.SHIFFMAN)).isEqualTo(shiffman);

        Pipeline changed = crm.pipeline().change(Pipelines.SHIFFMAN, 1, fewer, Map.of("contact-2", "contact-3"),
                BORIS);

        assertThat(changed.version()).isEqualTo(2);
        Deal moved = crm.deals().get(deal.id());
        assertThat(moved.stage()).isEqualTo("contact-3");
        assertThat(moved.probability()).isEqualByComparingTo("0.5");
        assertThat(moved.history()).extracting(StageChange::to).containsExactly("prospects", "contact-2", "contact-3");
        assertThat(events).singleElement().isInstanceOf(DealEvent.DealRemapped.class);
    }

    @Test
    @DisplayName("an interaction about a deal is its latest activity, and with the contact rule on moves it a column")
    void interactionHook() {
        Crm crm = crm(true);
        Deal deal = crm.deals().create(form(1, "100.00"));
        crm.deals().move(deal.id(), 1, "interested", ANNA);
        clock.advance(Duration.ofDays(1));

        crm.interactions().record(call(1, deal.id().toString()));
        crm.interactions().record(call(2, "D-unknown"));

        Deal after = crm.deals().get(deal.id());
        assertThat(after.stage()).isEqualTo("contact-1");
        assertThat(after.lastActivityAt()).isEqualTo(clock.instant());
        Crm plain = crm(false);
        Deal other = plain.deals().create(form(1, "100.00"));
        clock.advance(Duration.ofHours(1));
        plain.interactions().record(call(3, other.id().toString()));
        assertThat(plain.deals().get(other.id()).stage()).isEqualTo("prospects");
        assertThat(plain.deals().get(other.id()).lastActivityAt()).isEqualTo(clock.instant());
    }

    private Interaction call(int n, String dealRef) {
        return Interaction.builder().id(InteractionId.of(new UUID(78, n))).type("call-out")
                .direction(Direction.OUTBOUND).channel(Channel.PHONE).at(clock.instant().minusSeconds(60))
                .manager(ANNA).client(ClientFixture.id(1)).subject("Звонок").dealRef(dealRef)
                .recordedAt(clock.instant()).build();
    }
}
