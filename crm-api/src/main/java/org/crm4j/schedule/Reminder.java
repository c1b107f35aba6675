package org.crm4j.schedule;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.common.Violations;
import org.crm4j.notification.Notification;
import org.crm4j.task.TaskId;
import org.jspecify.annotations.Nullable;

/**
 * A notification due at a moment: a key date coming up, a rule's notice to a manager, the escalation of a task
 * still open past its deadline. It is {@link ReminderStatus#PENDING pending} until a node delivers it once and marks
 * it {@link ReminderStatus#FIRED fired}. A reminder bound to a {@link #task() task} is delivered only while that
 * task is open; if the task was closed by then it is marked {@link ReminderStatus#SKIPPED skipped}. Immutable and
 * thread-safe.
 *
 * <h2>Claims</h2>
 * A node about to deliver a reminder claims it ({@link ReminderStore#claimDue}): {@link #claimedBy()} names the
 * node and {@link #claimedUntil()} ends its lease. Another node takes the reminder only after the lease ends, so
 * the work of a node that died is taken over, and only then. {@link #attempts()} counts the claims. A delivery
 * the channel refused keeps the claim until a retry moment ({@link #failed}), which spaces the attempts out; after
 * too many the reminder is a {@link ReminderStatus#DEAD dead letter} until it is {@link #released()}.
 *
 * @param id           the identity
 * @param notification what to deliver; its {@link Notification#key() key} is the reminder's idempotency key,
 *                     unique among reminders
 * @param due          when to deliver it (kept to the microsecond)
 * @param task         the task it depends on: delivered only while that task is open; or {@code null}
 * @param rule         the code of the scheduling rule that created it, or {@code null}
 * @param status       where it stands
 * @param claimedBy    the node holding the claim, 1 to 100 characters, or {@code null} when unclaimed
 * @param claimedUntil when the claim's lease ends; present exactly when {@code claimedBy} is
 * @param attempts     how many times it was claimed, never negative
 * @param firedAt      when it was delivered, skipped or given up; present exactly when it is no longer pending
 * @param createdAt    when it was created
 * @param version      the stored version; 0 for a reminder not saved yet
 */
public record Reminder(ReminderId id, Notification notification, Instant due, @Nullable TaskId task,
                       @Nullable String rule, ReminderStatus status, @Nullable String claimedBy,
                       @Nullable Instant claimedUntil, int attempts, @Nullable Instant firedAt, Instant createdAt,
                       long version) {
    /** The most characters a node's name has. */
    public static final int MAX_OWNER = 100;

    public Reminder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        due = due.truncatedTo(ChronoUnit.MICROS);
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        claimedUntil = claimedUntil == null ? null : claimedUntil.truncatedTo(ChronoUnit.MICROS);
        firedAt = firedAt == null ? null : firedAt.truncatedTo(ChronoUnit.MICROS);
        Violations v = new Violations();
        rule = rule == null || rule.isBlank() ? null : rule.strip();
        if (rule != null && !ClassifierEntry.isCode(rule)) {
            v.add("rule", "classifier.code", rule, "a rule must be a code, was '" + rule + "'");
        }
        claimedBy = v.optionalText("claimedBy", "reminder.claimedBy", claimedBy, MAX_OWNER);
        if ((claimedBy == null) != (claimedUntil == null)) {
            v.add("claimedUntil", "reminder.claim", claimedUntil,
                    "a claim has both its owner and the end of its lease, or neither");
        }
        if ((status == ReminderStatus.PENDING) != (firedAt == null)) {
            v.add("firedAt", "reminder.firedAt", firedAt,
                    "a pending reminder has no firing time and a " + status + " one has it");
        }
        if (attempts < 0) {
            v.add("attempts", "reminder.attempts", attempts, "attempts are never negative, was " + attempts);
        }
        if (version < 0) {
            v.add("version", "reminder.version", version, "a version is never negative, was " + version);
        }
        v.throwIfAny();
    }

    /** A new pending, unclaimed reminder of {@code notification} due at {@code due}. */
    public static Reminder pending(ReminderId id, Notification notification, Instant due, @Nullable TaskId task,
                                   @Nullable String rule, Instant createdAt) {
        return new Reminder(id, notification, due, task, rule, ReminderStatus.PENDING, null, null, 0, null,
                createdAt, 0);
    }

    /** The idempotency key: the notification's. */
    public String key() {
        return notification.key();
    }

    /** Whether a node may claim it at {@code now}: pending, due, and not claimed or its lease ended. */
    public boolean isClaimableAt(Instant now) {
        return status == ReminderStatus.PENDING && !due.isAfter(now)
                && (claimedUntil == null || !claimedUntil.isAfter(now));
    }

    /** This reminder claimed by {@code owner} until {@code until}, one attempt more. */
    public Reminder claimed(String owner, Instant until) {
        return new Reminder(id, notification, due, task, rule, status, owner, until, attempts + 1, firedAt,
                createdAt, version);
    }

    /**
     * This reminder after its channel refused it: still pending and held by its claimant until {@code retryAt}, when
     * any node may claim it again.
     */
    public Reminder failed(Instant retryAt) {
        if (status != ReminderStatus.PENDING || claimedBy == null) {
            throw new IllegalStateException("only a claimed pending reminder fails, this one is " + status);
        }
        return new Reminder(id, notification, due, task, rule, status, claimedBy, retryAt, attempts, firedAt,
                createdAt, version);
    }

    /**
     * This claimed reminder given back untried: pending and unclaimed, so that any node may claim it at once (a node
     * stopping gracefully gives back the reminders it claimed and did not deliver). The claim's attempt is taken
     * back, since the channel was not tried.
     */
    public Reminder unclaimed() {
        if (status != ReminderStatus.PENDING) {
            throw new IllegalStateException("only a pending reminder is given back, this one is " + status);
        }
        return new Reminder(id, notification, due, task, rule, status, null, null,
                claimedBy == null ? attempts : Math.max(0, attempts - 1), firedAt, createdAt, version);
    }

    /**
     * Whether this stored reminder is still the claim {@code held} a node has: pending, of the same version and
     * claimed by the same owner. A lease extension extends only such reminders.
     */
    public boolean isStillClaimAs(Reminder held) {
        return status == ReminderStatus.PENDING && version == held.version() && claimedBy != null
                && claimedBy.equals(held.claimedBy());
    }

    /** This claimed reminder with its lease ending at {@code until} instead: what a lease extension stores. */
    public Reminder heldUntil(Instant until) {
        if (status != ReminderStatus.PENDING || claimedBy == null) {
            throw new IllegalStateException("only a claimed pending reminder has a lease, this one is " + status);
        }
        return new Reminder(id, notification, due, task, rule, status, claimedBy, Objects.requireNonNull(until,
                "until"), attempts, firedAt, createdAt, version);
    }

    /** A {@link ReminderStatus#DEAD dead letter} pending again, unclaimed, its attempts counted from zero. */
    public Reminder released() {
        if (status != ReminderStatus.DEAD) {
            throw new IllegalStateException("only a dead letter is released, this reminder is " + status);
        }
        return new Reminder(id, notification, due, task, rule, ReminderStatus.PENDING, null, null, 0, null,
                createdAt, version);
    }

    /** This reminder closed in {@code status} (fired, skipped or dead) at {@code at}, its claim released. */
    public Reminder closed(ReminderStatus status, Instant at) {
        if (status == ReminderStatus.PENDING) {
            throw new IllegalArgumentException("a reminder is closed as fired, skipped or dead");
        }
        return new Reminder(id, notification, due, task, rule, status, null, null, attempts, at, createdAt,
                version);
    }

    /** This reminder as stored with another version. */
    public Reminder withVersion(long version) {
        return new Reminder(id, notification, due, task, rule, status, claimedBy, claimedUntil, attempts, firedAt,
                createdAt, version);
    }
}
