package org.crm4j.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.crm4j.common.ValidationException;

/**
 * The checks every {@link ReminderStore} makes of the arguments of {@link ReminderStore#claimDue} and of list
 * limits, shared so that each store refuses the same input with the same error.
 */
public final class ClaimArguments {
    /** The most reminders one claim or list returns. */
    public static final int MAX_LIMIT = 1000;

    private ClaimArguments() {
    }

    /**
     * Refuses a claim's arguments unless {@code owner} has 1 to {@link Reminder#MAX_OWNER} characters,
     * {@code until} is after {@code now} and {@code limit} is 1 to {@link #MAX_LIMIT}.
     *
     * @throws ValidationException naming the argument ({@code owner}, {@code until}, {@code limit})
     */
    public static void check(Instant now, String owner, Instant until, int limit) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(until, "until");
        if (owner == null || owner.isBlank() || owner.length() > Reminder.MAX_OWNER) {
            throw new ValidationException("owner", "reminder.claimedBy", owner,
                    "a claim's owner has 1 to " + Reminder.MAX_OWNER + " characters");
        }
        if (!until.isAfter(now)) {
            throw new ValidationException("until", "reminder.lease", until,
                    "a lease ends after the moment of the claim, " + now);
        }
        requireLimit(limit);
    }

    /**
     * Refuses a claim's arguments as {@link #check(Instant, String, Instant, int)} does, and a
     * {@code perRecipient} outside 1 to {@link #MAX_LIMIT}.
     *
     * @throws ValidationException naming the argument ({@code owner}, {@code until}, {@code limit},
     *                             {@code perRecipient})
     */
    public static void check(Instant now, String owner, Instant until, int limit, int perRecipient) {
        check(now, owner, until, limit);
        if (perRecipient < 1 || perRecipient > MAX_LIMIT) {
            throw new ValidationException("perRecipient", "reminder.perRecipient", perRecipient,
                    "a claim takes 1 to " + MAX_LIMIT + " reminders per recipient, was " + perRecipient);
        }
    }

    /**
     * Refuses the reminders of a lease extension unless each is claimed and there are at most {@link #MAX_LIMIT}.
     *
     * @throws ValidationException ({@code held})
     */
    public static void checkHeld(List<Reminder> held, Instant until) {
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(until, "until");
        if (held.size() > MAX_LIMIT) {
            throw new ValidationException("held", "reminder.limit", held.size(),
                    "a lease extension takes at most " + MAX_LIMIT + " reminders, was " + held.size());
        }
        for (Reminder r : held) {
            if (r.claimedBy() == null || r.status() != ReminderStatus.PENDING) {
                throw new ValidationException("held", "reminder.claimedBy", r.id(),
                        "only a claimed pending reminder has a lease to extend; " + r.id() + " is "
                                + (r.claimedBy() == null ? "unclaimed" : r.status()));
            }
        }
    }

    /**
     * Refuses a limit outside 1 to {@link #MAX_LIMIT}.
     *
     * @throws ValidationException ({@code limit})
     */
    public static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "reminder.limit", limit,
                    "a limit is 1 to " + MAX_LIMIT + ", was " + limit);
        }
    }
}
