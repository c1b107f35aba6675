package org.crm4j.core.assignment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crm4j.assignment.AssignmentQuery;
import org.crm4j.assignment.AssignmentTally;
import org.crm4j.assignment.ManagerLoad;
import org.crm4j.common.EmployeeId;

/**
 * The stored state the tie-breakers read, asked only for the candidates left and only when a tie-breaker needs
 * it: from an {@link AssignmentQuery}, or from fixed maps in tests.
 */
public interface AssignmentFacts {
    /** The open work of each candidate; a candidate absent from the answer has none. */
    Map<EmployeeId, ManagerLoad> loads(List<EmployeeId> candidates);

    /** The assignment tally of each candidate; a candidate absent from the answer was never assigned a client. */
    Map<EmployeeId, AssignmentTally> tallies(List<EmployeeId> candidates);

    /** The facts storage answers. */
    static AssignmentFacts of(AssignmentQuery query) {
        Objects.requireNonNull(query, "query");
        return new AssignmentFacts() {
            @Override
            public Map<EmployeeId, ManagerLoad> loads(List<EmployeeId> candidates) {
                return query.loads(candidates);
            }

            @Override
            public Map<EmployeeId, AssignmentTally> tallies(List<EmployeeId> candidates) {
                return query.tallies(candidates);
            }
        };
    }

    /** Fixed facts. */
    static AssignmentFacts of(Map<EmployeeId, ManagerLoad> loads, Map<EmployeeId, AssignmentTally> tallies) {
        Map<EmployeeId, ManagerLoad> l = Map.copyOf(loads);
        Map<EmployeeId, AssignmentTally> t = Map.copyOf(tallies);
        return new AssignmentFacts() {
            @Override
            public Map<EmployeeId, ManagerLoad> loads(List<EmployeeId> candidates) {
                return l;
            }

            @Override
            public Map<EmployeeId, AssignmentTally> tallies(List<EmployeeId> candidates) {
                return t;
            }
        };
    }
}
