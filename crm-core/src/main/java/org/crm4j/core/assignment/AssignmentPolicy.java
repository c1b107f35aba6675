package org.crm4j.core.assignment;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Violations;

/**
 * The rules dividing clients among managers (M-6.4), as data: the team of managers who take clients, in a stated
 * order; the steps narrowing them by the client's region and industry ({@link AssignmentStep}), in order; and the
 * tie-breaker choosing among those left ({@link TieBreak}). Absent managers are passed over first, whatever the
 * step. {@link AssignmentRules#decide} applies it. Immutable and thread-safe.
 *
 * <pre>{@code
 * AssignmentPolicy policy = AssignmentPolicy.of(List.of(anna, boris, vera), TieBreak.LEAST_LOADED,
 *         AssignmentStep.ByRegion.of(Map.of("77", List.of(anna, boris), "78", List.of(vera))),
 *         AssignmentStep.ByIndustry.of(Map.of("retail", List.of(boris))));
 * }</pre>
 *
 * @param team     the managers who take clients, without repeats; a manager a step names must be in it
 * @param steps    the narrowing steps, applied in order
 * @param tieBreak how one of the candidates left is chosen
 */
public record AssignmentPolicy(List<EmployeeId> team, List<AssignmentStep> steps, TieBreak tieBreak) {
    public AssignmentPolicy {
        team = List.copyOf(Objects.requireNonNull(team, "team"));
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        Objects.requireNonNull(tieBreak, "tieBreak");
        Violations v = new Violations();
        Set<EmployeeId> members = new HashSet<>();
        for (int i = 0; i < team.size(); i++) {
            if (!members.add(team.get(i))) {
                v.add("team[" + i + "]", "assignment.duplicate-manager", team.get(i),
                        "the team names " + team.get(i) + " twice");
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            AssignmentStep step = steps.get(i);
            for (var entry : step.managers().entrySet()) {
                for (EmployeeId manager : entry.getValue()) {
                    if (!members.contains(manager)) {
                        v.add("steps[" + i + "]." + entry.getKey(), "assignment.unknown-manager", manager,
                                "the " + step.name() + " step names " + manager + " for '" + entry.getKey()
                                        + "', who is not in the team");
                    }
                }
            }
        }
        v.throwIfAny();
    }

    /** A policy of a team, a tie-breaker and steps in order. */
    public static AssignmentPolicy of(List<EmployeeId> team, TieBreak tieBreak, AssignmentStep... steps) {
        return new AssignmentPolicy(team, Arrays.asList(steps), tieBreak);
    }

    /** No team: every client must be assigned by hand, and automatic assignment refuses. The default. */
    public static AssignmentPolicy none() {
        return new AssignmentPolicy(List.of(), List.of(), TieBreak.ROUND_ROBIN);
    }

    /** Whether the policy names nobody, so that every automatic assignment is refused. */
    public boolean isEmpty() {
        return team.isEmpty();
    }
}
