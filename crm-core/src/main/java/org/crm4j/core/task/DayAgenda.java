package org.crm4j.core.task;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.crm4j.common.EmployeeId;
import org.crm4j.task.Task;

/**
 * An employee's agenda for a day in a zone (M-5.2): what they see when they start work. Every list is by
 * deadline. Immutable.
 *
 * @param employee     whose agenda it is
 * @param day          the day, in {@code zone}
 * @param zone         the zone the day is in
 * @param upcomingDays how many days after {@code day} {@link #upcoming} covers
 * @param overdue      open tasks due before the day begins
 * @param dueToday     open tasks due during the day, meetings included
 * @param upcoming     open tasks due in the {@code upcomingDays} days after it
 * @param meetings     the day's open {@link org.crm4j.task.TaskKind#MEETING} tasks (also in {@code dueToday})
 * @param complete     {@code false} when the employee had more open tasks up to the end of the window than an
 *                     agenda reads: then the latest of them are missing
 */
public record DayAgenda(EmployeeId employee, LocalDate day, ZoneId zone, int upcomingDays, List<Task> overdue,
                        List<Task> dueToday, List<Task> upcoming, List<Task> meetings, boolean complete) {
    public DayAgenda {
        Objects.requireNonNull(employee, "employee");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(zone, "zone");
        overdue = List.copyOf(overdue);
        dueToday = List.copyOf(dueToday);
        upcoming = List.copyOf(upcoming);
        meetings = List.copyOf(meetings);
    }
}
