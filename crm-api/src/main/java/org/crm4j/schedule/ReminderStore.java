package org.crm4j.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.DuplicateException;
import org.crm4j.task.TaskId;

/**
 * Storage of reminders: the port an embedding system implements to keep reminders in its own storage, or takes
 * from crm4j (in memory in crm-core, JPA in crm-jpa). An implementation proves itself with
 * {@code ReminderStoreContract} from crm-api's test-jar.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #save} follows {@link org.crm4j.storage.OptimisticLock}: version 0 inserts, version n replaces the
 *       stored version n and returns version n+1; a taken id is a {@link DuplicateException} (key {@code id}), a
 *       taken notification key a {@link DuplicateException} (key {@code key}), a stale version a
 *       {@link ConcurrentModificationException}, an update of a reminder not stored a
 *       {@link ReminderNotFoundException}. Nothing is written when it throws.</li>
 *   <li>{@link #claimDue} hands each claimable reminder to one caller at a time, even when callers on several
 *       nodes ask at once; a reminder whose lease ended may be claimed again. It does not take a lock on the
 *       whole table: callers get disjoint sets. {@link #extendClaims} lengthens the leases still held, so a node
 *       delivering a long batch keeps it, and only the work of a node that stopped is taken over.</li>
 *   <li>Every lookup is indexed; lists by due moment come by {@code due}, then by id as the store orders ids.</li>
 *   <li>Returned records are the stored state; implementations are thread-safe.</li>
 * </ul>
 */
public interface ReminderStore {
    /**
     * Inserts a new reminder (version 0) or replaces the stored one whose version equals {@code reminder.version()}.
     *
     * @return the reminder as stored, with its version increased by one
     */
    Reminder save(Reminder reminder);

    Optional<Reminder> findById(ReminderId id);

    /** The reminder created under the notification key {@code key}. */
    Optional<Reminder> findByKey(String key);

    /** The reminders bound to {@code task}, by due moment then id. */
    List<Reminder> findByTask(TaskId task);

    /** The pending reminders due before {@code before} (excluded), claimed or not, by due moment then id, at most {@code limit}. */
    List<Reminder> findPending(Instant before, int limit);

    /** The {@link ReminderStatus#DEAD dead letters}, by due moment then id, at most {@code limit}. */
    List<Reminder> findDead(int limit);

    /**
     * Claims for {@code owner}, until {@code until}, at most {@code limit} of the reminders claimable at
     * {@code now} ({@link Reminder#isClaimableAt}), the earliest due first: each comes back
     * {@link Reminder#claimed claimed}, its attempts and version increased by one, in order of due moment then id.
     * A reminder is in the answer of one caller only, until its lease ends.
     *
     * <p>Order per recipient: reminders to the same recipient through the same channel are claimed in their order
     * (by due moment, then id) and only from the first pending one: a claim takes a recipient's first pending
     * reminder and up to {@code perRecipient - 1} of those following it, as long as each is claimable; one claimed
     * elsewhere, or held after a refusal ({@link Reminder#failed}), keeps every later one waiting. So each recipient
     * gets its reminders in order, whatever the nodes, and a node delivers a run of one recipient's reminders
     * without claiming again between them. A dead letter no longer holds the ones after it.
     *
     * <p>Sharing between recipients: the recipients' first claimable reminders are taken earliest due first; the
     * first {@code ceil(limit / perRecipient)} of those recipients get their runs, the others their first reminder
     * alone, up to {@code limit} in all. So nodes claiming at once share a few recipients with long backlogs, and
     * many recipients each get their first reminder.
     *
     * @param now          the moment due-ness and leases are judged at
     * @param owner        the claiming node, 1 to {@link Reminder#MAX_OWNER} characters
     * @param until        the end of the lease, after {@code now}
     * @param limit        the most reminders to claim, 1 to 1000
     * @param perRecipient the most reminders of one channel and recipient to claim, 1 to 1000
     * @throws org.crm4j.common.ValidationException naming the argument that is out of range
     */
    List<Reminder> claimDue(Instant now, String owner, Instant until, int limit, int perRecipient);

    /**
     * {@link #claimDue(Instant, String, Instant, int, int)} taking one reminder per channel and recipient.
     */
    default List<Reminder> claimDue(Instant now, String owner, Instant until, int limit) {
        return claimDue(now, owner, until, limit, 1);
    }

    /**
     * Extends the leases of reminders a node still holds (its heartbeat while it delivers a batch): each of
     * {@code held}, as its claim or an earlier extension returned it, whose stored state is still pending, claimed by
     * the same owner and of the same version, is held until {@code until}. The version is left as it is, so the
     * holder's copies stay current for the save that closes them. A reminder taken over by another node after its
     * lease ended, given back or closed is not extended.
     *
     * @param held  claimed reminders, at most {@link ClaimArguments#MAX_LIMIT}
     * @param until the new end of their leases
     * @return the reminders extended, in the order given, each with its lease ending at {@code until}; the others
     *         are no longer this holder's to deliver
     * @throws org.crm4j.common.ValidationException ({@code held}) when one of them is not claimed, or there are
     *                                              too many
     */
    List<Reminder> extendClaims(List<Reminder> held, Instant until);

    /**
     * The store's clock: for a database, the database's current time. Nodes whose clocks may differ judge due-ness
     * and leases by it ({@code SchedulerSettings.databaseClock}), so that every node agrees on when a reminder is
     * due and when a lease has ended. Precise to the millisecond or better.
     */
    Instant currentTime();

    /**
     * Whether a pending reminder, claimed or not, waits for {@code recipient} on {@code channel}: the outbox asks it
     * before handing a new notification straight to the channel, which would otherwise pass the ones waiting.
     */
    boolean hasPending(String channel, String recipient);
}
