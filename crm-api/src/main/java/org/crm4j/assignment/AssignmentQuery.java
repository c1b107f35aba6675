package org.crm4j.assignment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.jspecify.annotations.Nullable;

/**
 * The questions assigning and reassigning clients ask of storage: each candidate's open work and assignment
 * history, and the clients a manager is responsible for (or that nobody is). crm4j answers them in memory from
 * its stores, and crm-jpa in SQL (one grouped select per question); a vendor's storage proves itself with
 * {@code AssignmentQueryContract} from crm-api's test-jar. Implementations are thread-safe.
 */
public interface AssignmentQuery {
    /** The most managers one question may name, and the most clients one page returns. */
    int MAX_MANAGERS = 1000;

    /**
     * The open work of each of {@code managers}: open deals (no closing moment) whose manager they are, and open
     * or in-progress tasks they are responsible for. Every manager asked has an entry, with zeros when they have
     * no open work.
     */
    Map<EmployeeId, ManagerLoad> loads(Collection<EmployeeId> managers);

    /**
     * The tally of each of {@code managers} over every client's assignment history (current and past entries
     * alike); managers never made responsible for a client have no entry.
     */
    Map<EmployeeId, AssignmentTally> tallies(Collection<EmployeeId> managers);

    /** The clients {@code manager} is responsible for now, after {@code after} in id order, at most {@code limit}. */
    List<ClientId> clientsOf(EmployeeId manager, @Nullable ClientId after, int limit);

    /** The clients nobody is responsible for now, after {@code after} in id order, at most {@code limit}. */
    List<ClientId> unassigned(@Nullable ClientId after, int limit);
}
