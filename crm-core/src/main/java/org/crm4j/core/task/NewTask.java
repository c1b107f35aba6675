package org.crm4j.core.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;
import org.crm4j.interaction.InteractionId;
import org.crm4j.task.TaskKind;
import org.crm4j.task.TaskPriority;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Tasks#create} is asked to create: a task due at a moment ({@link #at}) or on a date of the CRM's
 * zone ({@link #on}), with optional details added by the {@code with…} methods. Immutable; the fields are checked
 * when the task is built.
 *
 * @param column the board column to create it in, or {@code null} for the board's first open column
 */
public record NewTask(TaskKind kind, String title, EmployeeId responsible, @Nullable Instant due,
                      @Nullable LocalDate dueDate, TaskPriority priority, @Nullable String notes,
                      @Nullable ClientId client, @Nullable String dealRef, @Nullable InteractionId interaction,
                      @Nullable String regulation, @Nullable String sourceKey, @Nullable String column) {
    public NewTask {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(responsible, "responsible");
        Objects.requireNonNull(priority, "priority");
        if ((due == null) == (dueDate == null)) {
            throw new ValidationException("due", "task.due", due == null ? null : due + " and " + dueDate,
                    "a new task has either a moment or a date it is due");
        }
    }

    /** A task due at a moment. */
    public static NewTask at(TaskKind kind, String title, EmployeeId responsible, Instant due) {
        return new NewTask(kind, title, responsible, Objects.requireNonNull(due, "due"), null, TaskPriority.NORMAL,
                null, null, null, null, null, null, null);
    }

    /** A task due on a date of the CRM's zone, without a time. */
    public static NewTask on(TaskKind kind, String title, EmployeeId responsible, LocalDate date) {
        return new NewTask(kind, title, responsible, null, Objects.requireNonNull(date, "date"), TaskPriority.NORMAL,
                null, null, null, null, null, null, null);
    }

    public NewTask withPriority(TaskPriority priority) {
        return new NewTask(kind, title, responsible, due, dueDate, priority, notes, client, dealRef, interaction,
                regulation, sourceKey, column);
    }

    public NewTask withNotes(@Nullable String notes) {
        return new NewTask(kind, title, responsible, due, dueDate, priority, notes, client, dealRef, interaction,
                regulation, sourceKey, column);
    }

    /** Linked to a client, the ERP's deal and an interaction (each may be {@code null}). */
    public NewTask about(@Nullable ClientId client, @Nullable String dealRef, @Nullable InteractionId interaction) {
        return new NewTask(kind, title, responsible, due, dueDate, priority, notes, client, dealRef, interaction,
                regulation, sourceKey, column);
    }

    /** Created by a regulation, once per {@code sourceKey} (either may be {@code null}). */
    public NewTask from(@Nullable String regulation, @Nullable String sourceKey) {
        return new NewTask(kind, title, responsible, due, dueDate, priority, notes, client, dealRef, interaction,
                regulation, sourceKey, column);
    }

    /** Created in a given column of the board. */
    public NewTask inColumn(@Nullable String column) {
        return new NewTask(kind, title, responsible, due, dueDate, priority, notes, client, dealRef, interaction,
                regulation, sourceKey, column);
    }
}
