package org.crm4j.core.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.crm4j.assignment.Absences;
import org.crm4j.assignment.AssignmentTally;
import org.crm4j.assignment.ManagerLoad;
import org.crm4j.assignment.NoManagerException;
import org.crm4j.client.ClientCard;
import org.crm4j.client.Segments;
import org.crm4j.common.EmployeeId;
import org.crm4j.tck.ClientFixture;

/**
 * Properties of the assignment rules: the same input gives an equal decision whatever order the stored facts come
 * in, and the decision keeps the policy's promises (a present, non-leaving team member; the least loaded one).
 */
class AssignmentDeterminismTest {
    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    private static final List<String> REGIONS = List.of("msk", "spb", "kzn");
    private static final List<String> INDUSTRIES = List.of("retail", "oil");

    /** A random case: its seed decides the team, the steps, the client, absences and facts. */
    record Case(AssignmentPolicy policy, ClientCard card, Set<EmployeeId> away, Set<EmployeeId> leaving,
                Map<EmployeeId, ManagerLoad> loads, Map<EmployeeId, AssignmentTally> tallies) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.longs().map(AssignmentDeterminismTest::build);
    }

    private static Case build(long seed) {
        java.util.Random r = new java.util.Random(seed);
        int size = 1 + r.nextInt(6);
        List<EmployeeId> team = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            team.add(EmployeeId.of("m" + i));
        }
        List<AssignmentStep> steps = new ArrayList<>();
        if (r.nextBoolean()) {
            steps.add(new AssignmentStep.ByRegion(mapping(r, REGIONS, team), false));
        }
        if (r.nextBoolean()) {
            steps.add(new AssignmentStep.ByIndustry(mapping(r, INDUSTRIES, team), false));
        }
        if (r.nextBoolean()) {
            Collections.reverse(steps);
        }
        TieBreak tieBreak = r.nextBoolean() ? TieBreak.ROUND_ROBIN : TieBreak.LEAST_LOADED;
        String region = r.nextInt(4) == 0 ? null : REGIONS.get(r.nextInt(REGIONS.size()));
        String industry = r.nextInt(3) == 0 ? null : INDUSTRIES.get(r.nextInt(INDUSTRIES.size()));
        ClientCard card = ClientFixture.minimal(1, "Клиент").toBuilder().segments(Segments.of(region, industry))
                .build();
        Set<EmployeeId> away = new HashSet<>();
        Set<EmployeeId> leaving = new HashSet<>();
        Map<EmployeeId, ManagerLoad> loads = new LinkedHashMap<>();
        Map<EmployeeId, AssignmentTally> tallies = new LinkedHashMap<>();
        for (EmployeeId m : team) {
            if (r.nextInt(5) == 0) {
                away.add(m);
            }
            if (r.nextInt(8) == 0) {
                leaving.add(m);
            }
            if (r.nextBoolean()) {
                loads.put(m, new ManagerLoad(m, r.nextInt(3), r.nextInt(3)));
            }
            if (r.nextBoolean()) {
                tallies.put(m, new AssignmentTally(m, NOW.minusSeconds(r.nextInt(3)), 1 + r.nextInt(3)));
            }
        }
        return new Case(new AssignmentPolicy(team, steps, tieBreak), card, away, leaving, loads, tallies);
    }

    private static Map<String, List<EmployeeId>> mapping(java.util.Random r, List<String> codes,
                                                         List<EmployeeId> team) {
        Map<String, List<EmployeeId>> out = new LinkedHashMap<>();
        for (String code : codes) {
            if (r.nextInt(4) == 0) {
                continue;
            }
            List<EmployeeId> shuffled = new ArrayList<>(team);
            Collections.shuffle(shuffled, r);
            out.put(code, List.copyOf(shuffled.subList(0, 1 + r.nextInt(team.size()))));
        }
        return out;
    }

    private static AssignmentDecision decide(Case c, Map<EmployeeId, ManagerLoad> loads,
                                             Map<EmployeeId, AssignmentTally> tallies) {
        Absences absences = (employee, at) -> c.away().contains(employee);
        return AssignmentRules.decide(c.policy(), c.card(), NOW, absences, c.leaving(),
                AssignmentFacts.of(loads, tallies));
    }

    private static <V> Map<EmployeeId, V> reversed(Map<EmployeeId, V> map) {
        Map<EmployeeId, V> out = new TreeMap<>((a, b) -> b.value().compareTo(a.value()));
        out.putAll(map);
        return out;
    }

    @Property(tries = 500)
    void theSameInputGivesAnEqualDecision(@ForAll("cases") Case c) {
        AssignmentDecision first;
        try {
            first = decide(c, c.loads(), c.tallies());
        } catch (NoManagerException e) {
            // refused: it is refused again, by the same step
            try {
                decide(c, reversed(c.loads()), reversed(c.tallies()));
            } catch (NoManagerException again) {
                assertThat(again.step()).isEqualTo(e.step());
                return;
            }
            throw new AssertionError("refused once and decided once", e);
        }
        assertThat(decide(c, reversed(c.loads()), reversed(c.tallies()))).isEqualTo(first);
    }

    @Property(tries = 500)
    void theManagerIsAPresentTeamMemberNotLeaving(@ForAll("cases") Case c) {
        AssignmentDecision d;
        try {
            d = decide(c, c.loads(), c.tallies());
        } catch (NoManagerException e) {
            assertThat(e.step()).isEqualTo("absences");
            assertThat(c.policy().team()).allMatch(m -> c.away().contains(m) || c.leaving().contains(m));
            return;
        }
        assertThat(c.policy().team()).contains(d.manager());
        assertThat(c.away()).doesNotContain(d.manager());
        assertThat(c.leaving()).doesNotContain(d.manager());
        assertThat(d.considered()).contains(d.manager());
        assertThat(d.considered()).noneMatch(c.away()::contains);
    }

    @Property(tries = 500)
    void leastLoadedChoosesAMinimalLoad(@ForAll("cases") Case c) {
        if (c.policy().tieBreak() != TieBreak.LEAST_LOADED) {
            return;
        }
        AssignmentDecision d;
        try {
            d = decide(c, c.loads(), c.tallies());
        } catch (NoManagerException e) {
            return;
        }
        if (d.considered().size() > 1) {
            long chosen = d.loads().get(d.manager()).total();
            assertThat(d.considered()).allMatch(m -> d.loads().get(m).total() >= chosen);
        }
    }

    @Property(tries = 200)
    void roundRobinTakesTurnsWhenEachAssignmentIsRecorded(@ForAll @IntRange(min = 2, max = 6) int size,
                                                          @ForAll @IntRange(min = 1, max = 30) int rounds) {
        List<EmployeeId> team = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            team.add(EmployeeId.of("m" + i));
        }
        AssignmentPolicy policy = AssignmentPolicy.of(team, TieBreak.ROUND_ROBIN);
        ClientCard card = ClientFixture.minimal(1, "Клиент");
        Map<EmployeeId, AssignmentTally> tallies = new LinkedHashMap<>();
        Map<EmployeeId, Integer> got = new LinkedHashMap<>();
        for (int i = 0; i < rounds * size; i++) {
            EmployeeId m = AssignmentRules.decide(policy, card, NOW, Absences.none(), Set.of(),
                    AssignmentFacts.of(Map.of(), tallies)).manager();
            AssignmentTally t = tallies.get(m);
            tallies.put(m, new AssignmentTally(m, NOW, t == null ? 1 : t.assignments() + 1)); // a clock standing still
            got.merge(m, 1, Integer::sum);
        }
        assertThat(got.values()).containsOnly(rounds);
    }
}
