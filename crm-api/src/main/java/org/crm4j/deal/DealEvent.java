package org.crm4j.deal;

import java.math.BigDecimal;
import java.time.Instant;
import org.crm4j.client.ClientId;
import org.crm4j.common.CrmEvent;
import org.crm4j.common.EmployeeId;

/** What happened to a deal. Immutable records. */
public sealed interface DealEvent extends CrmEvent {
    /** The deal it happened to. */
    DealId dealId();

    /** A deal was created in the first stage it entered. */
    record DealCreated(DealId dealId, ClientId client, String pipeline, String stage, EmployeeId actor, Instant at)
            implements DealEvent {
        @Override
        public String type() {
            return "deal.created";
        }
    }

    /**
     * A deal moved to another stage; {@code kind} tells whether it was won, lost or postponed by it. A lost deal
     * carries the reason.
     */
    record DealMoved(DealId dealId, String from, String to, StageKind kind, @org.jspecify.annotations.Nullable
            String lostReason, EmployeeId actor, Instant at) implements DealEvent {
        @Override
        public String type() {
            return switch (kind) {
                case OPEN -> "deal.moved";
                case WON -> "deal.won";
                case LOST -> "deal.lost";
                case POSTPONED -> "deal.postponed";
            };
        }
    }

    /** A closed deal was reopened into an open stage. */
    record DealReopened(DealId dealId, String from, String to, EmployeeId actor, Instant at) implements DealEvent {
        @Override
        public String type() {
            return "deal.reopened";
        }
    }

    /** A deal's probability was set by hand or reset to its stage's default. */
    record DealProbabilityChanged(DealId dealId, BigDecimal from, BigDecimal to, ProbabilitySource source,
                                  EmployeeId actor, Instant at) implements DealEvent {
        @Override
        public String type() {
            return "deal.probability-changed";
        }
    }

    /** A stage of the deal's pipeline was removed and the deal was moved to the stage mapped to it. */
    record DealRemapped(DealId dealId, String from, String to, EmployeeId actor, Instant at) implements DealEvent {
        @Override
        public String type() {
            return "deal.remapped";
        }
    }

    /** The deal was given to another manager (a client's reassignment); {@code actor} is who did it, if known. */
    record DealManagerChanged(DealId dealId, EmployeeId from, EmployeeId to,
                              @org.jspecify.annotations.Nullable EmployeeId actor, Instant at) implements DealEvent {
        @Override
        public String type() {
            return "deal.manager-changed";
        }
    }
}
