package org.crm4j.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crm4j.calendar.BusinessCalendar;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientStore;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.CrmException;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Transactions;
import org.crm4j.common.ValidationException;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealEvent;
import org.crm4j.deal.DealStore;
import org.crm4j.deal.Pipeline;
import org.crm4j.deal.PipelineStore;
import org.crm4j.deal.StageChange;
import org.crm4j.core.common.Ids;
import org.crm4j.core.deal.Deals;
import org.crm4j.core.history.WorkHistory;
import org.crm4j.core.keydate.KeyDate;
import org.crm4j.core.keydate.NotableEvents;
import org.crm4j.core.schedule.RuleAction.CreateTask;
import org.crm4j.core.schedule.RuleAction.Escalate;
import org.crm4j.core.schedule.RuleAction.Notify;
import org.crm4j.core.task.NewTask;
import org.crm4j.core.task.Tasks;
import org.crm4j.history.AbcXyz;
import org.crm4j.history.AbcXyzThresholds;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.keydate.NotableEvent;
import org.crm4j.notification.Notification;
import org.crm4j.notification.NotificationLink;
import org.crm4j.notification.Notifier;
import org.crm4j.schedule.ClaimArguments;
import org.crm4j.schedule.IdleClient;
import org.crm4j.schedule.Reminder;
import org.crm4j.schedule.ReminderId;
import org.crm4j.schedule.ReminderNotFoundException;
import org.crm4j.schedule.ReminderStatus;
import org.crm4j.schedule.ReminderStore;
import org.crm4j.schedule.ScheduleQuery;
import org.crm4j.schedule.Supervisors;
import org.crm4j.task.Task;
import org.crm4j.task.TaskId;
import org.crm4j.task.TaskStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling-rule engine and the firing of reminders (M-5, M-5.6): {@code crm.scheduler()}.
 *
 * <h2>Rules</h2>
 * The {@link SchedulingRule rules} are given when the CRM is built. A rule triggered by interactions runs in the
 * transaction that records the interaction ({@link #onInteraction}); the time-triggered ones (key dates, idleness,
 * recurrences) run when {@link #evaluate} is called, which {@link #fireDue} does every
 * {@link SchedulerSettings#evaluateEvery()}.
 *
 * <h2>Idempotence</h2>
 * Each time a rule meets a client on an occasion (this interaction, this year's birthday, this silence since the
 * last contact, this month's first Monday), what it creates carries a key made of the rule's code and the occasion
 * ({@code rule:<code>:interaction:<id>:task}). Everything an occasion creates is created in one transaction, and an
 * occasion whose task or first notification exists is passed over, so evaluating again, on this node or another,
 * never creates the same task or notification twice. (A workflow engine that fires on every run would send the
 * same e-mail each time; this one does not.)
 *
 * <h2>Firing</h2>
 * {@link #fireDue} delivers every reminder due by the moment given, once, earliest first: it claims a batch with a
 * lease ({@link ReminderStore#claimDue}), delivers each through the {@link Notifier}, and marks it fired. An
 * escalation whose task was closed in the meantime is marked skipped instead. A delivery the notifier refuses
 * stays claimed and is tried again, by any node, after a backoff. While a node delivers, it extends the leases it
 * still holds ({@link ReminderStore#extendClaims}), so only the work of a node that died is taken over, once its
 * lease has ended. Several nodes may call {@code fireDue} at once: claims, not a global lock, keep them apart; with
 * {@link SchedulerSettings#databaseClock()} they judge due-ness by the database's clock, not their own.
 *
 * <h2>The outbox</h2>
 * The reminder store is also crm4j's outbox ({@link org.crm4j.core.outbox.Outbox}): the events for the embedding
 * system's listener (channel {@code crm4j-event}) and the notifications of mailing and telephony are written as
 * reminders due at once in the transaction of their change. The committing node delivers them right after the
 * commit ({@link #deliverClaimed}); whatever it could not deliver, {@code fireDue} delivers like any reminder.
 *
 * <p>Thread-safe. The embedding system calls {@code fireDue} from its own timer; crm4j starts no thread.
 */
public final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int PAGE = 500;

    private final List<SchedulingRule> rules;
    private final ReminderStore reminders;
    private final TaskStore taskStore;
    private final ClientStore clients;
    private final ScheduleQuery query;
    private final DealStore deals;
    private final PipelineStore pipelines;
    private final Transactions transactions;
    private final Tasks tasks;
    private final NotableEvents notableEvents;
    private final WorkHistory workHistory;
    private final Clock clock;
    private final ZoneId zone;
    private final BusinessCalendar calendar;
    private final Notifier notifier;
    private final Supervisors supervisors;
    private final SchedulerSettings settings;
    private final Ids ids;
    private final AtomicReference<@Nullable Instant> lastEvaluation = new AtomicReference<>();
    private final Set<String> occurrencesDone = ConcurrentHashMap.newKeySet();
    private final Map<Currency, Standings> standings = new ConcurrentHashMap<>();

    /** The stores and services the scheduler works with; see {@link org.crm4j.core.Crm} for how they are made. */
    public record Parts(ReminderStore reminders, TaskStore taskStore, ClientStore clients, ScheduleQuery query,
                        DealStore deals, PipelineStore pipelines, Transactions transactions, Tasks tasks,
                        NotableEvents notableEvents, WorkHistory workHistory) {
        public Parts {
            Objects.requireNonNull(deals, "deals");
            Objects.requireNonNull(pipelines, "pipelines");
            Objects.requireNonNull(reminders, "reminders");
            Objects.requireNonNull(taskStore, "taskStore");
            Objects.requireNonNull(clients, "clients");
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(tasks, "tasks");
            Objects.requireNonNull(notableEvents, "notableEvents");
            Objects.requireNonNull(workHistory, "workHistory");
        }
    }

    /**
     * A scheduler running {@code rules}.
     *
     * @throws ValidationException when two rules share a code
     */
    public Scheduler(List<SchedulingRule> rules, Parts parts, Clock clock, ZoneId zone, BusinessCalendar calendar,
                     Notifier notifier, Supervisors supervisors, SchedulerSettings settings) {
        this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        Set<String> codes = new HashSet<>();
        for (SchedulingRule rule : this.rules) {
            if (!codes.add(rule.code())) {
                throw new ValidationException("rules", "rule.code.duplicate", rule.code(),
                        "two rules have the code '" + rule.code() + "'");
            }
        }
        Objects.requireNonNull(parts, "parts");
        this.reminders = parts.reminders();
        this.taskStore = parts.taskStore();
        this.clients = parts.clients();
        this.query = parts.query();
        this.deals = parts.deals();
        this.pipelines = parts.pipelines();
        this.transactions = parts.transactions();
        this.tasks = parts.tasks();
        this.notableEvents = parts.notableEvents();
        this.workHistory = parts.workHistory();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.supervisors = Objects.requireNonNull(supervisors, "supervisors");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ids = new Ids(clock);
    }

    /** The rules this scheduler runs, in the order given. */
    public List<SchedulingRule> rules() {
        return rules;
    }

    /** How this node's scheduler runs. */
    public SchedulerSettings settings() {
        return settings;
    }

    /**
     * Runs the rules triggered by {@code interaction}'s type, in the caller's transaction (the interaction's
     * recording calls it). For each rule whose trigger names the type, the client's responsible manager (or, when
     * the client has none, the interaction's manager) gets what the rule's actions create, measured from the
     * interaction's start; without either, or when the client does not meet the condition, nothing happens.
     * Idempotent by the interaction's id. An action's failure propagates and the recording is rolled back with it.
     *
     * @return what the rules created
     */
    public FireReport onInteraction(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        FireReport report = FireReport.NOTHING;
        ClientCard card = null;
        for (SchedulingRule rule : rules) {
            if (!(rule.trigger() instanceof Trigger.InteractionRecorded t) || !t.types().contains(interaction.type())) {
                continue;
            }
            if (card == null) {
                card = clients.findById(interaction.client()).orElse(null);
                if (card == null) {
                    return report;
                }
            }
            EmployeeId manager = card.responsibleManager().orElse(interaction.manager());
            if (manager == null) {
                continue;
            }
            Occasion o = new Occasion(rule, card, manager, interaction.at(),
                    "rule:" + rule.code() + ":interaction:" + interaction.id(), interaction.id(), null, null,
                    LocalDate.ofInstant(interaction.at(), zone));
            report = report.plus(handle(o));
        }
        return report;
    }

    /**
     * Runs the rules triggered by a deal entering its stage, in the caller's transaction (the deal's change calls it
     * with the deal as saved and the events of the change). When the change put the deal in a stage (created in it,
     * moved, lost or reopened), each rule whose {@link Trigger.DealStageEntered} matches the deal's pipeline and
     * stage gives the deal's manager what its actions create, measured from the moment of the change. Idempotent by
     * the deal and the place of that entry in its history.
     *
     * @return what the rules created
     */
    public FireReport onDeal(Deal deal, List<? extends DealEvent> events) {
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(events, "events");
        boolean entered = events.stream().anyMatch(e -> e instanceof DealEvent.DealCreated
                || e instanceof DealEvent.DealMoved || e instanceof DealEvent.DealReopened);
        if (!entered || deal.history().isEmpty()) {
            return FireReport.NOTHING;
        }
        StageChange entry = deal.history().get(deal.history().size() - 1);
        FireReport report = FireReport.NOTHING;
        ClientCard card = null;
        for (SchedulingRule rule : rules) {
            if (!(rule.trigger() instanceof Trigger.DealStageEntered t) || !t.matches(deal.pipeline(), deal.stage())) {
                continue;
            }
            if (card == null) {
                card = clients.findById(deal.client()).orElse(null);
                if (card == null) {
                    return report;
                }
            }
            report = report.plus(handle(new Occasion(rule, card, deal.manager(), entry.at(),
                    "rule:" + rule.code() + ":deal:" + deal.id() + ":" + (deal.history().size() - 1), null, null, deal,
                    LocalDate.ofInstant(entry.at(), zone))));
        }
        return report;
    }

    /**
     * Evaluates the time-triggered rules at {@code now}: key dates within their lead time, clients idle for their
     * working days, and recurrences that occurred within {@link SchedulerSettings#catchUp()} before {@code now}
     * for every client with a manager meeting the condition. Each occasion is handled in its own transaction; one
     * that fails is logged, counted and left for the next evaluation. Idempotent.
     *
     * @return what the rules created
     */
    public FireReport evaluate(Instant now) {
        Objects.requireNonNull(now, "now");
        LocalDate today = LocalDate.ofInstant(now, zone);
        FireReport report = FireReport.NOTHING;
        report = report.plus(keyDates(now, today));
        for (SchedulingRule rule : rules) {
            if (rule.trigger() instanceof Trigger.Idle idle) {
                report = report.plus(idle(rule, idle, now, today));
            } else if (rule.trigger() instanceof Trigger.Recurrence recurrence) {
                report = report.plus(recurrence(rule, recurrence, now));
            } else if (rule.trigger() instanceof Trigger.DealIdle idle) {
                report = report.plus(idleDeals(rule, idle, now));
            }
        }
        lastEvaluation.set(now);
        return report;
    }

    /**
     * Delivers what is due at {@code now}: evaluates the time-triggered rules first when
     * {@link SchedulerSettings#evaluateEvery()} has passed since the last evaluation on this node, then claims and
     * delivers every due reminder, earliest first, in batches, until a claim finds none. A batch holds, per channel
     * and recipient, a run of up to {@link SchedulerSettings#perRecipient()} consecutive reminders; a refused one sends
     * the rest of its run back untried, so each recipient gets its reminders in order. With
     * {@link SchedulerSettings#databaseClock()}, due-ness and leases are judged by the storage's clock instead of
     * {@code now}. While it delivers a batch, the node extends the leases it still holds once half a lease has passed,
     * so a slow channel does not let another node take the batch over. The embedding system calls it from its timer,
     * on as many nodes as it likes. To stop gracefully, interrupt the calling thread: the delivery under way finishes,
     * the reminders claimed and not yet delivered are given back unclaimed for other nodes to take at once, and the
     * method returns with the thread still interrupted.
     *
     * @return what was evaluated and delivered
     */
    public FireReport fireDue(Instant now) {
        Objects.requireNonNull(now, "now");
        Instant last = lastEvaluation.get();
        FireReport report = last == null || !now.isBefore(last.plus(settings.evaluateEvery()))
                ? evaluate(now) : FireReport.NOTHING;
        while (!Thread.currentThread().isInterrupted()) {
            Batch batch = transactions.inTransaction(() -> {
                Instant at = settings.databaseClock() ? reminders.currentTime() : now;
                return new Batch(reminders.claimDue(at, settings.node(), at.plus(settings.lease()),
                        settings.batchSize(), settings.perRecipient()), at, clock.instant());
            });
            if (batch.claimed().isEmpty()) {
                return report;
            }
            report = report.plus(deliver(batch));
        }
        return report;
    }

    /**
     * Reminders this node claimed at {@code at} (the moment due-ness was judged at: the caller's, or the storage's
     * clock) when its own clock read {@code local}: how far the lease has run is told by this node's clock since.
     */
    private record Batch(List<Reminder> claimed, Instant at, Instant local) {
    }

    /**
     * Delivers a claimed batch in its order. Before each delivery, once half the lease has passed since the claim
     * or the last extension, extends the leases of the reminders still to deliver ({@link ReminderStore#extendClaims});
     * one it no longer holds (taken over after its lease ended) is passed over. When a delivery is refused, or its
     * reminder turns out taken over, the later reminders of its channel and recipient in the batch are given back
     * untried, so that they keep waiting behind it. When the thread is interrupted, the delivery under way finishes,
     * the rest are given back untried, and the thread stays interrupted.
     */
    private FireReport deliver(Batch batch) {
        FireReport report = FireReport.NOTHING;
        List<Reminder> rest = new ArrayList<>(batch.claimed());
        Instant leaseEnd = batch.at().plus(settings.lease());
        Set<List<String>> stopped = new HashSet<>();
        while (!rest.isEmpty()) {
            if (Thread.interrupted()) {
                try {
                    giveBack(rest);
                    LOG.info("Stopping: gave back {} claimed reminders untried", rest.size());
                } finally {
                    Thread.currentThread().interrupt();
                }
                return report;
            }
            Instant current = batch.at().plus(Duration.between(batch.local(), clock.instant()));
            if (!current.isBefore(leaseEnd.minus(settings.lease().dividedBy(2)))) {
                leaseEnd = current.plus(settings.lease());
                List<Reminder> extended = extend(rest, leaseEnd);
                if (extended.size() < rest.size()) {
                    LOG.warn("{} of {} claimed reminders were taken over by another node before their lease was "
                            + "extended; they are left to it", rest.size() - extended.size(), rest.size());
                }
                rest = new ArrayList<>(extended);
                if (rest.isEmpty()) {
                    break;
                }
            }
            Reminder reminder = rest.remove(0);
            List<String> to = List.of(reminder.notification().channel(), reminder.notification().recipient());
            if (stopped.contains(to)) {
                giveBack(List.of(reminder));
                continue;
            }
            Outcome outcome = deliver(reminder, batch.at());
            report = report.plus(outcome.report());
            if (outcome.runEnds()) {
                stopped.add(to);
            }
        }
        return report;
    }

    private List<Reminder> extend(List<Reminder> held, Instant until) {
        List<Reminder> extended = new ArrayList<>(held.size());
        for (int from = 0; from < held.size(); from += ClaimArguments.MAX_LIMIT) {
            List<Reminder> part = held.subList(from, Math.min(held.size(), from + ClaimArguments.MAX_LIMIT));
            extended.addAll(transactions.inTransaction(() -> reminders.extendClaims(part, until)));
        }
        return extended;
    }

    /** The pending reminders due before {@code before}, earliest first, at most {@code limit}: what is coming. */
    public List<Reminder> pending(Instant before, int limit) {
        return transactions.inTransaction(() -> reminders.findPending(before, limit));
    }

    /** The reminders bound to {@code task}: its escalations. */
    public List<Reminder> remindersOf(TaskId task) {
        return transactions.inTransaction(() -> reminders.findByTask(task));
    }

    /**
     * What became of one claimed reminder: what it adds to the report, and whether the later reminders of its
     * channel and recipient must wait (it was refused and is held until its retry, or another node has it now).
     */
    private record Outcome(FireReport report, boolean runEnds) {
    }

    /** Delivers one claimed reminder, or skips it when its task was closed, and records what became of it. */
    private Outcome deliver(Reminder reminder, Instant now) {
        if (reminder.task() != null) {
            Optional<Task> task = transactions.inTransaction(() -> taskStore.findById(reminder.task()));
            if (task.isEmpty() || !task.get().status().isOpen()) {
                boolean closed = close(reminder, ReminderStatus.SKIPPED, now);
                return new Outcome(new FireReport(0, 0, 0, 0, 0, 0, closed ? 1 : 0, 0, 0), !closed);
            }
        }
        try {
            notifier.deliver(reminder.notification());
        } catch (RuntimeException e) {
            return new Outcome(refused(reminder, now, e), true);
        }
        boolean closed = close(reminder, ReminderStatus.FIRED, now);
        return new Outcome(new FireReport(0, 0, 0, 0, 0, 1, 0, 0, 0), !closed);
    }

    /**
     * Gives back claimed reminders untried, so that other nodes take them at once rather than after the lease; one
     * taken over in the meantime is left to the node that has it.
     */
    private void giveBack(List<Reminder> untried) {
        for (Reminder reminder : untried) {
            try {
                transactions.inTransaction(() -> reminders.save(reminder.unclaimed()));
            } catch (ConcurrentModificationException taken) {
                LOG.warn("Reminder {} was taken over by another node after its lease ended", reminder.id());
            }
        }
    }

    /**
     * Records a refused delivery: tried again after the backoff of its attempt, or, at the last attempt, a dead
     * letter.
     */
    private FireReport refused(Reminder reminder, Instant now, RuntimeException e) {
        if (reminder.attempts() >= settings.maxAttempts()) {
            LOG.error("Reminder {} (key {}) was refused {} times and is a dead letter until released: {}",
                    reminder.id(), reminder.key(), reminder.attempts(), e.toString());
            close(reminder, ReminderStatus.DEAD, now);
            return new FireReport(0, 0, 0, 0, 0, 0, 0, 1, 1);
        }
        Instant retry = now.plus(settings.backoff(reminder.attempts()));
        LOG.warn("Delivering reminder {} (key {}) failed at attempt {}; it is tried again from {}: {}",
                reminder.id(), reminder.key(), reminder.attempts(), retry, e.toString());
        try {
            transactions.inTransaction(() -> reminders.save(reminder.failed(retry)));
        } catch (ConcurrentModificationException taken) {
            LOG.warn("Reminder {} was taken over by another node after its lease ended", reminder.id());
        }
        return new FireReport(0, 0, 0, 0, 0, 0, 0, 1, 0);
    }

    /** The dead letters: reminders given up after too many refused deliveries, by due moment, at most {@code limit}. */
    public List<Reminder> deadLetters(int limit) {
        return transactions.inTransaction(() -> reminders.findDead(limit));
    }

    /**
     * Releases a dead letter: pending again with its attempts counted from zero, delivered at the next
     * {@link #fireDue}.
     *
     * @throws ReminderNotFoundException when no reminder has the id
     * @throws ValidationException       ({@code reminder.release}) when it is not a dead letter
     */
    public Reminder release(ReminderId id) {
        Objects.requireNonNull(id, "id");
        return transactions.inTransaction(() -> {
            Reminder reminder = reminders.findById(id)
                    .orElseThrow(() -> new ReminderNotFoundException(id));
            if (reminder.status() != ReminderStatus.DEAD) {
                throw new ValidationException("status", "reminder.release", reminder.status(),
                        "only a dead letter is released; reminder " + id + " is " + reminder.status());
            }
            return reminders.save(reminder.released());
        });
    }

    /**
     * Delivers reminders this node created already claimed (the outbox's entries of a transaction that has just
     * committed), in their order, as {@link #fireDue} delivers what it claims. When the channel refuses one, the
     * later ones to the same channel and recipient are given back unclaimed, so they wait behind it and keep their
     * order. It never throws: whatever it could not finish, its storage being down for one, stays claimed and is
     * delivered by {@code fireDue} once the lease has ended.
     *
     * @return what was delivered
     */
    public FireReport deliverClaimed(List<Reminder> claimed) {
        Objects.requireNonNull(claimed, "claimed");
        if (claimed.isEmpty()) {
            return FireReport.NOTHING;
        }
        try {
            Reminder first = claimed.get(0);
            Instant at = first.claimedUntil() == null ? clock.instant()
                    : first.claimedUntil().minus(settings.lease());
            return deliver(new Batch(claimed, at, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("Delivering {} reminders after their commit stopped; the rest are delivered after their lease",
                    claimed.size(), e);
            return FireReport.NOTHING;
        }
    }

    /** Closes a delivered or skipped reminder; false when another node took it over after its lease ended. */
    private boolean close(Reminder reminder, ReminderStatus status, Instant now) {
        try {
            transactions.inTransaction(() -> reminders.save(reminder.closed(status, now)));
            return true;
        } catch (ConcurrentModificationException e) {
            LOG.warn("Reminder {} was taken over by another node after its lease ended before it was marked {}",
                    reminder.id(), status);
            return false;
        }
    }

    private FireReport keyDates(Instant now, LocalDate today) {
        int maxLead = -1;
        for (SchedulingRule rule : rules) {
            if (rule.trigger() instanceof Trigger.KeyDate k) {
                maxLead = Math.max(maxLead, k.leadDays());
            }
        }
        if (maxLead < 0) {
            return FireReport.NOTHING;
        }
        List<KeyDate> coming = notableEvents.upcoming(today, maxLead + 1);
        FireReport report = FireReport.NOTHING;
        Map<ClientId, Optional<ClientCard>> cards = new HashMap<>();
        for (SchedulingRule rule : rules) {
            if (!(rule.trigger() instanceof Trigger.KeyDate k)) {
                continue;
            }
            for (KeyDate date : coming) {
                NotableEvent event = date.event();
                if (date.on().isAfter(today.plusDays(k.leadDays())) || !k.kinds().contains(event.kind())) {
                    continue;
                }
                String key = "rule:" + rule.code() + ":key-date:" + event.id() + ":" + date.on();
                if (handled(rule, key)) {
                    continue;
                }
                Optional<ClientCard> card = cards.computeIfAbsent(event.client(),
                        c -> transactions.inTransaction(() -> clients.findById(c)));
                if (card.isEmpty() || card.get().responsibleManager().isEmpty()) {
                    continue;
                }
                report = report.plus(handleAlone(new Occasion(rule, card.get(),
                        card.get().responsibleManager().get(), now, key, null, event, null, date.on())));
            }
        }
        return report;
    }

    private FireReport idle(SchedulingRule rule, Trigger.Idle idle, Instant now, LocalDate today) {
        LocalDate quietSince = calendar.minusWorkingDays(today, idle.workingDays());
        Instant contactedBefore = quietSince.atStartOfDay(zone).toInstant();
        FireReport report = FireReport.NOTHING;
        ClientId after = null;
        while (true) {
            ClientId cursor = after;
            List<IdleClient> page = transactions.inTransaction(() -> query.idleClients(contactedBefore, cursor,
                    PAGE));
            for (IdleClient quiet : page) {
                String key = "rule:" + rule.code() + ":idle:" + quiet.client() + ":"
                        + ChronoUnit.MICROS.between(Instant.EPOCH, quiet.lastContact());
                if (handled(rule, key)) {
                    continue;
                }
                Optional<ClientCard> card = transactions.inTransaction(() -> clients.findById(quiet.client()));
                if (card.isPresent()) {
                    report = report.plus(handleAlone(new Occasion(rule, card.get(), quiet.manager(), now, key, null,
                            null, null, today)));
                }
            }
            if (page.size() < PAGE) {
                return report;
            }
            after = page.get(page.size() - 1).client();
        }
    }

    private FireReport idleDeals(SchedulingRule rule, Trigger.DealIdle idle, Instant now) {
        Optional<Pipeline> pipeline = transactions.inTransaction(() -> pipelines.findByCode(idle.pipeline()));
        if (pipeline.isEmpty()) {
            LOG.warn("Rule {}: no pipeline '{}' is stored; its idle deals are not looked for", rule.code(),
                    idle.pipeline());
            return FireReport.NOTHING;
        }
        Map<String, Instant> idleBefore = Deals.idleBefore(pipeline.get(), now, calendar);
        List<Deal> quiet = transactions.inTransaction(() -> deals.findIdle(idle.pipeline(), idleBefore,
                ClaimArguments.MAX_LIMIT));
        FireReport report = FireReport.NOTHING;
        for (Deal deal : quiet) {
            String key = "rule:" + rule.code() + ":deal-idle:" + deal.id() + ":"
                    + ChronoUnit.MICROS.between(Instant.EPOCH, deal.lastActivityAt());
            if (handled(rule, key)) {
                continue;
            }
            Optional<ClientCard> card = transactions.inTransaction(() -> clients.findById(deal.client()));
            if (card.isPresent()) {
                report = report.plus(handleAlone(new Occasion(rule, card.get(), deal.manager(), now, key, null, null,
                        deal, LocalDate.ofInstant(now, zone))));
            }
        }
        return report;
    }

    private FireReport recurrence(SchedulingRule rule, Trigger.Recurrence recurrence, Instant now) {
        long until = now.toEpochMilli();
        long[] occurrences = recurrence.occurrences(zone, until - settings.catchUp().toMillis(), until);
        FireReport report = FireReport.NOTHING;
        for (long millis : occurrences) {
            Instant at = Instant.ofEpochMilli(millis);
            String occurrence = "rule:" + rule.code() + ":recurrence:" + at.getEpochSecond();
            if (occurrencesDone.contains(occurrence)) {
                continue;
            }
            int failed = 0;
            ClientId after = null;
            while (true) {
                ClientId cursor = after;
                List<ClientCard> page = transactions.inTransaction(() -> query.managedClients(cursor, PAGE));
                for (ClientCard card : page) {
                    String key = occurrence + ":" + card.id();
                    if (handled(rule, key)) {
                        continue;
                    }
                    FireReport done = handleAlone(new Occasion(rule, card, card.responsibleManager().orElseThrow(),
                            at, key, null, null, null, LocalDate.ofInstant(at, zone)));
                    failed += done.failedOccasions();
                    report = report.plus(done);
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
            if (failed == 0) {
                occurrencesDone.add(occurrence);
            }
        }
        return report;
    }

    /** Whether the occasion under {@code key} was handled: its task, or else its first reminder, exists. */
    private boolean handled(SchedulingRule rule, String key) {
        return transactions.inTransaction(() -> handledHere(rule, key));
    }

    /** {@link #handled} in the caller's transaction. */
    private boolean handledHere(SchedulingRule rule, String key) {
        return rule.task().isPresent() ? taskStore.findBySourceKey(key + ":task").isPresent()
                : reminders.findByKey(key + ":" + firstReminderSuffix(rule)).isPresent();
    }

    private static String firstReminderSuffix(SchedulingRule rule) {
        List<RuleAction> actions = rule.actions();
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i) instanceof Notify) {
                return "notify-" + i;
            }
        }
        throw new IllegalStateException("a rule without a task notifies");
    }

    /** Handles an occasion in a transaction of its own, counting a failure instead of throwing it. */
    private FireReport handleAlone(Occasion o) {
        try {
            return transactions.inTransaction(() -> handle(o));
        } catch (DuplicateException e) {
            return FireReport.NOTHING;
        } catch (CrmException e) {
            LOG.warn("Rule {} failed for client {} ({}); it is tried again at the next evaluation: {}",
                    o.rule().code(), o.card().id(), o.key(), e.getMessage());
            return new FireReport(0, 0, 0, 0, 1, 0, 0, 0, 0);
        }
    }

    /** Runs the rule's actions for one occasion, in the caller's transaction. */
    private FireReport handle(Occasion o) {
        SchedulingRule rule = o.rule();
        if (!rule.condition().test(o.card(), o.deal(), this::standing)) {
            return FireReport.NOTHING;
        }
        if (handledHere(rule, o.key())) {
            return FireReport.NOTHING;
        }
        Task task = null;
        Map<String, String> values = values(o, null);
        int created = 0;
        int unrouted = 0;
        List<RuleAction> actions = rule.actions();
        for (int i = 0; i < actions.size(); i++) {
            RuleAction action = actions.get(i);
            if (action instanceof CreateTask create) {
                task = tasks.createRequired(NewTask.at(create.regulation().kind(), create.regulation().name(),
                                o.manager(), create.regulation().deadlineAfter(o.at(), calendar))
                        .withPriority(create.priority())
                        .about(o.card().id(), o.deal() == null ? null : o.deal().id().toString(), o.interaction())
                        .from(create.regulation().code(), o.key() + ":task"));
                values = values(o, task);
            } else if (action instanceof Notify notify) {
                Instant due = calendar.nextWorkingMoment(o.at());
                schedule(new Notification(o.key() + ":notify-" + i, notify.channel(), o.manager().value(),
                        clip(notify.subject().fill(values), 300), clip(notify.body().fill(values),
                        Notification.MAX_BODY), links(o, task)), due, null, rule);
                created++;
            } else if (action instanceof Escalate escalate) {
                Task overdue = Objects.requireNonNull(task, "an escalation follows the rule's task");
                Optional<EmployeeId> to = escalate.to() != null ? Optional.of(escalate.to())
                        : supervisors.of(overdue.responsible());
                if (to.isEmpty()) {
                    LOG.warn("Rule {}: nobody to escalate task {} of {} to (no supervisor known)", rule.code(),
                            overdue.id(), overdue.responsible());
                    unrouted++;
                    continue;
                }
                Instant due = calendar.plus(overdue.due(), escalate.overdueBy());
                String subject = clip("Overdue: " + overdue.title() + " (" + o.card().name() + ")", 300);
                String body = "The task \"" + overdue.title() + "\" for " + o.card().name() + " was due "
                        + DUE.format(LocalDateTime.ofInstant(overdue.due(), zone)) + " and is still open. "
                        + "Responsible: " + overdue.responsible().value() + ". Rule: " + rule.name() + ".";
                schedule(new Notification(o.key() + ":escalate-" + i, escalate.channel(), to.get().value(), subject,
                        clip(body, Notification.MAX_BODY), links(o, overdue)), due, overdue, rule);
                created++;
            }
        }
        return new FireReport(1, task == null ? 0 : 1, created, unrouted, 0, 0, 0, 0, 0);
    }

    private void schedule(Notification notification, Instant due, @Nullable Task task, SchedulingRule rule) {
        reminders.save(Reminder.pending(ReminderId.of(ids.next()), notification, due,
                task == null ? null : task.id(), rule.code(), clock.instant()));
    }

    private Map<String, String> values(Occasion o, @Nullable Task task) {
        Map<String, String> values = new HashMap<>();
        values.put("client", o.card().name());
        values.put("rule", o.rule().name());
        values.put("manager", o.manager().value());
        values.put("date", o.day().toString());
        if (o.event() != null) {
            values.put("event", o.event().title());
        }
        if (o.deal() != null) {
            values.put("stage", o.deal().stage());
            values.put("amount", o.deal().amount().amount().toPlainString() + " "
                    + o.deal().amount().currency().getCurrencyCode());
        }
        if (task != null) {
            values.put("task", task.title());
            values.put("due", DUE.format(LocalDateTime.ofInstant(task.due(), zone)));
        }
        return values;
    }

    private static List<NotificationLink> links(Occasion o, @Nullable Task task) {
        List<NotificationLink> links = new ArrayList<>(4);
        links.add(NotificationLink.of("client", o.card().id()));
        if (task != null) {
            links.add(NotificationLink.of("task", task.id()));
        }
        if (o.interaction() != null) {
            links.add(NotificationLink.of("interaction", o.interaction()));
        }
        if (o.event() != null) {
            links.add(NotificationLink.of("notable-event", o.event().id()));
        }
        if (o.deal() != null) {
            links.add(NotificationLink.of("deal", o.deal().id()));
        }
        return links;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** The ABC/XYZ standing of a client over the last full months, computed once a month per currency. */
    private Optional<AbcXyz> standing(ClientCard card, Currency currency) {
        YearMonth last = YearMonth.now(clock.withZone(zone)).minusMonths(1);
        Standings s = standings.compute(currency, (c, old) -> old != null && old.last().equals(last) ? old
                : new Standings(last, workHistory.abcXyz(last.minusMonths(settings.classificationMonths() - 1L),
                        last, c, AbcXyzThresholds.DEFAULT).stream()
                        .collect(Collectors.toMap(AbcXyz::client, Function.identity()))));
        return Optional.ofNullable(s.byClient().get(card.id()));
    }

    private record Standings(YearMonth last, Map<ClientId, AbcXyz> byClient) {
    }

    /**
     * One rule meeting one client on one occasion.
     *
     * @param at          the moment deadlines are measured from
     * @param key         the occasion's key, the prefix of the keys of what it creates
     * @param interaction the triggering interaction's id, or {@code null}
     * @param event       the notable event of a key date, or {@code null}
     * @param deal        the deal of a deal trigger, or {@code null}
     * @param day         the day of the occasion ({@code {date}})
     */
    private record Occasion(SchedulingRule rule, ClientCard card, EmployeeId manager, Instant at, String key,
                            @Nullable InteractionId interaction, @Nullable NotableEvent event,
                            @Nullable Deal deal, LocalDate day) {
    }
}
