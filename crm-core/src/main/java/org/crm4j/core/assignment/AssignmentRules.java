package org.crm4j.core.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crm4j.assignment.Absences;
import org.crm4j.assignment.AssignmentTally;
import org.crm4j.assignment.ManagerLoad;
import org.crm4j.assignment.NoManagerException;
import org.crm4j.client.ClientCard;
import org.crm4j.common.EmployeeId;

/**
 * Applies an {@link AssignmentPolicy} to a client: a pure function of the policy, the client's card, the moment,
 * the absences, the managers to leave out and the stored facts, so the same input always gives an equal
 * {@link AssignmentDecision}. In order:
 * <ol>
 *   <li>the team, in its order (an empty team is refused: step {@code team});</li>
 *   <li>the managers to leave out (the one a client is taken from) are removed (step {@code leaving});</li>
 *   <li>the managers away at the moment are removed (step {@code absences}; nobody left is refused);</li>
 *   <li>each {@link AssignmentStep} narrows the candidates, as it describes;</li>
 *   <li>one candidate left is the decision of the last step that narrowed (or {@code team}); among several, the
 *       {@link TieBreak} chooses.</li>
 * </ol>
 */
public final class AssignmentRules {
    private AssignmentRules() {
    }

    /**
     * The decision for {@code card} at {@code at}.
     *
     * @param leaving managers who may not take the client (the manager it is taken from), possibly empty
     * @throws NoManagerException naming the step that left nobody
     */
    public static AssignmentDecision decide(AssignmentPolicy policy, ClientCard card, Instant at, Absences absences,
                                            Set<EmployeeId> leaving, AssignmentFacts facts) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(absences, "absences");
        Objects.requireNonNull(leaving, "leaving");
        Objects.requireNonNull(facts, "facts");
        if (policy.isEmpty()) {
            throw new NoManagerException(card.id(), "team",
                    "the assignment policy names no managers; set one with Crm.builder().assignment(...)");
        }
        List<Exclusion> excluded = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<EmployeeId> candidates = new ArrayList<>();
        for (EmployeeId manager : policy.team()) {
            if (leaving.contains(manager)) {
                excluded.add(new Exclusion(manager, "leaving", "the client is being taken from " + manager));
            } else if (absences.isAbsent(manager, at)) {
                excluded.add(new Exclusion(manager, "absences", manager + " is away at " + at));
            } else {
                candidates.add(manager);
            }
        }
        if (candidates.isEmpty()) {
            throw new NoManagerException(card.id(), "absences",
                    "every manager of the team is away or is the one the client leaves");
        }
        String decidedBy = "team";
        for (AssignmentStep step : policy.steps()) {
            String key = step.key(card);
            if (key == null) {
                notes.add(step.name() + ": the client has none, passed over");
                continue;
            }
            List<EmployeeId> named = step.managers().get(key);
            if (named == null) {
                notes.add(step.name() + " '" + key + "': no managers named, passed over");
                continue;
            }
            List<EmployeeId> kept = candidates.stream().filter(named::contains).toList();
            if (kept.isEmpty()) {
                if (step.required()) {
                    throw new NoManagerException(card.id(), step.name(), "the managers of " + step.name() + " '"
                            + key + "' " + named + " are away, leaving or were left out by an earlier step");
                }
                notes.add(step.name() + " '" + key + "': its managers " + named
                        + " are away, leaving or left out, passed over");
                continue;
            }
            for (EmployeeId manager : candidates) {
                if (!kept.contains(manager)) {
                    excluded.add(new Exclusion(manager, step.name(),
                            manager + " does not serve " + step.name() + " '" + key + "'"));
                }
            }
            candidates = kept;
            decidedBy = step.name();
            notes.add(step.name() + " '" + key + "': " + kept);
        }
        if (candidates.size() == 1) {
            return new AssignmentDecision(card.id(), candidates.get(0), decidedBy, candidates, excluded, notes,
                    Map.of(), Map.of());
        }
        return tieBreak(policy, card, candidates, excluded, notes, facts);
    }

    private static AssignmentDecision tieBreak(AssignmentPolicy policy, ClientCard card, List<EmployeeId> candidates,
                                               List<Exclusion> excluded, List<String> notes, AssignmentFacts facts) {
        List<EmployeeId> asked = List.copyOf(new LinkedHashSet<>(candidates));
        Map<EmployeeId, AssignmentTally> tallies = new HashMap<>();
        facts.tallies(asked).forEach((m, t) -> {
            if (asked.contains(m)) {
                tallies.put(m, t);
            }
        });
        Map<EmployeeId, Integer> order = new HashMap<>();
        for (int i = 0; i < policy.team().size(); i++) {
            order.put(policy.team().get(i), i);
        }
        Comparator<EmployeeId> roundRobin = Comparator
                .comparing((EmployeeId m) -> tallies.containsKey(m))
                .thenComparing(m -> tallies.containsKey(m) ? tallies.get(m).lastAssignedAt() : Instant.EPOCH)
                .thenComparingLong(m -> tallies.containsKey(m) ? tallies.get(m).assignments() : 0)
                .thenComparingInt(order::get);
        Map<EmployeeId, ManagerLoad> loads = new HashMap<>();
        Comparator<EmployeeId> comparator = roundRobin;
        if (policy.tieBreak() == TieBreak.LEAST_LOADED) {
            Map<EmployeeId, ManagerLoad> answered = facts.loads(asked);
            for (EmployeeId m : asked) {
                loads.put(m, answered.getOrDefault(m, ManagerLoad.none(m)));
            }
            comparator = Comparator.comparingLong((EmployeeId m) -> loads.get(m).total()).thenComparing(roundRobin);
        }
        EmployeeId chosen = candidates.stream().min(comparator).orElseThrow();
        List<String> explained = new ArrayList<>(notes);
        StringBuilder line = new StringBuilder(policy.tieBreak().code()).append(':');
        for (EmployeeId m : candidates) {
            line.append(' ').append(m).append(" (");
            if (policy.tieBreak() == TieBreak.LEAST_LOADED) {
                line.append(loads.get(m).total()).append(" open, ");
            }
            AssignmentTally t = tallies.get(m);
            line.append(t == null ? "never assigned" : "last assigned " + t.lastAssignedAt()).append(')');
        }
        explained.add(line.toString());
        return new AssignmentDecision(card.id(), chosen, policy.tieBreak().code(), candidates, excluded, explained,
                loads, tallies);
    }
}
