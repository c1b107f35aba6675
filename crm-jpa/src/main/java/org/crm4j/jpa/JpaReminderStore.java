package org.crm4j.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.StorageException;
import org.crm4j.notification.Notification;
import org.crm4j.schedule.ClaimArguments;
import org.crm4j.schedule.Reminder;
import org.crm4j.schedule.ReminderId;
import org.crm4j.schedule.ReminderNotFoundException;
import org.crm4j.schedule.ReminderStatus;
import org.crm4j.schedule.ReminderStore;
import org.crm4j.task.TaskId;
import org.jspecify.annotations.Nullable;

/**
 * {@link ReminderStore} over JPA: one row per reminder. Statements:
 * <ul>
 *   <li>a save: the insert, or the guarded update ({@code where id = ? and version = ?}, the optimistic lock),
 *       and only when that matches nothing, one select telling why;</li>
 *   <li>every lookup: one indexed select (the key's unique index, {@code (task_id, due_at)},
 *       {@code (status, due_at)} for the pending ones);</li>
 *   <li>a claim, by default: one plain select of the first reminder of each recipient among the earliest due
 *       ones (a group by over a bounded range of the {@code (status, due_at)} index, joined back by the
 *       {@code (channel, recipient, status, due_at)} index: its cost does not grow with a recipient's backlog; a
 *       further select over four times as many only when all of those recipients are held), and, when runs
 *       longer than one are asked for, one select of the due pending reminders of the recipients that get a run;
 *       then one {@code select … for update skip locked} of the chosen rows and one update of those it kept
 *       ({@code set claimed_by, claimed_until, attempts = attempts + 1, version = version + 1 where id in (…)}):
 *       three or four statements in one transaction, whatever the number claimed. Rows another claim holds are
 *       skipped, not waited for, so nodes claiming at once take disjoint sets without queueing behind each other;
 *       a run is kept only up to its first skipped row. PostgreSQL, MariaDB (10.6 on) and H2 (2.5 is tested) run
 *       it;</li>
 *   <li>a claim for a database without {@code skip locked} ({@link JpaStorage.Builder#skipLockedClaims}): the
 *       same one or two selects of the candidates, with their values, then for each one update guarded by the
 *       version read ({@code … where id = ? and version = ?}), keeping those whose update changed a row and
 *       stopping a run at the first that did not: {@code 1 + n} or {@code 2 + n} statements for {@code n}
 *       candidates. Two nodes that read the same candidates both try them and the database lets exactly one
 *       update through (the other finds the version moved on, once the first has committed);</li>
 *   <li>a lease extension: one update guarded by each reminder's id, version and owner, and only when it
 *       matched fewer rows than given, one select telling which;</li>
 *   <li>the clock: one select of the database's current instant.</li>
 * </ul>
 * Neither claim takes a table lock. A claim's rows (and, under MariaDB's repeatable read, the index entries its
 * locking select passes over) stay locked while its transaction lasts, so a node should claim in a transaction of its
 * own (as {@link JpaStorage#transactions()} gives outside any other): a claim inside a long transaction of the
 * embedding system holds its rows and hides its claims from other nodes until that transaction ends. The claimed
 * reminders are built from the values read and the update made, not read again. Lookups and claims select a
 * reminder's columns as values (a locking claim through the {@link #COLUMNS_MAPPING result mapping}, which types them
 * as the entity's attributes), so no row of theirs enters the persistence context; a row a save inserts leaves it
 * before the store returns ({@link JpaSession#release}).
 */
final class JpaReminderStore implements ReminderStore {
    private static final String PENDING = "'" + ReminderStatus.PENDING.name() + "'";
    private static final String DEAD = "'" + ReminderStatus.DEAD.name() + "'";
    /** The columns of a reminder, read as values: a read builds records, not managed entities. */
    private static final String COLUMNS = "select r.id, r.notificationKey, r.channel, r.recipient, r.subject, "
            + "r.body, r.links, r.dueAt, r.taskId, r.ruleCode, r.status, r.claimedBy, r.claimedUntil, r.attempts, "
            + "r.firedAt, r.createdAt, r.version from CrmReminder r ";
    private static final String UPDATE = "update CrmReminder r set r.version = :version, "
            + "r.notificationKey = :key, r.channel = :channel, r.recipient = :recipient, r.subject = :subject, "
            + "r.body = :body, r.links = :links, r.dueAt = :due, r.taskId = :task, r.ruleCode = :rule, "
            + "r.status = :status, r.claimedBy = :claimedBy, r.claimedUntil = :claimedUntil, "
            + "r.attempts = :attempts, r.firedAt = :firedAt, r.createdAt = :createdAt "
            + "where r.id = :id and r.version = :expected";
    private static final String CLAIM = "update CrmReminder r set r.claimedBy = :owner, r.claimedUntil = :until, "
            + "r.attempts = r.attempts + 1, r.version = r.version + 1 where r.id = :id and r.version = :expected";

    /**
     * The database's clock as an instant, to the microsecond: the provider renders it for the dialect (PostgreSQL's
     * {@code current_timestamp}, a time zone's instant, rather than {@code localtimestamp}), so the session's time
     * zone does not shift it. Tested with the JVM in another zone than the database.
     */
    private static final String CURRENT_TIME = "select instant";

    /** The order of a claim's answer: by due moment, then id. */
    private static final Comparator<Reminder> BY_DUE = Comparator.comparing(Reminder::due)
            .thenComparing(r -> r.id().value());

    /** The result mapping of {@link #HEAD_COLUMNS} ({@link ReminderEntity}). */
    static final String HEADS_MAPPING = "CrmReminderHeads";
    /** A first reminder's columns a locking claim needs, in the order of {@link Candidate#of}. */
    private static final String HEAD_COLUMNS = "r.id, r.notification_key, r.channel, r.recipient, r.claimed_until, "
            + "r.version";
    /**
     * Among how many of the earliest due reminders, in claims' limits, a claim first looks for recipients; when all
     * of theirs are held, among four times as many, up to {@link #MAX_WINDOW}, then among all.
     */
    private static final int WINDOW = 4;
    private static final int MAX_WINDOW = 64;

    /** The result mapping that types the native columns as the entity's attributes ({@link ReminderEntity}). */
    static final String COLUMNS_MAPPING = "CrmReminderColumns";
    /** The native columns a locking claim selects, in the order of {@link #COLUMNS}. */
    private static final String NATIVE_COLUMNS = "id, notification_key, channel, recipient, subject, body, links, "
            + "due_at, task_id, rule_code, status, claimed_by, claimed_until, attempts, fired_at, created_at, version";
    /** {@link #NATIVE_COLUMNS} of the row aliased {@code r}. */
    private static final String HEAD_VALUES = "r." + NATIVE_COLUMNS.replace(", ", ", r.");

    private final JpaSession session;
    private final String prefix;
    private final boolean skipLocked;

    JpaReminderStore(JpaSession session, String tablePrefix, boolean skipLocked) {
        this.session = Objects.requireNonNull(session, "session");
        this.prefix = tablePrefix.toLowerCase(Locale.ROOT);
        this.skipLocked = skipLocked;
    }

    @Override
    public Reminder save(Reminder reminder) {
        Objects.requireNonNull(reminder, "reminder");
        Reminder stored = reminder.withVersion(reminder.version() + 1);
        ReminderEntity row = toRow(stored);
        return session.inTransaction(em -> {
            try {
                if (reminder.version() == 0) {
                    em.persist(row);
                    em.flush();
                    session.release(em, List.of(row));
                } else {
                    guardedUpdate(em, row, reminder);
                }
            } catch (PersistenceException e) {
                throw JpaExceptions.translate(e, violated -> violated.contains(prefix + "reminder_key_uk")
                        ? new DuplicateException("reminder", "key", reminder.key())
                        : new DuplicateException("reminder", "id", reminder.id()));
            }
            return stored;
        });
    }

    private void guardedUpdate(EntityManager em, ReminderEntity row, Reminder reminder) {
        int updated = em.createQuery(UPDATE)
                .setParameter("version", row.version).setParameter("key", row.notificationKey)
                .setParameter("channel", row.channel).setParameter("recipient", row.recipient)
                .setParameter("subject", row.subject).setParameter("body", row.body)
                .setParameter("links", row.links).setParameter("due", row.dueAt)
                .setParameter("task", row.taskId).setParameter("rule", row.ruleCode)
                .setParameter("status", row.status).setParameter("claimedBy", row.claimedBy)
                .setParameter("claimedUntil", row.claimedUntil).setParameter("attempts", row.attempts)
                .setParameter("firedAt", row.firedAt).setParameter("createdAt", row.createdAt)
                .setParameter("id", row.id).setParameter("expected", reminder.version())
                .executeUpdate();
        if (updated == 1) {
            return;
        }
        List<Long> actual = em.createQuery("select r.version from CrmReminder r where r.id = :id", Long.class)
                .setParameter("id", row.id).getResultList();
        throw MissedUpdate.refuse("reminder", "id", reminder.id(), reminder.version(),
                actual.isEmpty() ? null : actual.get(0), () -> new ReminderNotFoundException(reminder.id()));
    }

    @Override
    public Optional<Reminder> findById(ReminderId id) {
        Objects.requireNonNull(id, "id");
        return reminders(em -> em.createQuery(COLUMNS + "where r.id = :id", Object[].class)
                .setParameter("id", id.value())).stream().findFirst();
    }

    @Override
    public Optional<Reminder> findByKey(String key) {
        Objects.requireNonNull(key, "key");
        return reminders(em -> em.createQuery(COLUMNS + "where r.notificationKey = :key", Object[].class)
                .setParameter("key", key)).stream().findFirst();
    }

    @Override
    public List<Reminder> findByTask(TaskId task) {
        Objects.requireNonNull(task, "task");
        return reminders(em -> em.createQuery(COLUMNS + "where r.taskId = :task order by r.dueAt, r.id",
                Object[].class).setParameter("task", task.value()));
    }

    @Override
    public List<Reminder> findPending(Instant before, int limit) {
        Objects.requireNonNull(before, "before");
        ClaimArguments.requireLimit(limit);
        return reminders(em -> em.createQuery(COLUMNS + "where r.status = " + PENDING + " and r.dueAt < :before "
                        + "order by r.dueAt, r.id", Object[].class)
                .setParameter("before", before).setMaxResults(limit));
    }

    @Override
    public boolean hasPending(String channel, String recipient) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        return !session.read(em -> em.createQuery("select r.id from CrmReminder r where r.channel = :channel "
                        + "and r.recipient = :recipient and r.status = " + PENDING, UUID.class)
                .setParameter("channel", channel).setParameter("recipient", recipient).setMaxResults(1)
                .getResultList()).isEmpty();
    }

    @Override
    public List<Reminder> findDead(int limit) {
        ClaimArguments.requireLimit(limit);
        return reminders(em -> em.createQuery(COLUMNS + "where r.status = " + DEAD + " order by r.dueAt, r.id",
                Object[].class).setMaxResults(limit));
    }

    @Override
    public List<Reminder> claimDue(Instant now, String owner, Instant until, int limit, int perRecipient) {
        ClaimArguments.check(now, owner, until, limit, perRecipient);
        return session.inTransaction(em -> skipLocked ? lockingClaim(em, now, owner, until, limit, perRecipient)
                : guardedClaim(em, now, owner, until, limit, perRecipient));
    }

    /**
     * Reads the runs to claim ({@link #runs}), locks those of their rows others do not hold, skipping those they do,
     * keeps of each run the part before its first row skipped, and claims it in one update: three statements
     * whatever the number claimed, four when runs longer than one reminder are asked for. The ids are written into
     * the statements as parameters padded up to a power of two, so that the statement texts are few.
     */
    private List<Reminder> lockingClaim(EntityManager em, Instant now, String owner, Instant until, int limit,
                                        int perRecipient) {
        List<Candidate> runs = runs(em, now, limit, perRecipient, false);
        if (runs.isEmpty()) {
            return List.of();
        }
        Query lock = em.createNativeQuery(inList(new StringBuilder("select ").append(NATIVE_COLUMNS)
                        .append(" from ").append(prefix).append("reminder where status = " + PENDING
                                + " and (claimed_until is null or claimed_until <= ?1) and id in ("), 2, runs.size())
                        .append(") order by due_at, id for update skip locked").toString(), COLUMNS_MAPPING)
                .setParameter(1, now);
        bindIds(lock, 2, runs.stream().map(Candidate::id).toList());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = lock.getResultList();
        Map<UUID, Reminder> locked = new HashMap<>();
        for (Object[] row : rows) {
            Reminder candidate = toReminder(row);
            locked.put(candidate.id().value(), candidate);
        }
        List<Reminder> claimed = new ArrayList<>(locked.size());
        Set<List<String>> broken = new HashSet<>();
        for (Candidate c : runs) {
            Reminder candidate = locked.get(c.id());
            if (candidate == null) {
                broken.add(c.to());
            } else if (!broken.contains(c.to())) {
                claimed.add(candidate.claimed(owner, until).withVersion(candidate.version() + 1));
            }
        }
        if (claimed.isEmpty()) {
            return List.of();
        }
        Query update = em.createNativeQuery(inList(new StringBuilder("update ").append(prefix)
                .append("reminder set claimed_by = ?1, claimed_until = ?2, attempts = attempts + 1, "
                        + "version = version + 1 where id in ("), 3, claimed.size()).append(')').toString())
                .setParameter(1, owner).setParameter(2, until);
        bindIds(update, 3, claimed.stream().map(r -> r.id().value()).toList());
        int updated = update.executeUpdate();
        if (updated != claimed.size()) {
            throw new StorageException("a claim locked " + claimed.size() + " reminders but updated " + updated, null);
        }
        claimed.sort(BY_DUE);
        return claimed;
    }

    /** Appends {@code ?first, ?first+1, …} for {@code count} ids padded up to a power of two. */
    private static StringBuilder inList(StringBuilder sql, int first, int count) {
        int slots = slots(count);
        for (int i = 0; i < slots; i++) {
            sql.append(i == 0 ? "?" : ", ?").append(first + i);
        }
        return sql;
    }

    /** Binds {@code ids} from parameter {@code first} on, padded with the last one up to a power of two. */
    private static void bindIds(Query query, int first, List<UUID> ids) {
        int slots = slots(ids.size());
        for (int i = 0; i < slots; i++) {
            query.setParameter(first + i, ids.get(Math.min(i, ids.size() - 1)));
        }
    }

    private static int slots(int count) {
        int slots = 1;
        while (slots < count) {
            slots <<= 1;
        }
        return slots;
    }

    /**
     * The reminders to claim, at most {@code limit}, each recipient's in order: the first claimable reminder of each
     * recipient, earliest due first ({@link #firsts}, one select), and, when {@code perRecipient} is more than
     * one, the run of each of the first {@code ceil(limit / perRecipient)} of them: the claimable reminders following
     * its first one, up to {@code perRecipient} in all and until one is not claimable (a second select, of those
     * recipients' due pending reminders in order). Plain reads: the claim locks or guards what they found.
     */
    private List<Candidate> runs(EntityManager em, Instant now, int limit, int perRecipient, boolean values) {
        // the recipients of the earliest due reminders; when every one of them is held, of four times as many
        List<Candidate> firsts = null;
        for (int window = WINDOW * limit; firsts == null && window <= MAX_WINDOW * limit; window *= WINDOW) {
            firsts = firsts(em, now, limit, values, window);
        }
        if (firsts == null) {
            firsts = firsts(em, now, limit, values, 0);
        }
        if (firsts == null) {
            return List.of();
        }
        if (perRecipient == 1 || firsts.isEmpty()) {
            return firsts;
        }
        String select = values ? COLUMNS : "select r.id, r.notificationKey, r.channel, r.recipient, r.claimedUntil, "
                + "r.version from CrmReminder r ";
        // runs for the first ceil(limit / perRecipient) recipients, then the first ones alone of the others
        int runners = Math.min(firsts.size(), (limit + perRecipient - 1) / perRecipient);
        List<List<String>> recipients = new ArrayList<>(runners);
        for (int i = 0; i < runners; i++) {
            recipients.add(firsts.get(i).to());
        }
        // the recipients padded with the last one up to a power of two: few statement texts for the caches
        int slots = slots(runners);
        StringBuilder which = new StringBuilder();
        for (int i = 0; i < slots; i++) {
            which.append(i == 0 ? "" : " or ").append("(r.channel = :c").append(i).append(" and r.recipient = :r")
                    .append(i).append(')');
        }
        TypedQuery<Object[]> query = em.createQuery(select + "where r.status = " + PENDING + " and r.dueAt <= :now "
                        + "and (" + which + ") order by r.dueAt, r.id", Object[].class).setParameter("now", now)
                .setMaxResults(runners * perRecipient);
        for (int i = 0; i < slots; i++) {
            List<String> to = recipients.get(Math.min(i, runners - 1));
            query.setParameter("c" + i, to.get(0)).setParameter("r" + i, to.get(1));
        }
        Map<List<String>, List<Candidate>> following = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            Candidate c = Candidate.of(row, values);
            following.computeIfAbsent(c.to(), k -> new ArrayList<>()).add(c);
        }
        List<Candidate> runs = new ArrayList<>(limit);
        for (int i = 0; i < firsts.size() && runs.size() < limit; i++) {
            Candidate head = firsts.get(i);
            runs.add(head);
            if (i >= runners) {
                continue;
            }
            int taken = 1;
            for (Candidate c : following.getOrDefault(head.to(), List.of())) {
                if (c.id().equals(head.id())) {
                    continue;
                }
                if (taken == perRecipient || runs.size() == limit
                        || (c.claimedUntil() != null && c.claimedUntil().isAfter(now))) {
                    break;                  // a run ends at its length, the claim's limit, or one held elsewhere
                }
                runs.add(c);
                taken++;
            }
        }
        return runs;
    }

    /**
     * The first pending reminder of each recipient, when it is claimable at {@code now}, earliest due first, at most
     * {@code limit}; {@code null} when there were recipients with due reminders but none of their first ones is
     * claimable (each is claimed elsewhere or held after a refusal). One select: a group by over a range of the
     * {@code (status, due_at)} index, read in its order, finds each recipient's earliest due moment, and a join by the
     * {@code (channel, recipient, status, due_at)} index reads the reminders at those moments; of a recipient's
     * reminders due at the same moment the one with the lowest id is first. Its cost grows with the due reminders it
     * reads, not with the recipients: with a {@code window}, only the recipients among the earliest {@code window}
     * due reminders are looked at (a recipient of the window has its first reminder in it), so a claim reads a
     * bounded range however large the backlog; with a window of 0, every due reminder.
     */
    private @Nullable List<Candidate> firsts(EntityManager em, Instant now, int limit, boolean values,
                                             int window) {
        String table = prefix + "reminder";
        // the window: the earliest due reminders in the order of the (status, due_at) index, read no further
        String due = "select d.channel, d.recipient, d.due_at from " + table + " d where d.status = " + PENDING
                + " and d.due_at <= ?1" + (window > 0 ? " order by d.due_at, d.id fetch first " + window
                + " rows only" : "");
        String sql = "select " + (values ? HEAD_VALUES : HEAD_COLUMNS) + " from " + table + " r join (select "
                + "w.channel, w.recipient, min(w.due_at) as first_due from (" + due + ") w group by w.channel, "
                + "w.recipient) h on r.channel = h.channel and r.recipient = h.recipient and r.due_at = h.first_due "
                + "where r.status = " + PENDING + " order by r.due_at, r.id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql, values ? COLUMNS_MAPPING : HEADS_MAPPING)
                .setParameter(1, now).getResultList();
        List<Candidate> firsts = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        for (Object[] row : rows) {
            Candidate c = Candidate.of(row, values);
            if (!seen.add(c.to())) {
                continue;                   // due at the same moment as the recipient's first one, after it by id
            }
            if (c.claimedUntil() == null || !c.claimedUntil().isAfter(now)) {
                firsts.add(c);
                if (firsts.size() == limit) {
                    break;
                }
            }
        }
        return firsts.isEmpty() && !rows.isEmpty() ? null : firsts;
    }

    /**
     * Tries each reminder of the runs with an update guarded by the version read, keeping those it changed; a run
     * stops at its first reminder another claim changed first.
     */
    private List<Reminder> guardedClaim(EntityManager em, Instant now, String owner, Instant until, int limit,
                                        int perRecipient) {
        List<Reminder> claimed = new ArrayList<>();
        Set<List<String>> broken = new HashSet<>();
        for (Candidate c : runs(em, now, limit, perRecipient, true)) {
            if (broken.contains(c.to())) {
                continue;
            }
            int updated = em.createQuery(CLAIM).setParameter("owner", owner).setParameter("until", until)
                    .setParameter("id", c.id()).setParameter("expected", c.version()).executeUpdate();
            if (updated == 1) {
                Reminder candidate = toReminder(c.values());
                claimed.add(candidate.claimed(owner, until).withVersion(candidate.version() + 1));
            } else {
                broken.add(c.to());
            }
        }
        claimed.sort(BY_DUE);
        return claimed;
    }

    /**
     * A reminder a claim considers: its id, channel and recipient, lease and the version it was read at, and, for a
     * guarded claim, all its values ({@link #COLUMNS}).
     */
    private record Candidate(UUID id, List<String> to, @Nullable Instant claimedUntil, long version,
                             Object @Nullable [] values) {
        static Candidate of(Object[] row, boolean values) {
            return values
                    ? new Candidate((UUID) row[0], List.of((String) row[2], (String) row[3]), (Instant) row[12],
                            (Long) row[16], row)
                    : new Candidate((UUID) row[0], List.of((String) row[2], (String) row[3]), (Instant) row[4],
                            (Long) row[5], null);
        }
    }

    @Override
    public List<Reminder> extendClaims(List<Reminder> held, Instant until) {
        ClaimArguments.checkHeld(held, until);
        if (held.isEmpty()) {
            return List.of();
        }
        return session.inTransaction(em -> {
            // the reminders padded with the last one up to a power of two: few statement texts for the caches
            int slots = slots(held.size());
            StringBuilder which = new StringBuilder();
            for (int i = 0; i < slots; i++) {
                which.append(i == 0 ? "" : " or ").append("(r.id = :i").append(i).append(" and r.version = :v")
                        .append(i).append(" and r.claimedBy = :o").append(i).append(')');
            }
            Query extend = em.createQuery("update CrmReminder r set r.claimedUntil = :until where r.status = "
                    + PENDING + " and (" + which + ")").setParameter("until", until);
            for (int i = 0; i < slots; i++) {
                Reminder r = held.get(Math.min(i, held.size() - 1));
                extend.setParameter("i" + i, r.id().value()).setParameter("v" + i, r.version())
                        .setParameter("o" + i, r.claimedBy());
            }
            int updated = extend.executeUpdate();
            if (updated == held.size()) {
                return held.stream().map(r -> r.heldUntil(until)).toList();
            }
            // some were lost: tell which by what is stored now
            Set<UUID> ids = new HashSet<>();
            held.forEach(r -> ids.add(r.id().value()));
            Map<UUID, Reminder> stored = new HashMap<>();
            for (Reminder r : reminders(em, COLUMNS + "where r.id in :ids", ids)) {
                stored.put(r.id().value(), r);
            }
            List<Reminder> extended = new ArrayList<>(updated);
            for (Reminder r : held) {
                Reminder now = stored.get(r.id().value());
                if (now != null && now.isStillClaimAs(r) && until.equals(now.claimedUntil())) {
                    extended.add(now);
                }
            }
            return extended;
        });
    }

    @Override
    public Instant currentTime() {
        return session.read(em -> em.createQuery(CURRENT_TIME, Instant.class).getSingleResult());
    }

    /** The reminders whose ids are {@code ids}, read with {@code jpql} in the caller's transaction. */
    private static List<Reminder> reminders(EntityManager em, String jpql, Set<UUID> ids) {
        return toReminders(em.createQuery(jpql, Object[].class).setParameter("ids", ids).getResultList());
    }

    /** The reminders whose columns {@code query} selects: values, never entities, so nothing enters the context. */
    private List<Reminder> reminders(Function<EntityManager, TypedQuery<Object[]>> query) {
        return session.read(em -> toReminders(query.apply(em).getResultList()));
    }

    private static List<Reminder> toReminders(List<Object[]> rows) {
        List<Reminder> reminders = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            reminders.add(toReminder(row));
        }
        return reminders;
    }

    private static ReminderEntity toRow(Reminder r) {
        ReminderEntity row = new ReminderEntity(r.id().value());
        Notification n = r.notification();
        row.version = r.version();
        row.notificationKey = n.key();
        row.channel = n.channel();
        row.recipient = n.recipient();
        row.subject = n.subject();
        row.body = n.body();
        row.links = NotificationLinks.write(n.links());
        row.dueAt = r.due();
        row.taskId = r.task() == null ? null : r.task().value();
        row.ruleCode = r.rule();
        row.status = r.status().name();
        row.claimedBy = r.claimedBy();
        row.claimedUntil = r.claimedUntil();
        row.attempts = r.attempts();
        row.firedAt = r.firedAt();
        row.createdAt = r.createdAt();
        return row;
    }

    /** A reminder from the values {@link #COLUMNS} selects, in that order. */
    private static Reminder toReminder(Object[] row) {
        UUID task = (UUID) row[8];
        Notification notification = new Notification((String) row[1], (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], NotificationLinks.read((String) row[6]));
        return new Reminder(ReminderId.of((UUID) row[0]), notification, (Instant) row[7],
                task == null ? null : TaskId.of(task), (String) row[9], ReminderStatus.valueOf((String) row[10]),
                (String) row[11], (Instant) row[12], ((Number) row[13]).intValue(), (Instant) row[14],
                (Instant) row[15], (Long) row[16]);
    }
}
