/**
 * Firing reminders (M-5, M-5.6): a {@link org.crm4j.schedule.Reminder} is a notification due at a moment, kept
 * by a {@link org.crm4j.schedule.ReminderStore} until it is delivered once. Nodes sharing a store take due
 * reminders by claims with a lease ({@link org.crm4j.schedule.ReminderStore#claimDue}), not by a global lock.
 * {@link org.crm4j.schedule.ScheduleQuery} answers the questions time-triggered scheduling rules ask of storage
 * (which clients have gone quiet, which clients have a manager), and {@link org.crm4j.schedule.Supervisors} tells
 * whom an overdue task is escalated to.
 */
@NullMarked
package org.crm4j.schedule;

import org.jspecify.annotations.NullMarked;
