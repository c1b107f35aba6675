package org.crm4j.core.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crm4j.assignment.Absence;
import org.crm4j.assignment.Absences;
import org.crm4j.assignment.AssignmentTally;
import org.crm4j.assignment.ManagerLoad;
import org.crm4j.assignment.NoManagerException;
import org.crm4j.client.ClientCard;
import org.crm4j.client.Segments;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;
import org.crm4j.core.assignment.AssignmentStep.ByIndustry;
import org.crm4j.core.assignment.AssignmentStep.ByRegion;
import org.crm4j.tck.ClientFixture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AssignmentRulesTest {
    private static final EmployeeId ANNA = EmployeeId.of("anna");
    private static final EmployeeId BORIS = EmployeeId.of("boris");
    private static final EmployeeId VERA = EmployeeId.of("vera");
    private static final EmployeeId GLEB = EmployeeId.of("gleb");
    private static final List<EmployeeId> TEAM = List.of(ANNA, BORIS, VERA, GLEB);
    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    private static final ByRegion REGIONS = ByRegion.of(Map.of("msk", List.of(ANNA, BORIS), "spb", List.of(VERA)));
    private static final ByIndustry INDUSTRIES = ByIndustry.of(Map.of("retail", List.of(BORIS, VERA),
            "oil", List.of(GLEB)));
    private static final AssignmentFacts NO_FACTS = AssignmentFacts.of(Map.of(), Map.of());

    private static ClientCard client(@Nullable String region, @Nullable String industry) {
        return ClientFixture.minimal(1, "Клиент").toBuilder().segments(Segments.of(region, industry)).build();
    }

    private static AssignmentDecision decide(AssignmentPolicy policy, ClientCard card, Absences absences,
                                             AssignmentFacts facts) {
        return AssignmentRules.decide(policy, card, NOW, absences, Set.of(), facts);
    }

    private static AssignmentTally tally(EmployeeId m, long minutesAgo, long count) {
        return new AssignmentTally(m, NOW.minus(Duration.ofMinutes(minutesAgo)), count);
    }

    @Test
    @DisplayName("a region served by one manager decides by itself, and says the others do not serve it")
    void regionDecides() {
        AssignmentDecision d = decide(AssignmentPolicy.of(TEAM, TieBreak.ROUND_ROBIN, REGIONS), client("spb", null),
                Absences.none(), NO_FACTS);

        assertThat(d.manager()).isEqualTo(VERA);
        assertThat(d.decidedBy()).isEqualTo("region");
        assertThat(d.considered()).containsExactly(VERA);
        assertThat(d.excluded()).extracting(Exclusion::manager).containsExactly(ANNA, BORIS, GLEB);
        assertThat(d.excluded()).allSatisfy(e -> assertThat(e.step()).isEqualTo("region"));
        assertThat(d.reason()).startsWith("assignment rule region: vera").contains("region 'spb': [vera]");
    }

    @Test
    @DisplayName("industry narrows what the region left: a Moscow retailer goes to the one who serves both")
    void industryAfterRegion() {
        AssignmentDecision d = decide(AssignmentPolicy.of(TEAM, TieBreak.ROUND_ROBIN, REGIONS, INDUSTRIES),
                client("msk", "retail"), Absences.none(), NO_FACTS);

        assertThat(d.manager()).isEqualTo(BORIS);
        assertThat(d.decidedBy()).isEqualTo("industry");
    }

    @Test
    @DisplayName("a step whose managers an earlier step left out is passed over: the earlier step wins")
    void earlierStepWins() {
        AssignmentDecision d = decide(AssignmentPolicy.of(TEAM, TieBreak.ROUND_ROBIN, REGIONS, INDUSTRIES),
                client("spb", "oil"), Absences.none(), NO_FACTS);

        assertThat(d.manager()).isEqualTo(VERA);
        assertThat(d.decidedBy()).isEqualTo("region");
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).startsWith("industry 'oil'").contains("passed over"));
    }

    @Test
    @DisplayName("a client without a region, or with a region nobody serves, passes the step to the tie-breaker")
    void regionMissingOrUnmapped() {
        AssignmentPolicy policy = AssignmentPolicy.of(TEAM, TieBreak.ROUND_ROBIN, REGIONS);

        AssignmentDecision none = decide(policy, client(null, null), Absences.none(), NO_FACTS);
        AssignmentDecision unmapped = decide(policy, client("kzn", null), Absences.none(), NO_FACTS);

        assertThat(none.decidedBy()).isEqualTo("round-robin");
        assertThat(none.considered()).containsExactlyElementsOf(TEAM);
        assertThat(none.notes().get(0)).isEqualTo("region: the client has none, passed over");
        assertThat(unmapped.notes().get(0)).isEqualTo("region 'kzn': no managers named, passed over");
    }

    @Test
    @DisplayName("round-robin: a manager never assigned first, then the longest since their last assignment")
    void roundRobin() {
        AssignmentPolicy policy = AssignmentPolicy.of(TEAM, TieBreak.ROUND_ROBIN);
        ClientCard card = client(null, null);

        AssignmentDecision neverAssigned = decide(policy, card, Absences.none(), AssignmentFacts.of(Map.of(),
                Map.of(ANNA, tally(ANNA, 5, 1), BORIS, tally(BORIS, 50, 9), GLEB, tally(GLEB, 1, 1))));
        AssignmentDecision oldest = decide(policy, card, Absences.none(), AssignmentFacts.of(Map.of(),
                Map.of(ANNA, tally(ANNA, 5, 1), BORIS, tally(BORIS, 50, 9), VERA, tally(VERA, 7, 1),
                        GLEB, tally(GLEB, 1, 1))));

        assertThat(neverAssigned.manager()).isEqualTo(VERA);
        assertThat(oldest.manager()).isEqualTo(BORIS);
        assertThat(oldest.tallies()).hasSize(4);
        assertThat(oldest.loads()).isEmpty();
    }

    @Test
    @DisplayName("round-robin at the same moment: the fewer assignments, then the team's order")
    void roundRobinTies() {
        AssignmentPolicy policy = AssignmentPolicy.of(List.of(ANNA, BORIS, VERA), TieBreak.ROUND_ROBIN);
        ClientCard card = client(null, null);

        AssignmentDecision fewer = decide(policy, card, Absences.none(), AssignmentFacts.of(Map.of(),
                Map.of(ANNA, tally(ANNA, 0, 2), BORIS, tally(BORIS, 0, 2), VERA, tally(VERA, 0, 1))));
        AssignmentDecision order = decide(policy, card, Absences.none(), AssignmentFacts.of(Map.of(),
                Map.of(ANNA, tally(ANNA, 0, 1), BORIS, tally(BORIS, 0, 1), VERA, tally(VERA, 0, 1))));

        assertThat(fewer.manager()).isEqualTo(VERA);
        assertThat(order.manager()).isEqualTo(ANNA);
    }

    @Test
    @DisplayName("least loaded: the fewest open deals and tasks together; equal loads go round-robin")
    void leastLoaded() {
        AssignmentPolicy policy = AssignmentPolicy.of(TEAM, TieBreak.LEAST_LOADED);
        ClientCard card = client(null, null);
        Map<EmployeeId, ManagerLoad> loads = Map.of(ANNA, new ManagerLoad(ANNA, 1, 1),
                BORIS, new ManagerLoad(BORIS, 0, 5), VERA, new ManagerLoad(VERA, 2, 0),
                GLEB, new ManagerLoad(GLEB, 3, 3));

        AssignmentDecision d = decide(policy, card, Absences.none(), AssignmentFacts.of(loads,
                Map.of(ANNA, tally(ANNA, 1, 1), VERA, tally(VERA, 10, 1))));

        assertThat(d.manager()).isEqualTo(VERA);
        assertThat(d.decidedBy()).isEqualTo("least-loaded");
        assertThat(d.loads()).containsEntry(VERA, new ManagerLoad(VERA, 2, 0)).hasSize(4);
        assertThat(d.notes().get(d.notes().size() - 1)).startsWith("least-loaded: anna (2 open, last assigned");
    }

    @Test
    @DisplayName("a manager the store knows no work of has a load of zero")
    void missingLoadIsZero() {
        AssignmentDecision d = decide(AssignmentPolicy.of(List.of(ANNA, BORIS), TieBreak.LEAST_LOADED),
                client(null, null), Absences.none(),
                AssignmentFacts.of(Map.of(ANNA, new ManagerLoad(ANNA, 1, 0)), Map.of()));

        assertThat(d.manager()).isEqualTo(BORIS);
        assertThat(d.loads()).containsEntry(BORIS, ManagerLoad.none(BORIS));
    }

    @Test
    @DisplayName("absent managers are passed over, and a region whose managers are all away goes to the others")
    void absences() {
        Absences away = Absences.of(List.of(new Absence(VERA, NOW.minusSeconds(60), NOW.plusSeconds(3600)),
                new Absence(ANNA, NOW.plusSeconds(60), NOW.plusSeconds(3600))));
        AssignmentPolicy policy = AssignmentPolicy.of(TEAM, TieBreak.ROUND_ROBIN, REGIONS);

        AssignmentDecision d = decide(policy, client("spb", null), away, NO_FACTS);

        assertThat(d.manager()).isEqualTo(ANNA);
        assertThat(d.considered()).containsExactly(ANNA, BORIS, GLEB);
        assertThat(d.excluded()).containsExactly(new Exclusion(VERA, "absences", "vera is away at " + NOW));
        assertThat(d.notes().get(0)).contains("region 'spb': its managers [vera]").endsWith("passed over");
    }

    @Test
    @DisplayName("a required region whose managers are all away refuses, naming the step")
    void requiredStep() {
        Absences away = Absences.of(List.of(new Absence(VERA, NOW, NOW.plusSeconds(1))));
        AssignmentPolicy policy = AssignmentPolicy.of(TEAM, TieBreak.ROUND_ROBIN,
                new ByRegion(REGIONS.managers(), true));

        assertThatThrownBy(() -> decide(policy, client("spb", null), away, NO_FACTS))
                .isInstanceOfSatisfying(NoManagerException.class, e -> {
                    assertThat(e.step()).isEqualTo("region");
                    assertThat(e.code()).isEqualTo("assignment.no-manager");
                    assertThat(e.getMessage()).contains("region 'spb'", "[vera]");
                });
    }

    @Test
    @DisplayName("nobody to choose from is refused: an empty policy (step team), everyone away (step absences)")
    void nobody() {
        Absences allAway = (employee, at) -> true;

        assertThatThrownBy(() -> decide(AssignmentPolicy.none(), client(null, null), Absences.none(), NO_FACTS))
                .isInstanceOfSatisfying(NoManagerException.class, e -> assertThat(e.step()).isEqualTo("team"));
        assertThatThrownBy(() -> decide(AssignmentPolicy.of(TEAM, TieBreak.LEAST_LOADED), client(null, null),
                allAway, NO_FACTS))
                .isInstanceOfSatisfying(NoManagerException.class, e -> assertThat(e.step()).isEqualTo("absences"));
    }

    @Test
    @DisplayName("the manager a client leaves is not a candidate")
    void leaving() {
        AssignmentDecision d = AssignmentRules.decide(AssignmentPolicy.of(TEAM, TieBreak.ROUND_ROBIN, REGIONS),
                client("msk", null), NOW, Absences.none(), Set.of(ANNA), NO_FACTS);

        assertThat(d.manager()).isEqualTo(BORIS);
        assertThat(d.excluded()).first().isEqualTo(new Exclusion(ANNA, "leaving", "the client is being taken from anna"));
    }

    @Test
    @DisplayName("a policy naming a manager outside the team, a manager twice, or a code without managers is refused")
    void badPolicies() {
        assertThatThrownBy(() -> AssignmentPolicy.of(List.of(ANNA), TieBreak.ROUND_ROBIN, REGIONS))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(v -> v.code())
                            .containsOnly("assignment.unknown-manager");
                    assertThat(e.violations()).hasSize(2);
                });
        assertThatThrownBy(() -> AssignmentPolicy.of(List.of(ANNA, ANNA), TieBreak.ROUND_ROBIN))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationCode()).isEqualTo("assignment.duplicate-manager"));
        assertThatThrownBy(() -> ByRegion.of(Map.of("msk", List.of())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationCode()).isEqualTo("assignment.step-empty"));
        assertThatThrownBy(() -> new Absence(ANNA, NOW, NOW)).isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("a long explanation is cut to what the assignment history keeps")
    void reasonLength() {
        AssignmentDecision d = new AssignmentDecision(ClientFixture.id(1), ANNA, "team", List.of(ANNA), List.of(),
                List.of("x".repeat(600)), Map.of(), Map.of());

        assertThat(d.reason()).hasSize(500).endsWith("…");
    }
}
