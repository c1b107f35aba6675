package org.crm4j.core.assignment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.crm4j.assignment.Absences;
import org.crm4j.assignment.AssignmentQuery;
import org.crm4j.assignment.NoManagerException;
import org.crm4j.calendar.BusinessCalendar;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientEvent;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientNotFoundException;
import org.crm4j.client.ClientStore;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.CrmEvent;
import org.crm4j.common.CrmEventListener;
import org.crm4j.common.CrmException;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Transactions;
import org.crm4j.common.ValidationException;
import org.crm4j.core.client.ClientRules;
import org.crm4j.core.common.Events;
import org.crm4j.core.common.Decision;
import org.crm4j.core.deal.DealRules;
import org.crm4j.core.task.NewTask;
import org.crm4j.core.task.TaskRules;
import org.crm4j.core.task.Tasks;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealEvent;
import org.crm4j.deal.DealId;
import org.crm4j.deal.DealStore;
import org.crm4j.task.Task;
import org.crm4j.task.TaskEvent;
import org.crm4j.task.TaskId;
import org.crm4j.task.TaskKind;
import org.crm4j.task.TaskPriority;
import org.crm4j.task.TaskStore;
import org.jspecify.annotations.Nullable;

/**
 * Dividing clients among managers (M-6.4), returned by {@code crm.assignment()}: the {@link AssignmentPolicy}
 * proposes a manager for a client ({@link #propose}) and assigns it ({@link #assign}, {@link #assignUnassigned});
 * a client, or every client of a leaving manager, is reassigned with its open work ({@link #reassign},
 * {@link #reassignAll}).
 *
 * <h2>Reassignment</h2>
 * Each client is reassigned in its own transaction: the assignment history grows by one entry naming the new
 * manager, who did it and why (the history is never rewritten); the previous manager's open tasks about the
 * client and open deals with it go to the new manager as the {@link ReassignOptions} ask (closed ones keep their
 * manager; other employees' tasks stay theirs); and the new manager gets a {@link TaskKind#HANDOVER} task, created
 * once per assignment entry (its source key is {@code handover:<client>:<entry>}), so running a reassignment again
 * creates no second one; a handover the previous manager had not finished is cancelled, the new one replacing it.
 * A client already with the target manager is left as it is. Moving work is not refused by the overdue policy or a work-in-progress limit: the work was promised to the client, and stays promised.
 * Concurrent changes of the card, a task or a deal are retried a few times; the events of a client (its new
 * manager, the tasks and deals given over) go to the listener at the end of its transaction, once all is saved, so
 * a listener that writes in that transaction (an outbox) commits or rolls back with the change.
 *
 * <p>crm4j keeps no list of employees: the embedding system checks that the manager it names exists. A target
 * who is away ({@link Absences}) is refused. Thread-safe.
 */
public final class Assignments {
    private static final int ATTEMPTS = 5;
    private static final int PAGE = 100;
    /** The most tasks and deals of one client a reassignment reads. */
    static final int CLIENT_WORK_LIMIT = 1000;
    private static final int TITLE = 300;

    private final Parts parts;
    private final Clock clock;
    private final BusinessCalendar calendar;
    private final AssignmentPolicy policy;
    private final Absences absences;
    private final CrmEventListener listener;

    /**
     * What assignment works with.
     *
     * @param clients      the client cards
     * @param taskStore    the tasks
     * @param deals        the deals
     * @param query        the managers' open work and assignment history
     * @param transactions the transaction each client is handled in
     * @param tasks        the tasks' use cases, which create handover tasks once
     * @param clientRules  the rules of the client card
     */
    public record Parts(ClientStore clients, TaskStore taskStore, DealStore deals, AssignmentQuery query,
                        Transactions transactions, Tasks tasks, ClientRules clientRules) {
        public Parts {
            Objects.requireNonNull(clients, "clients");
            Objects.requireNonNull(taskStore, "taskStore");
            Objects.requireNonNull(deals, "deals");
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(tasks, "tasks");
            Objects.requireNonNull(clientRules, "clientRules");
        }
    }

    public Assignments(Parts parts, Clock clock, BusinessCalendar calendar, AssignmentPolicy policy,
                       Absences absences, CrmEventListener listener) {
        this.parts = Objects.requireNonNull(parts, "parts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.absences = Objects.requireNonNull(absences, "absences");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The policy in force. */
    public AssignmentPolicy policy() {
        return policy;
    }

    /**
     * The manager the policy would choose for the client now, and why; changes nothing. A client that has a
     * manager gets a proposal too (who would take it over from scratch); its manager is a candidate like the
     * others.
     *
     * @throws ClientNotFoundException when the client is not stored
     * @throws NoManagerException      naming the step that left nobody
     */
    public AssignmentDecision propose(ClientId client) {
        Objects.requireNonNull(client, "client");
        Instant now = clock.instant();
        return parts.transactions().inTransaction(() -> decide(load(client), now, Set.of()));
    }

    /**
     * Assigns a client nobody is responsible for to the manager the policy chooses, the reason in its history
     * naming the deciding step ({@link AssignmentDecision#reason()}).
     *
     * @return the decision applied
     * @throws ValidationException     {@code assignment.assigned} when the client already has a manager
     *                                 (use {@link #reassign})
     * @throws ClientNotFoundException when the client is not stored
     * @throws NoManagerException      naming the step that left nobody
     */
    public AssignmentDecision assign(ClientId client) {
        Objects.requireNonNull(client, "client");
        Reassignment done = retried(events -> {
            ClientCard card = load(client);
            Optional<EmployeeId> current = card.responsibleManager();
            if (current.isPresent()) {
                throw new ValidationException("client", "assignment.assigned", current.get(), "client " + client
                        + " already has manager " + current.get() + "; reassign it to change that");
            }
            Instant now = clock.instant();
            AssignmentDecision decision = decide(card, now, Set.of());
            saveAssignment(card, decision.manager(), null, decision.reason(), now, events);
            return new Reassignment(client, null, decision.manager(), true, List.of(), List.of(), null, decision);
        });
        return Objects.requireNonNull(done.decision());
    }

    /**
     * Assigns clients nobody is responsible for, each by the policy in its own transaction, at most {@code limit}
     * of them (1 to 100,000), in id order. A client refused (nobody to take it) is reported and the walk goes on.
     */
    public AssignmentReport assignUnassigned(int limit) {
        if (limit < 1 || limit > 100_000) {
            throw new ValidationException("limit", "assignment.limit", limit,
                    "a walk handles 1 to 100000 clients, was " + limit);
        }
        List<Reassignment> done = new ArrayList<>();
        List<AssignmentReport.Failure> failed = new ArrayList<>();
        ClientId after = null;
        int seen = 0;
        while (seen < limit) {
            List<ClientId> page = parts.query().unassigned(after, Math.min(PAGE, limit - seen));
            if (page.isEmpty()) {
                break;
            }
            for (ClientId id : page) {
                seen++;
                try {
                    AssignmentDecision decision = assign(id);
                    done.add(new Reassignment(id, null, decision.manager(), true, List.of(), List.of(), null,
                            decision));
                } catch (CrmException e) {
                    failed.add(new AssignmentReport.Failure(id, e.code(), e.getMessage()));
                }
            }
            after = page.get(page.size() - 1);
        }
        return new AssignmentReport(done, failed);
    }

    /**
     * Reassigns a client to {@code to}, taking along what {@code options} ask.
     *
     * @throws ValidationException     {@code assignment.absent} when {@code to} is away now
     * @throws ClientNotFoundException when the client is not stored
     */
    public Reassignment reassign(ClientId client, EmployeeId to, ReassignOptions options) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(options, "options");
        refuseAbsent(to, clock.instant());
        return retried(events -> move(load(client), to, null, options, events));
    }

    /**
     * Reassigns every client {@code leaving} is responsible for, each to the manager the policy chooses without
     * {@code leaving}, each in its own transaction. A client refused (nobody to take it) stays with
     * {@code leaving} and is reported; the walk goes on.
     */
    public AssignmentReport reassignAll(EmployeeId leaving, ReassignOptions options) {
        Objects.requireNonNull(leaving, "leaving");
        Objects.requireNonNull(options, "options");
        return walk(leaving, (card, events) -> {
            AssignmentDecision decision = decide(card, clock.instant(), Set.of(leaving));
            return move(card, decision.manager(), decision, options, events);
        });
    }

    /**
     * Reassigns every client {@code leaving} is responsible for to {@code to}, each in its own transaction.
     *
     * @throws ValidationException {@code assignment.same-manager} when {@code to} is {@code leaving},
     *                             {@code assignment.absent} when {@code to} is away now
     */
    public AssignmentReport reassignAll(EmployeeId leaving, EmployeeId to, ReassignOptions options) {
        Objects.requireNonNull(leaving, "leaving");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(options, "options");
        if (leaving.equals(to)) {
            throw new ValidationException("to", "assignment.same-manager", to,
                    "the clients of " + leaving + " cannot be reassigned to " + leaving);
        }
        refuseAbsent(to, clock.instant());
        return walk(leaving, (card, events) -> move(card, to, null, options, events));
    }

    private AssignmentReport walk(EmployeeId leaving,
                                  BiFunction<ClientCard, List<CrmEvent>, Reassignment> reassign) {
        // a client refused stays with the leaver; the cursor passes it, so the walk ends
        List<Reassignment> done = new ArrayList<>();
        List<AssignmentReport.Failure> failed = new ArrayList<>();
        ClientId after = null;
        for (;;) {
            List<ClientId> page = parts.query().clientsOf(leaving, after, PAGE);
            if (page.isEmpty()) {
                return new AssignmentReport(done, failed);
            }
            for (ClientId id : page) {
                try {
                    Reassignment r = retried(events -> {
                        ClientCard card = load(id);
                        // someone else moved the client since the page was read: it is no longer the leaver's
                        return card.responsibleManager().equals(Optional.of(leaving)) ? reassign.apply(card, events)
                                : null;
                    });
                    if (r != null) {
                        done.add(r);
                    }
                } catch (CrmException e) {
                    failed.add(new AssignmentReport.Failure(id, e.code(), e.getMessage()));
                }
            }
            after = page.get(page.size() - 1);
        }
    }

    /** In the caller's transaction: gives the card to {@code to} with the work the options take along. */
    private Reassignment move(ClientCard card, EmployeeId to, @Nullable AssignmentDecision decision,
                              ReassignOptions options, List<CrmEvent> events) {
        Optional<EmployeeId> previous = card.responsibleManager();
        if (previous.equals(Optional.of(to))) {
            return new Reassignment(card.id(), to, to, false, List.of(), List.of(), null, decision);
        }
        Instant now = clock.instant();
        String reason = options.reason() != null ? options.reason()
                : decision != null ? decision.reason() : "reassigned";
        if (options.reason() != null && decision != null) {
            reason = options.reason() + "; " + decision.reason();
        }
        // The card is saved last: should a write of the moved work meet a concurrent change, the retry finds the
        // client still with its previous manager, and the work already moved is not moved again.
        Decision<ClientCard, ClientEvent> assigned = parts.clientRules().assignManager(card, to,
                options.assignedBy(), reason, now);
        events.addAll(assigned.events());
        EmployeeId from = previous.orElse(null);
        List<TaskId> movedTasks = new ArrayList<>();
        List<DealId> movedDeals = new ArrayList<>();
        if (from != null && options.moveOpenTasks()) {
            for (Task task : parts.taskStore().findByClient(card.id(), CLIENT_WORK_LIMIT)) {
                if (task.status().isOpen() && task.responsible().equals(from)) {
                    if (task.kind() == TaskKind.HANDOVER && task.sourceKey() != null
                            && task.sourceKey().startsWith(handoverKeyPrefix(card.id()))) {
                        // the previous manager's unfinished handover: the new one replaces it
                        Decision<Task, TaskEvent> d = TaskRules.cancel(task, parts.tasks().board(), now);
                        parts.taskStore().save(d.state());
                        events.addAll(d.events());
                        continue;
                    }
                    Decision<Task, TaskEvent> d = TaskRules.assign(task, to, now);
                    parts.taskStore().save(d.state());
                    events.addAll(d.events());
                    movedTasks.add(task.id());
                }
            }
        }
        if (from != null && options.moveOpenDeals()) {
            for (Deal deal : parts.deals().findByClient(card.id(), CLIENT_WORK_LIMIT)) {
                if (!deal.isClosed() && deal.manager().equals(from)) {
                    Decision<Deal, DealEvent> d = DealRules.changeManager(deal, to, options.assignedBy(), now);
                    parts.deals().save(d.state());
                    events.addAll(d.events());
                    movedDeals.add(deal.id());
                }
            }
        }
        TaskId handover = null;
        if (options.handover()) {
            handover = handover(assigned.state(), from, to, options, movedTasks.size(), movedDeals.size(), now)
                    .id();
        }
        parts.clients().save(assigned.state());
        return new Reassignment(card.id(), from, to, true, movedTasks, movedDeals, handover, decision);
    }

    private Task handover(ClientCard card, @Nullable EmployeeId from, EmployeeId to, ReassignOptions options,
                          int tasks, int deals, Instant now) {
        int entry = card.assignments().size() - 1; // the entry that makes `to` responsible
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        LocalDate due = calendar.plusWorkingDays(today, options.handoverWorkingDays());
        String title = "Take over client " + card.name();
        if (title.length() > TITLE) {
            title = title.substring(0, TITLE);
        }
        String notes = (from == null ? "The client had no manager." : "Taken over from " + from + ".")
                + " Open tasks moved: " + tasks + "; open deals moved: " + deals + "."
                + (options.reason() == null ? "" : " Reason: " + options.reason());
        return parts.tasks().createRequired(NewTask.on(TaskKind.HANDOVER, title, to, due)
                .withPriority(TaskPriority.HIGH).withNotes(notes).about(card.id(), null, null)
                .from(null, handoverKeyPrefix(card.id()) + entry));
    }

    private static String handoverKeyPrefix(ClientId client) {
        return "handover:" + client + ":";
    }

    private ClientCard saveAssignment(ClientCard card, EmployeeId to, @Nullable EmployeeId by, String reason,
                                      Instant now, List<CrmEvent> events) {
        Decision<ClientCard, ClientEvent> d = parts.clientRules().assignManager(card, to, by, reason, now);
        events.addAll(d.events());
        return parts.clients().save(d.state());
    }

    private AssignmentDecision decide(ClientCard card, Instant now, Set<EmployeeId> leaving) {
        return AssignmentRules.decide(policy, card, now, absences, leaving, AssignmentFacts.of(parts.query()));
    }

    private ClientCard load(ClientId id) {
        return parts.clients().findById(id).orElseThrow(() -> new ClientNotFoundException(id));
    }

    private void refuseAbsent(EmployeeId to, Instant now) {
        if (absences.isAbsent(to, now)) {
            throw new ValidationException("to", "assignment.absent", to, to + " is away at " + now
                    + " and cannot take clients over");
        }
    }

    /**
     * Runs one client's work in a transaction, again after a concurrent change, and hands its events to the listener
     * at the end of that transaction, once everything is saved.
     */
    private <T extends @Nullable Object> T retried(Function<List<CrmEvent>, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return parts.transactions().inTransaction(() -> {
                    List<CrmEvent> events = new ArrayList<>();
                    T done = work.apply(events);
                    publish(events);
                    return done;
                });
            } catch (ConcurrentModificationException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Hands the events to the listener (crm4j's outbox) in the transaction; a failure rolls the change back. */
    private void publish(List<CrmEvent> events) {
        Events.publish(listener, events);
    }
}
