package org.crm4j.task;

/** How urgent a task is, from the least to the most. */
public enum TaskPriority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
