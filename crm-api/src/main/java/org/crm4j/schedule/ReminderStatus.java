package org.crm4j.schedule;

/**
 * Where a reminder stands: {@link #PENDING} until it is delivered ({@link #FIRED}), or found unnecessary when its
 * time came ({@link #SKIPPED}: the task it escalates was closed by then).
 */
public enum ReminderStatus {
    PENDING,
    FIRED,
    SKIPPED
}
