package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The row of a task. The deadline is a moment ({@code due_at}) and, for a task due on a date, that date
 * ({@code due_date}) in a column of its own: a date is never kept as a midnight instant. The version is a plain
 * column checked in the update ({@code where id = ? and version = ?}), as for dossiers.
 */
@Entity(name = "CrmTask")
@Table(name = "crm_task")
class TaskEntity {
    @Id
    UUID id;
    long version;
    String kind;
    String title;
    String notes;
    @Column(name = "responsible_id")
    String responsibleId;
    @Column(name = "due_at")
    Instant dueAt;
    @Column(name = "due_date")
    LocalDate dueDate;
    String priority;
    @Column(name = "client_id")
    UUID clientId;
    @Column(name = "deal_ref")
    String dealRef;
    @Column(name = "interaction_id")
    UUID interactionId;
    String status;
    @Column(name = "board_column")
    String boardColumn;
    @Column(name = "completed_at")
    Instant completedAt;
    String regulation;
    @Column(name = "source_key")
    String sourceKey;
    @Column(name = "created_at")
    Instant createdAt;

    protected TaskEntity() {
    }

    TaskEntity(UUID id) {
        this.id = id;
    }
}
