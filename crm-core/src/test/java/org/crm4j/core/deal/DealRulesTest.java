package org.crm4j.core.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.crm4j.tck.Refusals.refused;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealId;
import org.crm4j.deal.IllegalTransitionException;
import org.crm4j.deal.Pipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DealRulesTest {
    private static final Pipeline SHIFFMAN = Pipelines.shiffman();
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final EmployeeId ANNA = EmployeeId.of("anna");

    private static Deal deal() {
        return DealRules.create(DealId.of(new UUID(3, 3)), NewDeal.of(ClientId.of(new UUID(1, 1)),
                Money.of("10.00", "RUB"), ANNA), SHIFFMAN, T0).state();
    }

    @Test
    @DisplayName("a lost reason goes only with a lost stage, and a command earlier than the last change is refused")
    void refusals() {
        Deal deal = deal();

        refused(() -> DealRules.move(deal, SHIFFMAN, "contact-1", "price", ANNA, T0), "lostReason",
                "deal.lost-reason-unexpected", "price");
        refused(() -> DealRules.move(deal, SHIFFMAN, "contact-9", null, ANNA, T0), "stage", "deal.stage-unknown",
                "contact-9");
        refused(() -> DealRules.move(deal, SHIFFMAN, "contact-1", null, ANNA, T0.minusSeconds(1)), "at",
                "deal.time", T0.minusSeconds(1).toString());
        refused(() -> DealRules.setProbability(deal, SHIFFMAN, new BigDecimal("0.12345"), ANNA, T0), "probability",
                "probability.scale", "0.12345");
    }

    @Test
    @DisplayName("only a closed deal is reopened, and only into an open stage")
    void reopen() {
        Deal deal = deal();
        assertThat(catchThrowableOfType(IllegalTransitionException.class,
                () -> DealRules.reopen(deal, SHIFFMAN, null, ANNA, T0)).rule()).isEqualTo("deal.reopen-open");
        Deal later = DealRules.move(deal, SHIFFMAN, "later", null, ANNA, T0.plusSeconds(60)).state();
        assertThat(catchThrowableOfType(IllegalTransitionException.class,
                () -> DealRules.reopen(later, SHIFFMAN, "lost", ANNA, T0.plusSeconds(90))).rule())
                .isEqualTo("deal.reopen-closed");
        assertThat(DealRules.reopen(later, SHIFFMAN, null, ANNA, T0.plusSeconds(90)).state().stage())
                .isEqualTo("prospects");
    }

    @Test
    @DisplayName("the contact rule moves interested through contact 3 and stops there; a prospect is only touched")
    void contactColumns() {
        Deal deal = deal();
        Instant t = T0.plus(Duration.ofHours(1));
        assertThat(DealRules.advanceContact(deal, SHIFFMAN, ANNA, t).state().stage()).isEqualTo("prospects");
        assertThat(DealRules.advanceContact(deal, SHIFFMAN, ANNA, t).state().lastActivityAt()).isEqualTo(t);

        Deal d = DealRules.move(deal, SHIFFMAN, "interested", null, ANNA, t).state();
        for (String expected : new String[] {"contact-1", "contact-2", "contact-3", "contact-3"}) {
            t = t.plus(Duration.ofHours(1));
            d = DealRules.advanceContact(d, SHIFFMAN, ANNA, t).state();
            assertThat(d.stage()).isEqualTo(expected);
        }
    }
}
