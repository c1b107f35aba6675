/**
 * Tasks and reminders (M-5.1, M-5.2, M-5.5): the use case {@link org.crm4j.core.task.Tasks}, the pure
 * {@link org.crm4j.core.task.TaskRules}, the {@link org.crm4j.core.task.KanbanBoard}, the optional
 * {@link org.crm4j.core.task.OverduePolicy}, an employee's {@link org.crm4j.core.task.Agenda}, and the in-memory
 * store. Regulations (M-5.3, M-5.4): the use case {@link org.crm4j.core.task.Regulations}, which applies a
 * regulation to an event and builds the {@link org.crm4j.core.task.ComplianceReport} per regulation and per
 * manager in business time.
 */
@NullMarked
package org.crm4j.core.task;

import org.jspecify.annotations.NullMarked;
