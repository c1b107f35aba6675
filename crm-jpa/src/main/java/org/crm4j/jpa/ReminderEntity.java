package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The row of a reminder: its notification in columns of their own (the links in one text column, written by
 * {@link NotificationLinks}), its due moment, status and claim. The version is a plain column checked in the
 * update ({@code where id = ? and version = ?}), by saves and by claims alike.
 */
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
