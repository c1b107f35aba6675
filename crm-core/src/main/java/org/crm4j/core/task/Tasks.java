package org.crm4j.core.task;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientNotFoundException;
import org.crm4j.client.ClientStore;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.CrmEventListener;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Transactions;
import org.crm4j.common.ValidationException;
import org.crm4j.core.common.Events;
import org.crm4j.core.common.Decision;
import org.crm4j.core.common.Ids;
import org.crm4j.interaction.Interaction;
import org.crm4j.task.Task;
import org.crm4j.task.TaskEvent;
import org.crm4j.task.TaskId;
import org.crm4j.task.TaskKind;
import org.crm4j.task.TaskNotFoundException;
import org.crm4j.task.TaskPriority;
import org.crm4j.task.TaskStatus;
import org.crm4j.task.TaskStore;
import org.crm4j.task.WipLimitException;
import org.crm4j.task.WorkBlockedException;

/**
 * Tasks and reminders (M-5.1, M-5.5): creating them, giving them to employees, moving them through their
 * statuses and across the {@link KanbanBoard}, and reading them. Each command runs in one transaction, checks the
 * expected version of the task it changes, and changes nothing when it refuses:
 * <ul>
 *   <li>a task entering a column of the board that holds its work-in-progress limit is refused with a
 *       {@link WipLimitException};</li>
 *   <li>with an {@link OverduePolicy} on, giving a new task to an employee (creating it for them, or assigning
 *       it to them) who has too many overdue tasks is refused with a {@link WorkBlockedException} naming
 *       them;</li>
 *   <li>a status change the rules forbid is a {@link org.crm4j.common.ValidationException} (see
 *       {@link TaskRules}).</li>
 * </ul>
 * Events go to the listener in the transaction of the change (crm4j's outbox). Thread-safe.
 */
public final class Tasks {
    private static final int FOLLOW_UP_TITLE = 300;

    private final TaskStore store;
    private final ClientStore clients;
    private final Transactions transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final Ids ids;
    private final KanbanBoard board;
    private final OverduePolicy policy;
    private final CrmEventListener listener;

    public Tasks(TaskStore store, ClientStore clients, Transactions transactions, Clock clock, ZoneId zone,
                 KanbanBoard board, OverduePolicy policy, CrmEventListener listener) {
        this.store = Objects.requireNonNull(store, "store");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.ids = new Ids(clock);
        this.board = Objects.requireNonNull(board, "board");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The board tasks move on. */
    public KanbanBoard board() {
        return board;
    }

    /** The overdue policy in force. */
    public OverduePolicy policy() {
        return policy;
    }

    /**
     * Creates a task, open, in the form's column or the board's first open column. A task due on a date is due
     * at the end of that date in the CRM's zone ({@link Task#endOf}). With a source key, creation is idempotent:
     * when a task was created under that key, it is returned and nothing is created.
     *
     * @throws org.crm4j.common.ValidationException naming every bad field of the task, or an unknown column
     * @throws ClientNotFoundException              when the linked client is not stored
     * @throws WorkBlockedException                 when the overdue policy blocks the responsible employee
     * @throws WipLimitException                    when the column holds its limit
     */
    public Task create(NewTask form) {
        Objects.requireNonNull(form, "form");
        Instant now = clock.instant();
        String column = form.column() != null ? form.column() : board.first(TaskStatus.OPEN).code();
        Task draft = draft(form, now, column);
        Decision<Task, TaskEvent> saved = transactions.inTransaction(() -> {
            if (draft.sourceKey() != null) {
                Optional<Task> earlier = store.findBySourceKey(draft.sourceKey());
                if (earlier.isPresent()) {
                    return Decision.<Task, TaskEvent>of(earlier.get());
                }
            }
            Decision<Task, TaskEvent> d = TaskRules.create(draft, board, now);
            if (draft.client() != null && !clients.exists(draft.client())) {
                throw new ClientNotFoundException(draft.client());
            }
            checkPolicy(draft.responsible(), now);
            checkWip(draft);
            return published(new Decision<>(store.save(d.state()), d.events()));
        });
        return saved.state();
    }

    private Task draft(NewTask form, Instant now, String column) {
        Task.Builder b = Task.builder().id(TaskId.of(ids.next())).kind(form.kind()).title(form.title())
                .notes(form.notes()).responsible(form.responsible()).priority(form.priority())
                .client(form.client()).dealRef(form.dealRef()).interaction(form.interaction())
                .regulation(form.regulation()).sourceKey(form.sourceKey()).column(column).createdAt(now);
        if (form.dueDate() != null) {
            b.dueOn(form.dueDate(), zone);
        } else {
            b.due(Objects.requireNonNull(form.due(), "due"));
        }
        return b.build();
    }

    /**
     * Creates, in the caller's transaction, a task a scheduling rule calls for: idempotent by the form's source
     * key (required), which returns the task created earlier under it and creates nothing. It is not refused by the
     * overdue policy or a work-in-progress limit, because the rule, not the employee, takes the work on: refusing
     * it would forget what was promised to the client. It publishes no event.
     *
     * @throws org.crm4j.common.ValidationException naming every bad field, or when the form has no source key
     * @throws ClientNotFoundException              when the linked client is not stored
     */
    public Task createRequired(NewTask form) {
        Objects.requireNonNull(form, "form");
        if (form.sourceKey() == null) {
            throw new ValidationException("sourceKey", "task.sourceKey", null,
                    "a task a rule calls for is created under a source key, once per trigger");
        }
        Instant now = clock.instant();
        String column = form.column() != null ? form.column() : board.first(TaskStatus.OPEN).code();
        Task draft = draft(form, now, column);
        return transactions.inTransaction(() -> {
            Optional<Task> earlier = store.findBySourceKey(form.sourceKey());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            Task task = TaskRules.create(draft, board, now).state();
            if (task.client() != null && !clients.exists(task.client())) {
                throw new ClientNotFoundException(task.client());
            }
            return store.save(task);
        });
    }

    /**
     * The follow-up of a recorded interaction (M-5.1): when it has a planned next contact and a manager, a
     * {@link TaskKind#FOLLOW_UP} task for that manager due on that date (in the CRM's zone), linked to the
     * client, the deal and the interaction, under the source key {@code interaction:<id>:follow-up}, so that it
     * is created once however often it is asked for. Without a manager or a next contact there is nothing to
     * follow up and nothing is created. It runs in the caller's transaction (the interaction's recording), is
     * not refused by the overdue policy or a work-in-progress limit (the contact is planned; it is not new work
     * taken on), and publishes no event.
     *
     * @return the follow-up, created now or earlier; empty when the interaction plans none
     */
    public Optional<Task> followUp(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        if (interaction.manager() == null || interaction.nextContact() == null) {
            return Optional.empty();
        }
        String key = "interaction:" + interaction.id() + ":follow-up";
        Optional<Task> earlier = store.findBySourceKey(key);
        if (earlier.isPresent()) {
            return earlier;
        }
        String title = "Follow up: " + interaction.subject();
        if (title.length() > FOLLOW_UP_TITLE) {
            title = title.substring(0, FOLLOW_UP_TITLE);
        }
        Task task = Task.builder().id(TaskId.of(ids.next())).kind(TaskKind.FOLLOW_UP).title(title)
                .responsible(interaction.manager()).dueOn(interaction.nextContact(), zone)
                .priority(TaskPriority.NORMAL).client(interaction.client()).dealRef(interaction.dealRef())
                .interaction(interaction.id()).sourceKey(key).column(board.first(TaskStatus.OPEN).code())
                .createdAt(clock.instant()).build();
        return Optional.of(store.save(task));
    }

    /** Gives an open task to another employee, who must not be blocked by the overdue policy. */
    public Task assign(TaskId id, long version, EmployeeId to) {
        Objects.requireNonNull(to, "to");
        return change(id, version, (t, at) -> TaskRules.assign(t, to, at));
    }

    /** Starts an open task. */
    public Task start(TaskId id, long version) {
        return change(id, version, (t, at) -> TaskRules.start(t, board, at));
    }

    /** Completes an open task now (the clock's time). */
    public Task complete(TaskId id, long version) {
        return change(id, version, (t, at) -> TaskRules.complete(t, board, at));
    }

    /** Cancels an open task now. */
    public Task cancel(TaskId id, long version) {
        return change(id, version, (t, at) -> TaskRules.cancel(t, board, at));
    }

    /** Reopens a done or cancelled task. */
    public Task reopen(TaskId id, long version) {
        return change(id, version, (t, at) -> TaskRules.reopen(t, board, at));
    }

    /** Moves a task to a column of the board, which gives it the column's status. */
    public Task move(TaskId id, long version, String column) {
        KanbanBoard.Column target = board.column(column);
        return change(id, version, (t, at) -> TaskRules.moveTo(t, target, at));
    }

    private Task change(TaskId id, long version, BiFunction<Task, Instant, Decision<Task, TaskEvent>> rule) {
        Objects.requireNonNull(id, "id");
        Instant now = clock.instant();
        Decision<Task, TaskEvent> saved = transactions.inTransaction(() -> {
            Task task = store.findById(id).orElseThrow(() -> new TaskNotFoundException(id));
            if (task.version() != version) {
                throw new ConcurrentModificationException("task", id, version, task.version());
            }
            Decision<Task, TaskEvent> d = rule.apply(task, now);
            if (d.events().isEmpty()) {
                return d;
            }
            Task next = d.state();
            if (!next.responsible().equals(task.responsible())) {
                checkPolicy(next.responsible(), now);
            }
            boolean entering = !next.column().equals(task.column()) || !task.status().isOpen();
            if (entering) {
                checkWip(next);
            }
            return published(new Decision<>(store.save(next), d.events()));
        });
        return saved.state();
    }

    private void checkPolicy(EmployeeId employee, Instant now) {
        if (policy.isOn()) {
            policy.check(employee, store.findOpenByResponsible(employee, policy.overdueBefore(now),
                    policy.lookupLimit()));
        }
    }

    private void checkWip(Task entering) {
        KanbanBoard.Column column = board.column(entering.column());
        Integer limit = column.wipLimit();
        if (limit != null && entering.status().isOpen() && store.countOpenInColumn(column.code()) >= limit) {
            throw new WipLimitException(column.code(), limit);
        }
    }

    /** The task stored under the id. @throws TaskNotFoundException when there is none */
    public Task get(TaskId id) {
        Objects.requireNonNull(id, "id");
        return transactions.inTransaction(() -> store.findById(id)).orElseThrow(() -> new TaskNotFoundException(id));
    }

    /** A client's tasks, open and closed, by deadline, at most {@code limit}. */
    public List<Task> ofClient(ClientId client, int limit) {
        return transactions.inTransaction(() -> store.findByClient(client, limit));
    }

    /** An employee's open tasks due before {@code before}, by deadline, at most {@code limit}. */
    public List<Task> openOf(EmployeeId employee, Instant before, int limit) {
        return transactions.inTransaction(() -> store.findOpenByResponsible(employee, before, limit));
    }

    /** An employee's open tasks overdue now (due before the clock's time), by deadline, at most {@code limit}. */
    public List<Task> overdueOf(EmployeeId employee, int limit) {
        return openOf(employee, clock.instant(), limit);
    }

    /** Hands the decision's events to the listener, in the transaction that saved its task. */
    private Decision<Task, TaskEvent> published(Decision<Task, TaskEvent> decision) {
        Events.publish(listener, decision.events());
        return decision;
    }
}
