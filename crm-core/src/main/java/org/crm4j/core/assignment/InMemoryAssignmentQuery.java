package org.crm4j.core.assignment;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crm4j.assignment.AssignmentQuery;
import org.crm4j.assignment.AssignmentTally;
import org.crm4j.assignment.ManagerLoad;
import org.crm4j.client.ClientId;
import org.crm4j.client.ManagerAssignment;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;
import org.crm4j.core.client.InMemoryClientStore;
import org.crm4j.core.deal.InMemoryDealStore;
import org.crm4j.core.task.InMemoryTaskStore;
import org.jspecify.annotations.Nullable;

/**
 * The assignment questions answered from the in-memory stores: counts over the open tasks and deals, and walks
 * over the cards and their histories in id order, which is what an in-memory store of one application's clients
 * can afford. Thread-safe.
 */
public final class InMemoryAssignmentQuery implements AssignmentQuery {
    private final InMemoryClientStore clients;
    private final InMemoryTaskStore tasks;
    private final InMemoryDealStore deals;

    public InMemoryAssignmentQuery(InMemoryClientStore clients, InMemoryTaskStore tasks, InMemoryDealStore deals) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.deals = Objects.requireNonNull(deals, "deals");
    }

    @Override
    public Map<EmployeeId, ManagerLoad> loads(Collection<EmployeeId> managers) {
        Set<EmployeeId> asked = asked(managers);
        Map<EmployeeId, Long> openDeals = deals.countOpenByManager(asked);
        Map<EmployeeId, Long> openTasks = tasks.countOpenByResponsible(asked);
        Map<EmployeeId, ManagerLoad> out = new HashMap<>();
        for (EmployeeId m : asked) {
            out.put(m, new ManagerLoad(m, openDeals.getOrDefault(m, 0L), openTasks.getOrDefault(m, 0L)));
        }
        return Map.copyOf(out);
    }

    @Override
    public Map<EmployeeId, AssignmentTally> tallies(Collection<EmployeeId> managers) {
        Set<EmployeeId> asked = asked(managers);
        Map<EmployeeId, Instant> last = new HashMap<>();
        Map<EmployeeId, Long> count = new HashMap<>();
        clients.streamInIdOrder(null).forEach(card -> {
            for (ManagerAssignment a : card.assignments()) {
                EmployeeId m = a.manager();
                if (m != null && asked.contains(m)) {
                    last.merge(m, a.at(), (x, y) -> x.isAfter(y) ? x : y);
                    count.merge(m, 1L, Long::sum);
                }
            }
        });
        Map<EmployeeId, AssignmentTally> out = new HashMap<>();
        last.forEach((m, at) -> out.put(m, new AssignmentTally(m, at, count.get(m))));
        return Map.copyOf(out);
    }

    @Override
    public List<ClientId> clientsOf(EmployeeId manager, @Nullable ClientId after, int limit) {
        Objects.requireNonNull(manager, "manager");
        requireLimit(limit);
        Optional<EmployeeId> wanted = Optional.of(manager);
        return clients.streamInIdOrder(after).filter(c -> c.responsibleManager().equals(wanted))
                .map(c -> c.id()).limit(limit).toList();
    }

    @Override
    public List<ClientId> unassigned(@Nullable ClientId after, int limit) {
        requireLimit(limit);
        return clients.streamInIdOrder(after).filter(c -> c.responsibleManager().isEmpty())
                .map(c -> c.id()).limit(limit).toList();
    }

    private static Set<EmployeeId> asked(Collection<EmployeeId> managers) {
        Objects.requireNonNull(managers, "managers");
        if (managers.size() > MAX_MANAGERS) {
            throw new ValidationException("managers", "assignment.managers", managers.size(),
                    "a question names at most " + MAX_MANAGERS + " managers, was " + managers.size());
        }
        return new LinkedHashSet<>(managers);
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_MANAGERS) {
            throw new ValidationException("limit", "assignment.limit", limit,
                    "a page holds 1 to " + MAX_MANAGERS + " clients, was " + limit);
        }
    }
}
