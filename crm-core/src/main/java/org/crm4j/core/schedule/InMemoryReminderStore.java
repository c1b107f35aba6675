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
        // first, each recipient's first pending reminder when it is claimable, earliest due first
        Map<List<String>, Integer> runs = new HashMap<>();
        Set<ReminderId> chosen = new HashSet<>();
        for (Reminder r : pending) {
            if (chosen.size() == limit || r.due().isAfter(now)) {
                break;
            }
            if (runs.putIfAbsent(to(r), 0) == null && r.isClaimableAt(now)) {
                runs.put(to(r), 1);
                chosen.add(r.id());
            }
        }
        // then, in the room left, the claimable ones following them, up to perRecipient in a run
        if (perRecipient > 1 && chosen.size() < limit) {
            Map<List<String>, Integer> seen = new HashMap<>();
            for (Reminder r : pending) {
                if (chosen.size() == limit || r.due().isAfter(now)) {
                    break;
                }
                List<String> to = to(r);
                int place = seen.merge(to, 1, Integer::sum);
                int taken = runs.getOrDefault(to, 0);
                if (place == 1 || taken < 1 || taken == perRecipient) {
                    continue;
                }
                if (r.isClaimableAt(now)) {
                    runs.put(to, taken + 1);
                    chosen.add(r.id());
                } else {
                    runs.put(to, 0);
                }
            }
        }
        List<Reminder> claimable = new ArrayList<>(chosen.size());
        for (Reminder r : pending) {
            if (claimable.size() == chosen.size()) {
                break;
            }
            if (chosen.contains(r.id())) {
                claimable.add(r);
            }
        }
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
            if (stored != null && stored.status() == ReminderStatus.PENDING && stored.version() == r.version()
                    && r.claimedBy().equals(stored.claimedBy())) {
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
