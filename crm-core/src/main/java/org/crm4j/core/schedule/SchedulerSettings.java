package org.crm4j.core.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.crm4j.common.Violations;
import org.crm4j.schedule.ClaimArguments;
import org.crm4j.schedule.Reminder;

/**
 * How a node's {@link Scheduler} runs. Immutable.
 *
 * @param node                 this node's name in claims, 1 to 100 characters; unique among the nodes sharing
 *                             a database
 * @param lease                how long a claim holds: a reminder a node claimed and did not deliver (it died,
 *                             or the channel failed) is taken again after it; 1 second to 1 day
 * @param batchSize            how many reminders one claim takes, 1 to 1000
 * @param evaluateEvery        how often {@link Scheduler#fireDue} evaluates the time-triggered rules (key dates,
 *                             idleness, recurrences); zero evaluates them on every call
 * @param catchUp              how far back recurrences are looked for, so that occurrences missed while no
 *                             node ran still fire; 1 minute to 366 days
 * @param classificationMonths over how many full months before the current one ABC classes and sales of
 *                             conditions are computed, 1 to 36
 * @param retryAfter           how long after its first refused delivery a reminder is tried again; each further
 *                             refusal doubles the wait, up to the lease; 1 second to 1 day
 * @param maxAttempts          after how many refused deliveries a reminder becomes a dead letter, 1 to 100
 * @param perRecipient         how many consecutive reminders of one channel and recipient a claim takes, 1 to
 *                             1000: more lets a node deliver a recipient's backlog without claiming between them;
 *                             a refused one sends the rest of its run back untried
 * @param databaseClock        whether due-ness and leases are judged by the storage's clock
 *                             ({@link org.crm4j.schedule.ReminderStore#currentTime()}) rather than by the moment
 *                             given to {@link Scheduler#fireDue}: for nodes whose clocks may differ
 */
public record SchedulerSettings(String node, Duration lease, int batchSize, Duration evaluateEvery,
                                Duration catchUp, int classificationMonths, Duration retryAfter, int maxAttempts,
                                int perRecipient, boolean databaseClock) {
    public SchedulerSettings {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(evaluateEvery, "evaluateEvery");
        Objects.requireNonNull(catchUp, "catchUp");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Violations v = new Violations();
        node = node == null ? "" : node.strip();
        if (node.isEmpty() || node.length() > Reminder.MAX_OWNER) {
            v.add("node", "scheduler.node", node, "a node's name has 1 to " + Reminder.MAX_OWNER + " characters");
        }
        if (lease.compareTo(Duration.ofSeconds(1)) < 0 || lease.compareTo(Duration.ofDays(1)) > 0) {
            v.add("lease", "scheduler.lease", lease, "a lease is 1 second to 1 day, was " + lease);
        }
        if (batchSize < 1 || batchSize > ClaimArguments.MAX_LIMIT) {
            v.add("batchSize", "scheduler.batchSize", batchSize,
                    "a batch is 1 to " + ClaimArguments.MAX_LIMIT + " reminders, was " + batchSize);
        }
        if (evaluateEvery.isNegative()) {
            v.add("evaluateEvery", "scheduler.evaluateEvery", evaluateEvery, "an interval is not negative");
        }
        if (catchUp.compareTo(Duration.ofMinutes(1)) < 0 || catchUp.compareTo(Duration.ofDays(366)) > 0) {
            v.add("catchUp", "scheduler.catchUp", catchUp, "catching up reaches 1 minute to 366 days back");
        }
        if (classificationMonths < 1 || classificationMonths > 36) {
            v.add("classificationMonths", "scheduler.classificationMonths", classificationMonths,
                    "classes are computed over 1 to 36 months");
        }
        if (retryAfter.compareTo(Duration.ofSeconds(1)) < 0 || retryAfter.compareTo(Duration.ofDays(1)) > 0) {
            v.add("retryAfter", "scheduler.retryAfter", retryAfter, "a retry waits 1 second to 1 day");
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            v.add("maxAttempts", "scheduler.maxAttempts", maxAttempts, "a reminder is tried 1 to 100 times");
        }
        if (perRecipient < 1 || perRecipient > ClaimArguments.MAX_LIMIT) {
            v.add("perRecipient", "scheduler.perRecipient", perRecipient,
                    "a claim takes 1 to " + ClaimArguments.MAX_LIMIT + " reminders per recipient, was " + perRecipient);
        }
        v.throwIfAny();
    }

    /**
     * How long to wait before trying again a reminder refused on its {@code attempts}-th attempt:
     * {@link #retryAfter()}, doubled for each earlier refusal, at most the lease.
     */
    public Duration backoff(int attempts) {
        Duration wait = retryAfter;
        for (int i = 1; i < attempts && wait.compareTo(lease) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(lease) > 0 ? lease : wait;
    }

    /**
     * The defaults: a node name made of the process id and a random part, a 5-minute lease, batches of 100,
     * evaluation every 15 minutes, 7 days of catching up, classes over 12 months, a first retry after 30 seconds,
     * a dead letter after 10 refused attempts, up to 20 reminders per recipient in a claim, and due-ness judged by
     * the moment given to {@code fireDue}.
     */
    public static SchedulerSettings defaults() {
        return new SchedulerSettings("node-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8), Duration.ofMinutes(5), 100,
                Duration.ofMinutes(15), Duration.ofDays(7), 12, Duration.ofSeconds(30), 10, 20, false);
    }

    /** These settings with another node name. */
    public SchedulerSettings withNode(String node) {
        return new SchedulerSettings(node, lease, batchSize, evaluateEvery, catchUp, classificationMonths,
                retryAfter, maxAttempts, perRecipient, databaseClock);
    }

    /** These settings with another lease. */
    public SchedulerSettings withLease(Duration lease) {
        return new SchedulerSettings(node, lease, batchSize, evaluateEvery, catchUp, classificationMonths,
                retryAfter, maxAttempts, perRecipient, databaseClock);
    }

    /** These settings with another batch size. */
    public SchedulerSettings withBatchSize(int batchSize) {
        return new SchedulerSettings(node, lease, batchSize, evaluateEvery, catchUp, classificationMonths,
                retryAfter, maxAttempts, perRecipient, databaseClock);
    }

    /** These settings with another first retry wait and number of attempts before a dead letter. */
    public SchedulerSettings withRetries(Duration retryAfter, int maxAttempts) {
        return new SchedulerSettings(node, lease, batchSize, evaluateEvery, catchUp, classificationMonths,
                retryAfter, maxAttempts, perRecipient, databaseClock);
    }

    /** These settings with another evaluation interval. */
    public SchedulerSettings withEvaluateEvery(Duration evaluateEvery) {
        return new SchedulerSettings(node, lease, batchSize, evaluateEvery, catchUp, classificationMonths,
                retryAfter, maxAttempts, perRecipient, databaseClock);
    }

    /** These settings with another number of reminders per recipient in a claim. */
    public SchedulerSettings withPerRecipient(int perRecipient) {
        return new SchedulerSettings(node, lease, batchSize, evaluateEvery, catchUp, classificationMonths,
                retryAfter, maxAttempts, perRecipient, databaseClock);
    }

    /** These settings judging due-ness and leases by the storage's clock, or by the moment given to fireDue. */
    public SchedulerSettings withDatabaseClock(boolean databaseClock) {
        return new SchedulerSettings(node, lease, batchSize, evaluateEvery, catchUp, classificationMonths,
                retryAfter, maxAttempts, perRecipient, databaseClock);
    }
}
