package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crm4j.tck.Refusals.refused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.DuplicateException;
import org.crm4j.notification.Notification;
import org.crm4j.notification.NotificationLink;
import org.crm4j.schedule.ClaimArguments;
import org.crm4j.schedule.Reminder;
import org.crm4j.schedule.ReminderId;
import org.crm4j.schedule.ReminderNotFoundException;
import org.crm4j.schedule.ReminderStatus;
import org.crm4j.schedule.ReminderStore;
import org.crm4j.task.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ReminderStore} must keep; an adapter extends this class and returns an empty store
 * from {@link #emptyStore()}. The claims are judged at moments after the fixture's time {@link ClientFixture#T0};
 * the concurrent claim runs four threads against the one store returned.
 */
public abstract class ReminderStoreContract {
    private static final TaskId TASK = TaskId.of(new UUID(0x0190000000007300L, 1));
    private static final TaskId OTHER_TASK = TaskId.of(new UUID(0x0190000000007300L, 2));

    /** A store with no reminders; called before every test. */
    protected abstract ReminderStore emptyStore();

    protected ReminderStore store;

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    /** The id of reminder number {@code n}. */
    public static ReminderId id(int n) {
        return ReminderId.of(new UUID(0x0190000000007400L, n));
    }

    /**
     * A pending, unclaimed reminder numbered {@code n} (key {@code test:<n>}, by e-mail to {@code anna-<n>}, so that
     * reminders of different numbers never wait for one another), due {@code minutes} after T0.
     */
    public static Reminder reminder(int n, long minutes) {
        return reminder(n, minutes, null);
    }

    /** Like {@link #reminder(int, long)}, bound to {@code task}. */
    public static Reminder reminder(int n, long minutes, TaskId task) {
        Notification notification = new Notification("test:" + n, "email", "anna-" + n, "Напоминание " + n,
                "Позвонить клиенту по счёту " + n, List.of(NotificationLink.of("client", ClientFixture.id(1))));
        return Reminder.pending(id(n), notification, ClientFixture.later(minutes), task, "invoice-1d",
                ClientFixture.T0);
    }

    private static Instant at(long minutes) {
        return ClientFixture.later(minutes);
    }

    @Test
    @DisplayName("a saved reminder comes back equal with version 1, by id and by key, its links exactly as given")
    void roundTrip() {
        Notification notification = new Notification("rule:invoice-1d:escalate:42", "screen", "boris",
                "Просрочена задача", "Строка 1\nСтрока 2 \\ с косой чертой",
                List.of(NotificationLink.of("task", TASK), NotificationLink.of("client", ClientFixture.id(2)),
                        new NotificationLink("deal", "D-1 \\n not a break\nline two\\"),
                        new NotificationLink("notable-event", "пробел в середине")));
        Reminder full = new Reminder(id(1), notification, Instant.parse("2026-03-05T06:00:00.000001Z"), TASK,
                "invoice-1d", ReminderStatus.PENDING, null, null, 0, null, ClientFixture.T0, 0);
        Reminder bare = Reminder.pending(id(2), new Notification("bare", "sms", "+79160000000", "Тема", "",
                List.of()), at(10), null, null, ClientFixture.T0);

        Reminder saved = store.save(full);
        Reminder savedBare = store.save(bare);

        assertThat(saved).isEqualTo(full.withVersion(1));
        assertThat(savedBare).isEqualTo(bare.withVersion(1));
        assertThat(store.findById(id(1))).contains(saved);
        assertThat(store.findById(id(2))).contains(savedBare);
        assertThat(store.findByKey("rule:invoice-1d:escalate:42")).contains(saved);
        assertThat(store.findByKey("bare")).contains(savedBare);
        assertThat(store.findByKey("BARE")).isEmpty();   // keys compare exactly
        assertThat(store.findById(id(3))).isEmpty();
        assertThat(store.findById(id(1)).orElseThrow().notification().links()).isEqualTo(notification.links());
    }

    @Test
    @DisplayName("a closed reminder keeps its firing time, status and attempts")
    void closedRoundTrip() {
        Reminder v1 = store.save(reminder(1, 5));
        Reminder fired = store.save(v1.claimed("node-a", at(20)).closed(ReminderStatus.FIRED, at(6)));
        Reminder skipped = store.save(store.save(reminder(2, 5)).closed(ReminderStatus.SKIPPED, at(7)));

        assertThat(fired.version()).isEqualTo(2);
        assertThat(fired.attempts()).isEqualTo(1);
        assertThat(store.findById(id(1))).contains(fired);
        assertThat(store.findById(id(2))).contains(skipped);
        assertThat(fired.firedAt()).isEqualTo(at(6));
        assertThat(fired.claimedBy()).isNull();
    }

    @Test
    @DisplayName("a save replaces exactly the stored version; a stale one or one of a reminder not stored is refused")
    void optimisticLock() {
        Reminder v1 = store.save(reminder(1, 60));
        Reminder fired = store.save(v1.closed(ReminderStatus.FIRED, at(61)));

        assertThat(fired.version()).isEqualTo(2);
        assertThatThrownBy(() -> store.save(v1.closed(ReminderStatus.SKIPPED, at(62))))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThatThrownBy(() -> store.save(reminder(2, 60).withVersion(3)))
                .isInstanceOf(ReminderNotFoundException.class);
        assertThat(store.findById(id(1))).contains(fired);
        assertThat(store.findById(id(2))).isEmpty();
    }

    @Test
    @DisplayName("a taken id or key is refused, on insert and on update, and nothing is written")
    void duplicates() {
        Reminder first = store.save(reminder(1, 60));
        Reminder second = store.save(reminder(2, 30));
        Reminder sameKey = Reminder.pending(id(3), first.notification(), at(5), null, null, ClientFixture.T0);
        Reminder sameId = Reminder.pending(id(1), reminder(4, 5).notification(), at(5), null, null,
                ClientFixture.T0);
        Reminder keyTaken = new Reminder(second.id(), first.notification(), second.due(), null, null,
                ReminderStatus.PENDING, null, null, 0, null, ClientFixture.T0, second.version());

        assertThatThrownBy(() -> store.save(sameKey))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("key"));
        assertThatThrownBy(() -> store.save(sameId))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThatThrownBy(() -> store.save(keyTaken))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("key"));

        assertThat(store.findById(id(3))).isEmpty();
        assertThat(store.findById(id(1))).contains(first);
        assertThat(store.findById(id(2))).contains(second);
        assertThat(store.findByKey("test:1")).contains(first);
        assertThat(store.findByKey("test:4")).isEmpty();
        Reminder otherCase = Reminder.pending(id(5), new Notification("TEST:1", "email", "anna", "Другой ключ", "",
                List.of()), at(5), null, null, ClientFixture.T0);
        assertThat(store.save(otherCase).version()).isEqualTo(1);   // keys compare exactly
    }

    @Test
    @DisplayName("a task's reminders come by due moment then id, fired ones too, others' not")
    void byTask() {
        Reminder late = store.save(reminder(1, 300, TASK));
        Reminder early = store.save(reminder(2, 10, TASK));
        Reminder fired = store.save(store.save(reminder(3, 100, TASK)).closed(ReminderStatus.FIRED, at(100)));
        Reminder tie = store.save(reminder(4, 10, TASK));
        store.save(reminder(5, 1, OTHER_TASK));
        store.save(reminder(6, 1));

        assertThat(store.findByTask(TASK)).containsExactly(early, tie, fired, late);
        assertThat(store.findByTask(TaskId.of(new UUID(1, 1)))).isEmpty();
    }

    @Test
    @DisplayName("the pending reminders before a moment come by due moment then id, claimed ones too, at most the limit")
    void pending() {
        Reminder third = store.save(reminder(1, 30));
        Reminder first = store.save(reminder(2, 10));
        Reminder second = store.save(reminder(3, 20));
        store.save(store.save(reminder(4, 5)).closed(ReminderStatus.FIRED, at(6)));
        store.save(store.save(reminder(5, 6)).closed(ReminderStatus.SKIPPED, at(7)));
        Reminder boundary = store.save(reminder(6, 40));
        List<Reminder> claimed = store.claimDue(at(10), "node-a", at(15), 1);

        assertThat(claimed).extracting(Reminder::id).containsExactly(first.id());
        assertThat(store.findPending(at(40), 10)).containsExactly(claimed.get(0), second, third);
        assertThat(store.findPending(at(40), 2)).containsExactly(claimed.get(0), second);
        assertThat(store.findPending(at(41), 10)).endsWith(boundary);
        assertThat(store.findPending(at(10), 10)).isEmpty();
    }

    @Test
    @DisplayName("per channel and recipient, a reminder is claimed only when none is pending before it: order is kept")
    void orderPerRecipient() {
        Reminder first = store.save(toAnna(1, 10));
        Reminder second = store.save(toAnna(2, 11));
        Reminder other = store.save(reminder(3, 12));
        Reminder third = store.save(toAnna(4, 13));

        List<Reminder> claimed = store.claimDue(at(20), "node-a", at(100), 10);
        assertThat(claimed).extracting(Reminder::id).containsExactly(first.id(), other.id());
        assertThat(store.claimDue(at(20), "node-b", at(100), 10)).isEmpty();

        store.save(claimed.get(0).failed(at(30)));
        assertThat(store.claimDue(at(25), "node-b", at(100), 10)).isEmpty();
        List<Reminder> retried = store.claimDue(at(30), "node-b", at(100), 10);
        assertThat(retried).extracting(Reminder::id).containsExactly(first.id());
        store.save(retried.get(0).closed(ReminderStatus.FIRED, at(31)));

        List<Reminder> next = store.claimDue(at(31), "node-b", at(100), 10);
        assertThat(next).extracting(Reminder::id).containsExactly(second.id());
        store.save(next.get(0).closed(ReminderStatus.DEAD, at(32)));
        assertThat(store.claimDue(at(32), "node-b", at(100), 10)).extracting(Reminder::id)
                .containsExactly(third.id());
    }

    @Test
    @DisplayName("a recipient has pending reminders on a channel while one is pending, claimed or not, and not after")
    void hasPending() {
        assertThat(store.hasPending("email", "anna")).isFalse();
        Reminder first = store.save(toAnna(1, 10));
        store.save(reminder(2, 11));
        assertThat(store.hasPending("email", "anna")).isTrue();
        assertThat(store.hasPending("sms", "anna")).isFalse();
        assertThat(store.hasPending("email", "boris")).isFalse();

        Reminder claimed = store.claimDue(at(20), "node-a", at(100), 10).stream()
                .filter(r -> r.id().equals(first.id())).findFirst().orElseThrow();
        assertThat(store.hasPending("email", "anna")).isTrue();
        store.save(claimed.closed(ReminderStatus.FIRED, at(21)));
        assertThat(store.hasPending("email", "anna")).isFalse();
        assertThat(store.hasPending("email", "anna-2")).isTrue();
    }

    /** A reminder numbered {@code n} due {@code minutes} after T0, by e-mail to anna, like every other such one. */
    private static Reminder toAnna(int n, long minutes) {
        Reminder r = reminder(n, minutes);
        Notification n0 = r.notification();
        return Reminder.pending(r.id(), new Notification(n0.key(), "email", "anna", n0.subject(), n0.body(),
                n0.links()), r.due(), null, r.rule(), r.createdAt());
    }

    @Test
    @DisplayName("a failed delivery is held until its retry moment; a dead letter is never claimed, listed until released")
    void failuresAndDeadLetters() {
        Reminder failing = store.save(reminder(1, 10));
        Reminder dying = store.save(reminder(2, 11));
        List<Reminder> claimed = store.claimDue(at(12), "node-a", at(100), 10);
        store.save(claimed.get(0).failed(at(20)));
        Reminder dead = store.save(claimed.get(1).closed(ReminderStatus.DEAD, at(13)));

        assertThat(store.claimDue(at(19), "node-b", at(100), 10)).isEmpty();
        List<Reminder> retried = store.claimDue(at(20), "node-b", at(100), 10);
        assertThat(retried).extracting(Reminder::id).containsExactly(failing.id());
        assertThat(retried.get(0).attempts()).isEqualTo(2);
        assertThat(store.findDead(10)).containsExactly(dead);
        assertThat(store.findPending(at(1000), 10)).extracting(Reminder::id).containsExactly(failing.id());

        Reminder released = store.save(dead.released());
        assertThat(store.findDead(10)).isEmpty();
        assertThat(released.attempts()).isZero();
        assertThat(store.claimDue(at(21), "node-c", at(100), 10)).extracting(Reminder::id)
                .containsExactly(dying.id());
    }

    @Test
    @DisplayName("a claim takes the due, pending, unclaimed reminders, earliest first, one attempt and version more")
    void claimDue() {
        Reminder second = store.save(reminder(1, 20));
        Reminder first = store.save(reminder(2, 10));
        Reminder tie = store.save(reminder(3, 20));
        store.save(reminder(4, 31));                                                    // not due yet
        store.save(store.save(reminder(5, 1)).closed(ReminderStatus.FIRED, at(2)));       // fired
        store.save(store.save(reminder(6, 1)).closed(ReminderStatus.SKIPPED, at(2)));     // skipped
        Instant now = at(30);
        Instant until = at(35);

        List<Reminder> claimed = store.claimDue(now, "node-a", until, 10);

        assertThat(claimed).containsExactly(first.claimed("node-a", until).withVersion(2),
                second.claimed("node-a", until).withVersion(2), tie.claimed("node-a", until).withVersion(2));
        assertThat(claimed).allSatisfy(r -> {
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.claimedBy()).isEqualTo("node-a");
            assertThat(r.claimedUntil()).isEqualTo(until);
            assertThat(store.findById(r.id())).contains(r);
        });
        assertThat(store.claimDue(now, "node-a", until, 10)).isEmpty();
        assertThat(store.findById(id(4)).orElseThrow().attempts()).isZero();
        assertThat(store.findById(id(5)).orElseThrow().status()).isEqualTo(ReminderStatus.FIRED);
        assertThat(store.findById(id(5)).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    @DisplayName("a reminder due exactly now is claimed; the limit is respected and the rest wait for the next claim")
    void claimLimit() {
        for (int n = 1; n <= 5; n++) {
            store.save(reminder(n, 10L * n));
        }

        List<Reminder> firstTwo = store.claimDue(at(50), "node-a", at(60), 2);
        List<Reminder> rest = store.claimDue(at(50), "node-b", at(60), 1000);

        assertThat(firstTwo).extracting(Reminder::id).containsExactly(id(1), id(2));
        assertThat(rest).extracting(Reminder::id).containsExactly(id(3), id(4), id(5));
        assertThat(rest).allSatisfy(r -> assertThat(r.claimedBy()).isEqualTo("node-b"));
    }

    @Test
    @DisplayName("a claimed reminder is not claimable by another node before its lease ends, and is from its end")
    void lease() {
        store.save(reminder(1, 10));
        Reminder a = store.claimDue(at(10), "node-a", at(20), 10).get(0);

        assertThat(store.claimDue(at(15), "node-b", at(25), 10)).isEmpty();
        assertThat(store.claimDue(at(19), "node-a", at(25), 10)).isEmpty();

        List<Reminder> b = store.claimDue(at(20), "node-b", at(30), 10);

        assertThat(b).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(a.id());
            assertThat(r.claimedBy()).isEqualTo("node-b");
            assertThat(r.claimedUntil()).isEqualTo(at(30));
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(r.version()).isEqualTo(3);
        });
        assertThatThrownBy(() -> store.save(a.closed(ReminderStatus.FIRED, at(21))))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThat(store.findById(a.id())).contains(b.get(0));
    }

    @Test
    @DisplayName("four nodes claiming at once from 200 due reminders get disjoint sets that cover them all")
    void concurrentClaims() throws Exception {
        int count = 200;
        for (int n = 1; n <= count; n++) {
            store.save(reminder(n, n % 17));
        }
        Instant now = at(30);
        Set<ReminderId> all = ConcurrentHashMap.newKeySet();
        AtomicInteger total = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        List<Future<List<Reminder>>> answers = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                String owner = "node-" + t;
                answers.add(nodes.submit(() -> {
                    List<Reminder> mine = new ArrayList<>();
                    start.await();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (total.get() < count && System.nanoTime() < deadline) {
                        List<Reminder> claimed = store.claimDue(now, owner, at(40), 7);
                        mine.addAll(claimed);
                        total.addAndGet(claimed.size());
                        claimed.forEach(r -> all.add(r.id()));
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<ReminderId> claimed = new ArrayList<>();
            for (Future<List<Reminder>> answer : answers) {
                List<Reminder> mine = answer.get(90, TimeUnit.SECONDS);
                assertThat(mine).allSatisfy(r -> assertThat(r.attempts()).isEqualTo(1));
                mine.forEach(r -> claimed.add(r.id()));
            }

            assertThat(claimed).doesNotHaveDuplicates().hasSize(count);
            assertThat(all).hasSize(count);
            assertThat(store.claimDue(now, "node-x", at(40), 1000)).isEmpty();
            assertThat(store.findPending(at(31), 1000)).hasSize(count)
                    .allSatisfy(r -> assertThat(r.attempts()).isEqualTo(1));
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    @DisplayName("a claim with no owner, a lease not after now or a limit out of 1 to 1000 is refused and claims nothing")
    void badClaims() {
        Reminder stored = store.save(reminder(1, 10));
        Instant now = at(20);
        String tooLong = "n".repeat(Reminder.MAX_OWNER + 1);

        refused(() -> store.claimDue(now, null, at(30), 10), "owner", "reminder.claimedBy", null);
        refused(() -> store.claimDue(now, "  ", at(30), 10), "owner", "reminder.claimedBy", "  ");
        refused(() -> store.claimDue(now, tooLong, at(30), 10), "owner", "reminder.claimedBy", tooLong);
        refused(() -> store.claimDue(now, "node-a", now, 10), "until", "reminder.lease", now.toString());
        refused(() -> store.claimDue(now, "node-a", at(19), 10), "until", "reminder.lease", at(19).toString());
        refused(() -> store.claimDue(now, "node-a", at(30), 0), "limit", "reminder.limit", "0");
        refused(() -> store.claimDue(now, "node-a", at(30), ClaimArguments.MAX_LIMIT + 1), "limit",
                "reminder.limit", String.valueOf(ClaimArguments.MAX_LIMIT + 1));
        refused(() -> store.findPending(now, 0), "limit", "reminder.limit", "0");
        refused(() -> store.findPending(now, -1), "limit", "reminder.limit", "-1");

        assertThat(store.findById(stored.id())).contains(stored);
        assertThat(store.claimDue(now, "node-a", at(30), ClaimArguments.MAX_LIMIT)).hasSize(1);
    }

    @Test
    @DisplayName("the ids a claim returns are those it stored, so two claims in a row never overlap")
    void claimsInARowAreDisjoint() {
        for (int n = 1; n <= 30; n++) {
            store.save(reminder(n, n));
        }
        Set<ReminderId> seen = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            List<Reminder> claimed = store.claimDue(at(30), "node-" + k, at(31), 7);
            sizes.add(claimed.size());
            claimed.forEach(r -> assertThat(seen.add(r.id())).as("claimed twice: %s", r.id()).isTrue());
        }

        assertThat(sizes).containsExactly(7, 7, 7, 7, 2);
        assertThat(seen).hasSize(30);
        assertThat(store.findPending(at(31), 100)).hasSize(30)
                .allSatisfy(r -> assertThat(r.claimedBy()).startsWith("node-"));
    }
    @Test
    @DisplayName("per recipient, a claim takes a run of consecutive reminders from the first pending one, up to perRecipient")
    void runsPerRecipient() {
        for (int n = 1; n <= 6; n++) {
            store.save(toAnna(n, 10 + n));
        }
        store.save(reminder(7, 12));
        store.save(toAnna(8, 40));                                                    // not due yet

        List<Reminder> first = store.claimDue(at(30), "node-a", at(100), 10, 4);
        assertThat(first).extracting(Reminder::id).containsExactly(id(1), id(2), id(7), id(3), id(4));
        assertThat(first).allSatisfy(r -> {
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(store.findById(r.id())).contains(r);
        });
        assertThat(store.claimDue(at(30), "node-b", at(100), 10, 4))
                .as("anna's next ones wait while the run before them is held").isEmpty();

        store.save(first.get(0).closed(ReminderStatus.FIRED, at(31)));
        store.save(first.get(1).closed(ReminderStatus.FIRED, at(31)));
        store.save(first.get(3).failed(at(50)));
        assertThat(store.claimDue(at(31), "node-b", at(100), 10, 4))
                .as("a refused reminder holds the run after it").isEmpty();
        store.save(first.get(4).closed(ReminderStatus.FIRED, at(32)));
        assertThat(store.claimDue(at(45), "node-b", at(100), 10, 4))
                .as("only from the first pending one: 3 is held until 50").isEmpty();

        List<Reminder> retried = store.claimDue(at(50), "node-b", at(100), 2, 4);
        assertThat(retried).extracting(Reminder::id).containsExactly(id(3), id(5));
        assertThat(retried.get(0).attempts()).isEqualTo(2);
        assertThat(store.claimDue(at(50), "node-c", at(100), 10, 1)).isEmpty();
    }

    @Test
    @DisplayName("a run stops at a reminder of the recipient another node holds, and the limit counts every run")
    void runStopsAtHeldOne() {
        for (int n = 1; n <= 3; n++) {
            store.save(toAnna(n, n));
        }
        store.save(reminder(4, 5));
        List<Reminder> pair = store.claimDue(at(10), "node-a", at(20), 10, 2);
        assertThat(pair).extracting(Reminder::id).containsExactly(id(1), id(2), id(4));
        Reminder givenBack = store.save(pair.get(0).unclaimed());
        assertThat(givenBack.attempts()).as("an untried give-back takes its attempt back").isZero();

        List<Reminder> run = store.claimDue(at(10), "node-b", at(20), 10, 10);
        assertThat(run).as("2 is node-a's until 20, so 3 waits behind it").extracting(Reminder::id)
                .containsExactly(id(1));
        assertThat(run.get(0).attempts()).isEqualTo(1);

        store.save(run.get(0).unclaimed());
        List<Reminder> limited = store.claimDue(at(20), "node-c", at(30), 3, 10);
        assertThat(limited).as("the first recipient's run fills the claim of 3; the limit counts every run")
                .extracting(Reminder::id).containsExactly(id(1), id(2), id(3));
    }

    @Test
    @DisplayName("recipients with backlogs are shared among claims: runs for ceil(limit / perRecipient) of them")
    void backlogsAreShared() {
        for (int n = 0; n < 40; n++) {
            Reminder r = reminder(n, n / 4);
            Notification n0 = r.notification();
            store.save(Reminder.pending(r.id(), new Notification(n0.key(), "email", "m-" + (n % 4), n0.subject(),
                    n0.body(), n0.links()), r.due(), null, r.rule(), r.createdAt()));
        }
        List<Reminder> a = store.claimDue(at(20), "node-a", at(30), 10, 5);
        List<Reminder> b = store.claimDue(at(20), "node-b", at(30), 10, 5);

        assertThat(a).extracting(r -> r.notification().recipient()).containsOnly("m-0", "m-1").hasSize(10);
        assertThat(b).extracting(r -> r.notification().recipient()).containsOnly("m-2", "m-3").hasSize(10);
        assertThat(a).extracting(Reminder::id).containsExactly(id(0), id(1), id(4), id(5), id(8), id(9), id(12),
                id(13), id(16), id(17));
        List<Reminder> firstsAlone = store.claimDue(at(20), "node-c", at(30), 10, 1);
        assertThat(firstsAlone).isEmpty();
    }

    @Test
    @DisplayName("a claim with perRecipient out of 1 to 1000 is refused and claims nothing")
    void badPerRecipient() {
        Reminder stored = store.save(reminder(1, 10));
        refused(() -> store.claimDue(at(20), "node-a", at(30), 10, 0), "perRecipient", "reminder.perRecipient", "0");
        refused(() -> store.claimDue(at(20), "node-a", at(30), 10, ClaimArguments.MAX_LIMIT + 1), "perRecipient",
                "reminder.perRecipient", String.valueOf(ClaimArguments.MAX_LIMIT + 1));
        assertThat(store.findById(stored.id())).contains(stored);
    }

    @Test
    @DisplayName("a lease extension lengthens the leases still held, keeps versions, and passes over lost ones")
    void extendClaims() {
        for (int n = 1; n <= 4; n++) {
            store.save(reminder(n, n));
        }
        List<Reminder> held = store.claimDue(at(10), "node-a", at(20), 10);
        store.save(held.get(1).closed(ReminderStatus.FIRED, at(11)));
        List<Reminder> takenOver = store.claimDue(at(20), "node-b", at(40), 1);        // 3 is node-b's now
        assertThat(takenOver).extracting(Reminder::id).containsExactly(id(1));

        List<Reminder> extended = store.extendClaims(held, at(60));

        assertThat(extended).extracting(Reminder::id).containsExactly(id(3), id(4));
        assertThat(extended).allSatisfy(r -> {
            assertThat(r.claimedUntil()).isEqualTo(at(60));
            assertThat(r.claimedBy()).isEqualTo("node-a");
            assertThat(r.version()).isEqualTo(2);
            assertThat(store.findById(r.id())).contains(r);
        });
        assertThat(store.claimDue(at(30), "node-c", at(40), 10)).as("held to 60 now").isEmpty();
        assertThat(store.findById(id(1)).orElseThrow().claimedBy()).isEqualTo("node-b");
        assertThat(store.extendClaims(List.of(), at(60))).isEmpty();

        Reminder closed = store.save(extended.get(0).closed(ReminderStatus.FIRED, at(31)));
        assertThat(closed.version()).as("the holder's copy stays current").isEqualTo(3);
    }

    @Test
    @DisplayName("extending the lease of a reminder not claimed is refused and changes nothing")
    void badExtension() {
        Reminder unclaimed = store.save(reminder(1, 1));
        Reminder claimed = store.save(reminder(2, 1));
        List<Reminder> held = store.claimDue(at(10), "node-a", at(20), 10).stream()
                .filter(r -> r.id().equals(claimed.id())).toList();

        refused(() -> store.extendClaims(List.of(held.get(0), unclaimed), at(30)), "held", "reminder.claimedBy",
                unclaimed.id().toString());
        assertThat(store.findById(claimed.id()).orElseThrow().claimedUntil()).isEqualTo(at(20));
    }

    @Test
    @DisplayName("the store's clock tells the present, to within a minute of this machine's")
    void currentTime() {
        Instant before = Instant.now();
        Instant time = store.currentTime();
        Instant later = store.currentTime();
        assertThat(time).isBetween(before.minusSeconds(60), Instant.now().plusSeconds(60));
        assertThat(later).isAfterOrEqualTo(time);
    }
}
