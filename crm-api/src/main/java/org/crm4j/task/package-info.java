/**
 * Tasks and reminders (M-5.1, M-5.5): what an employee is to do, by when, for which client, deal or interaction;
 * the aggregate root is {@link org.crm4j.task.Task}, kept by a {@link org.crm4j.task.TaskStore}.
 */
@NullMarked
package org.crm4j.task;

import org.jspecify.annotations.NullMarked;
