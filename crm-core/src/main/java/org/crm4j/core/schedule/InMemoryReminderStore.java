package org.crm4j.core.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.crm4j.common.DuplicateException;
import org.crm4j.schedule.ClaimArguments;
import org.crm4j.schedule.Reminder;
import org.crm4j.schedule.ReminderId;
import org.crm4j.schedule.ReminderNotFoundException;
import org.crm4j.schedule.ReminderStatus;
import org.crm4j.schedule.ReminderStore;
import org.crm4j.storage.OptimisticLock;
import org.crm4j.task.TaskId;

/**
 * Reminders in memory, indexed by id and key, with the pending ones ordered by due moment, so a claim reads the
 * earliest due without scanning the fired ones, and takes of each recipient only the run that starts at its first
 * pending reminder. Every method holds one lock, so each is atomic, and two callers of {@link #claimDue} get
 * disjoint reminders. Its clock ({@link #currentTime()}) is the one it is built with. Thread-safe.
 */
public final class InMemoryReminderStore implements ReminderStore {
    private static final Comparator<Reminder> BY_DUE = Comparator.comparing(Reminder::due)
            .thenComparing(r -> r.id().value());

    private final Clock clock;
    private final Map<ReminderId, Reminder> byId = new HashMap<>();
    private final Map<String, ReminderId> byKey = new HashMap<>();
    private final TreeSet<Reminder> pending = new TreeSet<>(BY_DUE);
    /** How many pending reminders each channel and recipient has. */
    private final Map<List<String>, Integer> pendingTo = new HashMap<>();

    /** An empty store whose {@link #currentTime()} is the system's clock. */
    public InMemoryReminderStore() {
        this(Clock.systemUTC());
    }

    /** An empty store whose {@link #currentTime()} is {@code clock}'s. */
    public InMemoryReminderStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Reminder save(Reminder reminder) {
        Objects.requireNonNull(reminder, "reminder");
        Reminder before = byId.get(reminder.id());
        OptimisticLock.check("reminder", "id", reminder.id(), reminder.version(),
                before == null ? null : before.version(), () -> new ReminderNotFoundException(reminder.id()));
        ReminderId holder = byKey.get(reminder.key());
        if (holder != null && !holder.equals(reminder.id())) {
            throw new DuplicateException("reminder", "key", reminder.key());
        }
        return put(before, reminder.withVersion(reminder.version() + 1));
    }

    private Reminder put(Reminder before, Reminder stored) {
        if (before != null) {
            if (pending.remove(before)) {
                pendingTo.merge(to(before), -1, Integer::sum);
            }
            byKey.remove(before.key());
        }
        byId.put(stored.id(), stored);
        byKey.put(stored.key(), stored.id());
        if (stored.status() == ReminderStatus.PENDING) {
            pending.add(stored);
            pendingTo.merge(to(stored), 1, Integer::sum);
        }
        return stored;
    }

    private static List<String> to(Reminder r) {
        return List.of(r.notification().channel(), r.notification().recipient());
    }

    @Override
    public synchronized Optional<Reminder> findById(ReminderId id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public synchronized Optional<Reminder> findByKey(String key) {
        ReminderId id = byKey.get(Objects.requireNonNull(key, "key"));
        return id == null ? Optional.empty() : Optional.of(byId.get(id));
    }

    @Override
    public synchronized List<Reminder> findByTask(TaskId task) {
        Objects.requireNonNull(task, "task");
        return byId.values().stream().filter(r -> task.equals(r.task())).sorted(BY_DUE).toList();
    }

    @Override
    public synchronized List<Reminder> findPending(Instant before, int limit) {
        Objects.requireNonNull(before, "before");
        ClaimArguments.requireLimit(limit);
        List<Reminder> out = new ArrayList<>();
        for (Reminder r : pending) {
            if (out.size() == limit || !r.due().isBefore(before)) {
                break;
            }
            out.add(r);
        }
        return out;
    }

    @Override
    public synchronized List<Reminder> findDead(int limit) {
        ClaimArguments.requireLimit(limit);
        return byId.values().stream().filter(r -> r.status() == ReminderStatus.DEAD).sorted(BY_DUE).limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Reminder> claimDue(Instant now, String owner, Instant until, int limit,
                                                int perRecipient) {
        ClaimArguments.check(now, owner, until, limit, perRecipient);
        // each recipient's first pending reminder, when it is claimable, earliest due first
        Set<List<String>> seen = new HashSet<>();
        List<Reminder> firsts = new ArrayList<>();
        for (Reminder r : pending) {
            if (firsts.size() == limit || r.due().isAfter(now)) {
                break;
            }
            if (seen.add(to(r)) && r.isClaimableAt(now)) {
                firsts.add(r);
            }
        }
        // the runs of the first ceil(limit / perRecipient) of them: the claimable ones following each first one
        int runners = perRecipient == 1 ? 0 : Math.min(firsts.size(), (limit + perRecipient - 1) / perRecipient);
        Map<List<String>, List<Reminder>> following = new HashMap<>();
        for (int i = 0; i < runners; i++) {
            following.put(to(firsts.get(i)), new ArrayList<>());
        }
        Set<List<String>> ended = new HashSet<>();
        Set<ReminderId> firstIds = new HashSet<>();
        firsts.forEach(r -> firstIds.add(r.id()));
        for (Reminder r : pending) {
            if (following.isEmpty() || r.due().isAfter(now)) {
                break;
            }
            List<Reminder> run = following.get(to(r));
            if (run == null || ended.contains(to(r)) || firstIds.contains(r.id())) {
                continue;
            }
            if (run.size() + 1 == perRecipient || !r.isClaimableAt(now)) {
                ended.add(to(r));
            } else {
                run.add(r);
            }
        }
        List<Reminder> claimable = new ArrayList<>(limit);
        for (Reminder first : firsts) {
            if (claimable.size() == limit) {
                break;
            }
            claimable.add(first);
            for (Reminder r : following.getOrDefault(to(first), List.of())) {
                if (claimable.size() == limit) {
                    break;
                }
                claimable.add(r);
            }
        }
        claimable.sort(BY_DUE);
        List<Reminder> claimed = new ArrayList<>(claimable.size());
        for (Reminder r : claimable) {
            claimed.add(put(r, r.claimed(owner, until).withVersion(r.version() + 1)));
        }
        return claimed;
    }

    @Override
    public synchronized List<Reminder> extendClaims(List<Reminder> held, Instant until) {
        ClaimArguments.checkHeld(held, until);
        List<Reminder> extended = new ArrayList<>(held.size());
        for (Reminder r : held) {
            Reminder stored = byId.get(r.id());
            if (stored != null && stored.isStillClaimAs(r)) {
                extended.add(put(stored, stored.heldUntil(until)));
            }
        }
        return extended;
    }

    @Override
    public Instant currentTime() {
        return clock.instant();
    }

    @Override
    public synchronized boolean hasPending(String channel, String recipient) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        return pendingTo.getOrDefault(List.of(channel, recipient), 0) > 0;
    }
}
