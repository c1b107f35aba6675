package org.crm4j.schedule;

/**
 * Where a reminder stands: {@link #PENDING} until it is delivered ({@link #FIRED}), found unnecessary when its
 * time came ({@link #SKIPPED}: the task it escalates was closed by then), or given up after its channel refused
 * it too many times ({@link #DEAD}: a dead letter, delivered again only once someone releases it).
 */
public enum ReminderStatus {
    PENDING,
    FIRED,
    SKIPPED,
    DEAD
}
