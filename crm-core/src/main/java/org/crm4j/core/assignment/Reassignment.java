package org.crm4j.core.assignment;

import java.util.List;
import java.util.Objects;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.deal.DealId;
import org.crm4j.task.TaskId;
import org.jspecify.annotations.Nullable;

/**
 * What assigning or reassigning one client did, in one transaction. Immutable.
 *
 * @param client      the client
 * @param from        the manager responsible before, or {@code null} when nobody was
 * @param to          the manager responsible now
 * @param changed     whether the assignment history grew; {@code false} when {@code to} was already responsible,
 *                    and then nothing else was done
 * @param movedTasks  the open tasks given to {@code to}
 * @param movedDeals  the open deals given to {@code to}
 * @param handover    the handover task of {@code to}, or {@code null} when none was asked for or nothing changed
 * @param decision    the rules' decision, when they chose {@code to}, else {@code null}
 */
public record Reassignment(ClientId client, @Nullable EmployeeId from, EmployeeId to, boolean changed,
                           List<TaskId> movedTasks, List<DealId> movedDeals, @Nullable TaskId handover,
                           @Nullable AssignmentDecision decision) {
    public Reassignment {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(to, "to");
        movedTasks = List.copyOf(movedTasks);
        movedDeals = List.copyOf(movedDeals);
    }
}
