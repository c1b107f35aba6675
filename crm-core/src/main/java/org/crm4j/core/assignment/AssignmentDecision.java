package org.crm4j.core.assignment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crm4j.assignment.AssignmentTally;
import org.crm4j.assignment.ManagerLoad;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;

/**
 * The manager the assignment rules chose for a client, and why: the same policy, client, moment, absences and
 * stored state always give an equal decision. Immutable.
 *
 * @param client     the client
 * @param manager    the manager chosen
 * @param decidedBy  the step that decided: the last narrowing step that left one candidate ({@code region},
 *                   {@code industry}), {@code team} when the team itself left one, or the tie-breaker
 *                   ({@code round-robin}, {@code least-loaded})
 * @param considered the candidates the deciding step chose among, in the team's order
 * @param excluded   the team's managers left out, and by which step
 * @param notes      what each step did, in order, in words
 * @param loads      the open work of the candidates, when the least-loaded tie-breaker read it, else empty
 * @param tallies    the assignment history of the candidates, when a tie-breaker read it (managers never
 *                   assigned a client are absent), else empty
 */
public record AssignmentDecision(ClientId client, EmployeeId manager, String decidedBy, List<EmployeeId> considered,
                                 List<Exclusion> excluded, List<String> notes, Map<EmployeeId, ManagerLoad> loads,
                                 Map<EmployeeId, AssignmentTally> tallies) {
    private static final int REASON_LENGTH = 500;

    public AssignmentDecision {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(decidedBy, "decidedBy");
        considered = List.copyOf(considered);
        excluded = List.copyOf(excluded);
        notes = List.copyOf(notes);
        loads = Map.copyOf(loads);
        tallies = Map.copyOf(tallies);
    }

    /**
     * The reason written to the client's assignment history: the deciding step, the manager and the candidates,
     * then what the steps did; at most 500 characters.
     */
    public String reason() {
        StringBuilder text = new StringBuilder("assignment rule ").append(decidedBy).append(": ").append(manager);
        if (considered.size() > 1) {
            text.append(" of ").append(considered);
        }
        if (!notes.isEmpty()) {
            text.append("; ").append(String.join("; ", notes));
        }
        return text.length() <= REASON_LENGTH ? text.toString() : text.substring(0, REASON_LENGTH - 1) + "…";
    }
}
