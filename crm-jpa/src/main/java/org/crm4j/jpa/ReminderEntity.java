package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The row of a reminder: its notification in columns of their own (the links in one text column, written by
 * {@link NotificationLinks}), its due moment, status and claim. The version is a plain column checked in the
 * update ({@code where id = ? and version = ?}), by saves and by claims alike. The result mapping types the
 * columns a native claim selects, so the provider converts them as it does the entity's attributes.
 */
@SqlResultSetMapping(name = JpaReminderStore.COLUMNS_MAPPING, columns = {
        @ColumnResult(name = "id", type = UUID.class),
        @ColumnResult(name = "notification_key", type = String.class),
        @ColumnResult(name = "channel", type = String.class),
        @ColumnResult(name = "recipient", type = String.class),
        @ColumnResult(name = "subject", type = String.class),
        @ColumnResult(name = "body", type = String.class),
        @ColumnResult(name = "links", type = String.class),
        @ColumnResult(name = "due_at", type = Instant.class),
        @ColumnResult(name = "task_id", type = UUID.class),
        @ColumnResult(name = "rule_code", type = String.class),
        @ColumnResult(name = "status", type = String.class),
        @ColumnResult(name = "claimed_by", type = String.class),
        @ColumnResult(name = "claimed_until", type = Instant.class),
        @ColumnResult(name = "attempts", type = Integer.class),
        @ColumnResult(name = "fired_at", type = Instant.class),
        @ColumnResult(name = "created_at", type = Instant.class),
        @ColumnResult(name = "version", type = Long.class)})
@SqlResultSetMapping(name = JpaReminderStore.HEADS_MAPPING, columns = {
        @ColumnResult(name = "id", type = UUID.class),
        @ColumnResult(name = "notification_key", type = String.class),
        @ColumnResult(name = "channel", type = String.class),
        @ColumnResult(name = "recipient", type = String.class),
        @ColumnResult(name = "claimed_until", type = Instant.class),
        @ColumnResult(name = "version", type = Long.class)})
@Entity(name = "CrmReminder")
@Table(name = "crm_reminder")
class ReminderEntity {
    @Id
    UUID id;
    long version;
    @Column(name = "notification_key")
    String notificationKey;
    String channel;
    String recipient;
    String subject;
    String body;
    String links;
    @Column(name = "due_at")
    Instant dueAt;
    @Column(name = "task_id")
    UUID taskId;
    @Column(name = "rule_code")
    String ruleCode;
    String status;
    @Column(name = "claimed_by")
    String claimedBy;
    @Column(name = "claimed_until")
    Instant claimedUntil;
    int attempts;
    @Column(name = "fired_at")
    Instant firedAt;
    @Column(name = "created_at")
    Instant createdAt;

    protected ReminderEntity() {
    }

    ReminderEntity(UUID id) {
        this.id = id;
    }
}
