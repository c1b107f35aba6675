package org.crm4j.core.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a new deal is made of; {@link Deals#create} checks it. Immutable.
 *
 * @param client        the client
 * @param amount        what it is worth
 * @param manager       the responsible manager, who is also the actor of its creation
 * @param pipeline      the pipeline's code, or {@code null} for the default pipeline
 * @param stage         the open stage it starts in, or {@code null} for the pipeline's first open stage
 * @param probability   a probability set by hand, or {@code null} for the stage's default
 * @param leadSource    the lead-source code, or {@code null}
 * @param campaign      the campaign code, or {@code null}
 * @param expectedClose the expected close date, or {@code null}
 */
public record NewDeal(ClientId client, Money amount, EmployeeId manager, @Nullable String pipeline,
                      @Nullable String stage, @Nullable BigDecimal probability, @Nullable String leadSource,
                      @Nullable String campaign, @Nullable LocalDate expectedClose) {
    public NewDeal {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(manager, "manager");
    }

    /** A deal with {@code client} worth {@code amount} for {@code manager}, in the default pipeline's first stage. */
    public static NewDeal of(ClientId client, Money amount, EmployeeId manager) {
        return new NewDeal(client, amount, manager, null, null, null, null, null, null);
    }

    /** This form in the pipeline {@code pipeline}. */
    public NewDeal inPipeline(@Nullable String pipeline) {
        return new NewDeal(client, amount, manager, pipeline, stage, probability, leadSource, campaign, expectedClose);
    }

    /** This form starting in the stage {@code stage}. */
    public NewDeal inStage(@Nullable String stage) {
        return new NewDeal(client, amount, manager, pipeline, stage, probability, leadSource, campaign, expectedClose);
    }

    /** This form with a probability set by hand. */
    public NewDeal withProbability(@Nullable BigDecimal probability) {
        return new NewDeal(client, amount, manager, pipeline, stage, probability, leadSource, campaign, expectedClose);
    }

    /** This form with a lead source and a campaign. */
    public NewDeal from(@Nullable String leadSource, @Nullable String campaign) {
        return new NewDeal(client, amount, manager, pipeline, stage, probability, leadSource, campaign, expectedClose);
    }

    /** This form expected to close on {@code date}. */
    public NewDeal closingOn(@Nullable LocalDate date) {
        return new NewDeal(client, amount, manager, pipeline, stage, probability, leadSource, campaign, date);
    }
}
