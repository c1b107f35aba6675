/**
 * Tasks and reminders (M-5.1, M-5.5): what an employee is to do, by when, for which client, deal or interaction;
 * the aggregate root is {@link org.crm4j.task.Task}, kept by a {@link org.crm4j.task.TaskStore}. Regulations
 * (M-5.3, M-5.4): a {@link org.crm4j.task.Regulation} sets the deadline of a task after an event in business time;
 * the store answers the compliance questions over the tasks regulations created
 * ({@link org.crm4j.task.ComplianceCount}, {@link org.crm4j.task.LateTask}).
 */
@NullMarked
package org.crm4j.task;

import org.jspecify.annotations.NullMarked;
