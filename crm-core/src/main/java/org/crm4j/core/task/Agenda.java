package org.crm4j.core.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Transactions;
import org.crm4j.common.ValidationException;
import org.crm4j.task.Task;
import org.crm4j.task.TaskKind;
import org.crm4j.task.TaskStore;

/**
 * The agenda of an employee for a day (M-5.2). The day's bounds are computed in its zone and passed to storage
 * as instants; the employee's open tasks due before the end of the window come in one read (one select in
 * crm-jpa) and are split here. Thread-safe.
 */
public final class Agenda {
    /** The most open tasks an agenda reads. */
    public static final int LIMIT = 500;

    private final TaskStore store;
    private final Transactions transactions;

    public Agenda(TaskStore store, Transactions transactions) {
        this.store = Objects.requireNonNull(store, "store");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * The agenda of {@code employee} for {@code day} in {@code zone}: overdue (open, due before the day begins
     * there), due today, the meetings of the day, and what is due in the {@code upcomingDays} days after it.
     *
     * @throws ValidationException {@code agenda.upcoming-days} unless {@code upcomingDays} is 0 to 366
     */
    public DayAgenda of(EmployeeId employee, LocalDate day, ZoneId zone, int upcomingDays) {
        Objects.requireNonNull(employee, "employee");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(zone, "zone");
        if (upcomingDays < 0 || upcomingDays > 366) {
            throw new ValidationException("upcomingDays", "agenda.upcoming-days", upcomingDays,
                    "an agenda looks 0 to 366 days ahead, was " + upcomingDays);
        }
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant windowEnd = day.plusDays(1L + upcomingDays).atStartOfDay(zone).toInstant();
        List<Task> open = transactions.inTransaction(() -> store.findOpenByResponsible(employee, windowEnd, LIMIT));
        List<Task> overdue = new ArrayList<>();
        List<Task> today = new ArrayList<>();
        List<Task> upcoming = new ArrayList<>();
        List<Task> meetings = new ArrayList<>();
        for (Task t : open) {
            if (t.due().isBefore(dayStart)) {
                overdue.add(t);
            } else if (t.due().isBefore(dayEnd)) {
                today.add(t);
                if (t.kind() == TaskKind.MEETING) {
                    meetings.add(t);
                }
            } else {
                upcoming.add(t);
            }
        }
        return new DayAgenda(employee, day, zone, upcomingDays, overdue, today, upcoming, meetings,
                open.size() < LIMIT);
    }
}
