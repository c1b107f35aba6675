/**
 * Scheduling rules and the firing of reminders (M-5, M-5.6): {@link org.crm4j.core.schedule.SchedulingRule}s are
 * data (a {@link org.crm4j.core.schedule.Trigger}, a {@link org.crm4j.core.schedule.Condition} and
 * {@link org.crm4j.core.schedule.RuleAction}s), run by the {@link org.crm4j.core.schedule.Scheduler}, which creates
 * tasks and reminders idempotently and delivers due reminders through the
 * {@link org.crm4j.notification.Notifier} by claims with leases. The in-memory reminder store and schedule query
 * live here too.
 */
@NullMarked
package org.crm4j.core.schedule;

import org.jspecify.annotations.NullMarked;
