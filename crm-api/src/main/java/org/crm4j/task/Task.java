package org.crm4j.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Violations;
import org.crm4j.interaction.InteractionId;
import org.jspecify.annotations.Nullable;

/**
 * A task or reminder (M-5.1, M-5.5): what an employee is responsible for doing, by when, about what. Immutable
 * and thread-safe.
 *
 * <h2>Deadlines: a moment, or a date</h2>
 * A task is due at a moment ({@link #due()}, an {@link Instant}), or on a date without a time. A task due on a
 * date keeps that date in {@link #dueDate()} and its {@code due} is the last microsecond of that date in the zone
 * it was planned in ({@link #endOf(LocalDate, ZoneId)}): the date is never turned into a midnight instant, which
 * would fall on the day before in zones west of it. The date is what people see; the moment orders tasks and
 * tells when the task is overdue.
 *
 * <h2>Status</h2>
 * A task is {@link TaskStatus#OPEN open}, {@link TaskStatus#IN_PROGRESS in progress}, {@link TaskStatus#DONE
 * done} or {@link TaskStatus#CANCELLED cancelled}; {@link #completedAt()} is the moment it was closed, present
 * exactly when it is done or cancelled. Moments are kept to the microsecond (finer parts are dropped), which
 * every supported database stores. It is overdue at a moment when it is open and due before that moment.
 *
 * @param id          the identity
 * @param kind        what it asks for
 * @param title       what to do, 1 to 300 characters
 * @param notes       details, or {@code null}; at most 4000 characters
 * @param responsible the employee who is to do it
 * @param due         the deadline
 * @param dueDate     the date it is due on when it has no time of day, or {@code null}
 * @param priority    how urgent it is
 * @param client      the client it concerns, or {@code null}
 * @param dealRef     the ERP's id of the deal it concerns, or {@code null}; at most 100 characters
 * @param interaction the interaction it follows, or {@code null}
 * @param status      where it stands
 * @param column      the code of its column on the Kanban board (a classifier-style code)
 * @param completedAt when it was done or cancelled; {@code null} while it is open
 * @param regulation  the code of the regulation that created it, or {@code null}; at most 64 characters
 * @param sourceKey   the key that makes its creation idempotent ({@code interaction:<id>:follow-up}), unique
 *                    among tasks, or {@code null}; at most 200 characters
 * @param createdAt   when it was created
 * @param version     the stored version; 0 for a task not saved yet
 */
public record Task(TaskId id, TaskKind kind, String title, @Nullable String notes, EmployeeId responsible,
                   Instant due, @Nullable LocalDate dueDate, TaskPriority priority, @Nullable ClientId client,
                   @Nullable String dealRef, @Nullable InteractionId interaction, TaskStatus status, String column,
                   @Nullable Instant completedAt, @Nullable String regulation, @Nullable String sourceKey,
                   Instant createdAt, long version) {
    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(responsible, "responsible");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        due = due.truncatedTo(ChronoUnit.MICROS);
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        completedAt = completedAt == null ? null : completedAt.truncatedTo(ChronoUnit.MICROS);
        Violations v = new Violations();
        title = title == null ? "" : title.strip();
        if (title.isEmpty() || title.length() > 300) {
            v.add("title", "task.title", title, "the title must have 1 to 300 characters");
        }
        notes = v.optionalText("notes", "task.notes", notes, 4000);
        dealRef = v.optionalText("dealRef", "task.dealRef", dealRef, 100);
        sourceKey = v.optionalText("sourceKey", "task.sourceKey", sourceKey, 200);
        regulation = regulation == null || regulation.isBlank() ? null : regulation.strip();
        if (regulation != null && !ClassifierEntry.isCode(regulation)) {
            v.add("regulation", "classifier.code", regulation,
                    "the regulation must be a code, was '" + regulation + "'");
        }
        column = column == null ? "" : column.strip();
        if (!ClassifierEntry.isCode(column)) {
            v.add("column", "classifier.code", column, "the board column must be a code, was '" + column + "'");
        }
        if (status.isOpen() && completedAt != null) {
            v.add("completedAt", "task.completed-open", completedAt,
                    "an " + status + " task has no completion time, was " + completedAt);
        }
        if (!status.isOpen() && completedAt == null) {
            v.add("completedAt", "task.completed-missing", null,
                    "a " + status + " task has the moment it was closed");
        }
        if (version < 0) {
            v.add("version", "task.version", version, "a version is never negative, was " + version);
        }
        v.throwIfAny();
    }

    /**
     * The deadline of a task due on {@code date} in {@code zone}: the last microsecond of that date there (the
     * moment before the next date begins, microseconds being what every supported database keeps). A date the
     * zone skipped (Samoa's 30 December 2011) ends where the next date begins.
     */
    public static Instant endOf(LocalDate date, ZoneId zone) {
        return date.plusDays(1).atStartOfDay(zone).toInstant().minus(1, ChronoUnit.MICROS);
    }

    /** Whether the task is open and due before {@code at}. */
    public boolean isOverdueAt(Instant at) {
        return status.isOpen() && due.isBefore(at);
    }

    /** This task given to another employee. */
    public Task withResponsible(EmployeeId responsible) {
        return new Task(id, kind, title, notes, responsible, due, dueDate, priority, client, dealRef, interaction,
                status, column, completedAt, regulation, sourceKey, createdAt, version);
    }

    /** This task in another status and column, closed at {@code completedAt} ({@code null} when open). */
    public Task withStatus(TaskStatus status, String column, @Nullable Instant completedAt) {
        return new Task(id, kind, title, notes, responsible, due, dueDate, priority, client, dealRef, interaction,
                status, column, completedAt, regulation, sourceKey, createdAt, version);
    }

    /** This task as stored with another version. */
    public Task withVersion(long version) {
        return new Task(id, kind, title, notes, responsible, due, dueDate, priority, client, dealRef, interaction,
                status, column, completedAt, regulation, sourceKey, createdAt, version);
    }

    /**
     * A builder of a new open task (version 0, priority {@link TaskPriority#NORMAL}, kind {@link TaskKind#OTHER},
     * column {@code to-do}); {@code id}, {@code title}, {@code responsible}, a deadline and {@code createdAt} are
     * required.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Task}; not thread-safe. */
    public static final class Builder {
        private @Nullable TaskId id;
        private TaskKind kind = TaskKind.OTHER;
        private @Nullable String title;
        private @Nullable String notes;
        private @Nullable EmployeeId responsible;
        private @Nullable Instant due;
        private @Nullable LocalDate dueDate;
        private TaskPriority priority = TaskPriority.NORMAL;
        private @Nullable ClientId client;
        private @Nullable String dealRef;
        private @Nullable InteractionId interaction;
        private TaskStatus status = TaskStatus.OPEN;
        private String column = "to-do";
        private @Nullable Instant completedAt;
        private @Nullable String regulation;
        private @Nullable String sourceKey;
        private @Nullable Instant createdAt;
        private long version;

        private Builder() {
        }

        public Builder id(TaskId id) { this.id = id; return this; }
        public Builder kind(TaskKind kind) { this.kind = kind; return this; }
        public Builder title(String title) { this.title = title; return this; }
        public Builder notes(@Nullable String notes) { this.notes = notes; return this; }
        public Builder responsible(EmployeeId responsible) { this.responsible = responsible; return this; }
        /** Due at a moment. */
        public Builder due(Instant due) { this.due = due; this.dueDate = null; return this; }
        /** Due on a date in a zone: {@code due} becomes {@link Task#endOf(LocalDate, ZoneId)}. */
        public Builder dueOn(LocalDate date, ZoneId zone) {
            this.dueDate = date;
            this.due = endOf(date, zone);
            return this;
        }
        public Builder priority(TaskPriority priority) { this.priority = priority; return this; }
        public Builder client(@Nullable ClientId client) { this.client = client; return this; }
        public Builder dealRef(@Nullable String dealRef) { this.dealRef = dealRef; return this; }
        public Builder interaction(@Nullable InteractionId interaction) { this.interaction = interaction; return this; }
        public Builder status(TaskStatus status) { this.status = status; return this; }
        public Builder column(String column) { this.column = column; return this; }
        public Builder completedAt(@Nullable Instant completedAt) { this.completedAt = completedAt; return this; }
        public Builder regulation(@Nullable String regulation) { this.regulation = regulation; return this; }
        public Builder sourceKey(@Nullable String sourceKey) { this.sourceKey = sourceKey; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder version(long version) { this.version = version; return this; }

        public Task build() {
            return new Task(Objects.requireNonNull(id, "id"), kind, Objects.requireNonNull(title, "title"), notes,
                    Objects.requireNonNull(responsible, "responsible"), Objects.requireNonNull(due, "due"), dueDate,
                    priority, client, dealRef, interaction, status, column, completedAt, regulation, sourceKey,
                    Objects.requireNonNull(createdAt, "createdAt"), version);
        }
    }
}
