package org.crm4j.core.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.crm4j.calendar.BusinessCalendar;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Transactions;
import org.crm4j.common.ValidationException;
import org.crm4j.interaction.InteractionId;
import org.crm4j.task.ComplianceCount;
import org.crm4j.task.LateTask;
import org.crm4j.task.Regulation;
import org.crm4j.task.Task;
import org.crm4j.task.TaskStore;
import org.jspecify.annotations.Nullable;

/**
 * Regulations (M-5.3) and manager performance (M-5.4): applying a {@link Regulation} to the event that calls for
 * it, which creates its task with the deadline measured in the CRM's business calendar, and the compliance report
 * over the tasks regulations created.
 *
 * <p>Deciding <em>when</em> a regulation applies (rules triggered by events, loaded from files) is not here: the
 * caller applies a regulation explicitly, once per event, under a source key that makes it idempotent.
 *
 * <p>The report costs two queries whatever the number of tasks: the counts per regulation and employee
 * ({@link TaskStore#countRegulated}), and the tasks past their deadline by the clock
 * ({@link TaskStore#findLateRegulated}), whose lateness is then measured in business time here, in Java, because
 * it needs the calendar. Thread-safe.
 */
public final class Regulations {
    private final Tasks tasks;
    private final TaskStore store;
    private final Transactions transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final BusinessCalendar calendar;

    public Regulations(Tasks tasks, TaskStore store, Transactions transactions, Clock clock, ZoneId zone,
                       BusinessCalendar calendar) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.store = Objects.requireNonNull(store, "store");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** The business calendar deadlines and lateness are measured in. */
    public BusinessCalendar calendar() {
        return calendar;
    }

    /** The deadline {@code regulation} sets for an event at {@code trigger}, in the CRM's calendar. */
    public Instant deadline(Regulation regulation, Instant trigger) {
        Objects.requireNonNull(regulation, "regulation");
        return regulation.deadlineAfter(trigger, calendar);
    }

    /**
     * Applies {@code regulation} to an event at {@code trigger}: creates, through {@link Tasks#create}, an open
     * task of the regulation's kind titled with its name, for {@code responsible}, due at
     * {@link #deadline(Regulation, Instant)}, linked to the client and interaction given, remembering the
     * regulation's code. Idempotent by {@code sourceKey} (such as {@code interaction:<id>:invoice}): applied again
     * under the same key, it returns the task created the first time and creates nothing. The task is new work
     * like any other, so the overdue policy and the board's limits apply to it.
     *
     * @throws ValidationException                         on a blank or too long source key, or a deadline
     *                                                     outside the calendar's range
     * @throws org.crm4j.client.ClientNotFoundException    when the client is not stored
     * @throws org.crm4j.task.WorkBlockedException         when the overdue policy blocks the employee
     * @throws org.crm4j.task.WipLimitException            when the board's first column holds its limit
     */
    public Task apply(Regulation regulation, Instant trigger, EmployeeId responsible, @Nullable ClientId client,
                      @Nullable InteractionId interaction, String sourceKey) {
        Objects.requireNonNull(regulation, "regulation");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(responsible, "responsible");
        if (sourceKey == null || sourceKey.isBlank()) {
            throw new ValidationException("sourceKey", "regulation.sourceKey", sourceKey,
                    "a regulation is applied under a source key, once per event");
        }
        Instant due = deadline(regulation, trigger);
        return tasks.create(NewTask.at(regulation.kind(), regulation.name(), responsible, due)
                .about(client, null, interaction).from(regulation.code(), sourceKey));
    }

    /**
     * The compliance report over the regulated tasks due in {@code [from, to)}, judged now (the clock's time).
     *
     * @throws ValidationException when {@code to} is not after {@code from}
     */
    public ComplianceReport compliance(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new ValidationException("to", "report.period", from + ".." + to,
                    "a report's period ends after it starts: " + from + ".." + to);
        }
        Instant now = clock.instant();
        List<ComplianceCount> counts = new ArrayList<>();
        List<LateTask> late = new ArrayList<>();
        transactions.inTransaction(() -> {
            counts.addAll(store.countRegulated(from, to, now));
            late.addAll(store.findLateRegulated(from, to, now));
            return null;
        });
        return report(from, to, now, counts, late);
    }

    /**
     * The compliance report over the regulated tasks due on the dates {@code from} (inclusive) to {@code to}
     * (exclusive) of the CRM's zone, judged now.
     */
    public ComplianceReport compliance(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return compliance(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant());
    }

    /** The business time {@code task} is late by at {@code now}: from its deadline to its completion, or now. */
    public Duration lateness(LateTask task, Instant now) {
        Instant end = task.completedAt() != null ? task.completedAt() : now;
        Duration d = calendar.between(task.due(), end);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private ComplianceReport report(Instant from, Instant to, Instant now, List<ComplianceCount> counts,
                                    List<LateTask> late) {
        Map<List<String>, Lateness> byPair = new HashMap<>();
        Map<String, Lateness> byManager = new HashMap<>();
        for (LateTask t : late) {
            Duration d = lateness(t, now);
            boolean done = t.completedAt() != null;
            byPair.computeIfAbsent(List.of(t.regulation(), t.responsible().value()), k -> new Lateness()).add(done, d);
            byManager.computeIfAbsent(t.responsible().value(), k -> new Lateness()).add(done, d);
        }
        List<RegulationCompliance> rows = new ArrayList<>();
        Map<String, long[]> totals = new TreeMap<>();
        for (ComplianceCount c : counts) {
            Lateness l = byPair.getOrDefault(List.of(c.regulation(), c.responsible().value()), new Lateness());
            rows.add(new RegulationCompliance(c.regulation(), c.responsible(), ComplianceTally.of(c.due(),
                    c.onTime(), c.late(), c.overdue(), c.cancelled(), l.done, l.open)));
            long[] sum = totals.computeIfAbsent(c.responsible().value(), k -> new long[5]);
            sum[0] += c.due();
            sum[1] += c.onTime();
            sum[2] += c.late();
            sum[3] += c.overdue();
            sum[4] += c.cancelled();
        }
        rows.sort(Comparator.comparing(RegulationCompliance::regulation)
                .thenComparing(r -> r.responsible().value()));
        List<ManagerPerformance> managers = new ArrayList<>();
        totals.forEach((who, s) -> {
            Lateness l = byManager.getOrDefault(who, new Lateness());
            managers.add(new ManagerPerformance(EmployeeId.of(who),
                    ComplianceTally.of(s[0], s[1], s[2], s[3], s[4], l.done, l.open)));
        });
        return new ComplianceReport(from, to, now, rows, managers);
    }

    /** The business lateness of the tasks of one group, done and still open. */
    private static final class Lateness {
        final List<Duration> done = new ArrayList<>();
        final List<Duration> open = new ArrayList<>();

        void add(boolean isDone, Duration d) {
            (isDone ? done : open).add(d);
        }
    }
}
