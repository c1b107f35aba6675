package org.crm4j.core.schedule;

/**
 * What one {@link Scheduler#fireDue} or {@link Scheduler#evaluate} did. Immutable.
 *
 * @param occasions        the occasions the rules met (a trigger for a client meeting the condition) that were not
 *                         handled before
 * @param tasksCreated     the tasks the rules created
 * @param remindersCreated the notifications and escalations the rules scheduled
 * @param unrouted         the escalations that found nobody to go to (no supervisor and none named)
 * @param failedOccasions  the occasions whose actions failed and were left for the next evaluation
 * @param delivered        the reminders delivered through the notifier
 * @param skipped          the reminders not needed any more (their task was closed)
 * @param failedDeliveries the deliveries the notifier refused; they are tried again after a backoff
 * @param deadLettered     the reminders given up after too many refusals (dead letters)
 */
public record FireReport(int occasions, int tasksCreated, int remindersCreated, int unrouted, int failedOccasions,
                         int delivered, int skipped, int failedDeliveries, int deadLettered) {
    /** Nothing done. */
    public static final FireReport NOTHING = new FireReport(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** This report and {@code other} added up. */
    public FireReport plus(FireReport other) {
        return new FireReport(occasions + other.occasions, tasksCreated + other.tasksCreated,
                remindersCreated + other.remindersCreated, unrouted + other.unrouted,
                failedOccasions + other.failedOccasions, delivered + other.delivered, skipped + other.skipped,
                failedDeliveries + other.failedDeliveries, deadLettered + other.deadLettered);
    }
}
