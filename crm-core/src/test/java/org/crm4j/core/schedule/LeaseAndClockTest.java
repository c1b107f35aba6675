package org.crm4j.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.crm4j.core.Crm;
import org.crm4j.core.InMemoryStorage;
import org.crm4j.core.common.SettableClock;
import org.crm4j.notification.Notification;
import org.crm4j.schedule.Reminder;
import org.crm4j.schedule.ReminderId;
import org.crm4j.schedule.ReminderStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Leases, their extension while a node delivers, runs of one recipient's reminders in a claim, and due-ness judged by
 * the storage's clock, on two nodes sharing in-memory storage. Time is a settable clock the channels move on, so a
 * slow delivery or a node's pause is a step of the clock.
 */
class LeaseAndClockTest {
    private static final Instant START = Instant.parse("2026-03-16T07:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(10);

    private final SettableClock clock = SettableClock.at(START);
    private final InMemoryStorage storage = new InMemoryStorage(clock);
    private final List<String> delivered = new ArrayList<>();

    private Crm node(String name, SettableClock nodeClock, Consumer<Notification> channel,
                     SchedulerSettings settings) {
        return Crm.builder().storage(storage).clock(nodeClock).notifier(channel::accept)
                .scheduler(settings.withNode(name)).build();
    }

    private static SchedulerSettings settings() {
        return SchedulerSettings.defaults().withLease(LEASE).withBatchSize(100)
                .withRetries(Duration.ofSeconds(1), 10);
    }

    private Reminder save(int n, String recipient, Instant due) {
        return storage.reminders().save(Reminder.pending(ReminderId.of(new UUID(42, n)),
                new Notification("lease:" + n, "sms", recipient, "reminder " + n, "", List.of()), due, null, null,
                START));
    }

    private Reminder stored(int n) {
        return storage.reminders().findById(ReminderId.of(new UUID(42, n))).orElseThrow();
    }

    @Test
    @DisplayName("a channel taking 4 s a call under a 10 s lease: the node extends its leases, the other takes nothing")
    void heartbeatKeepsASlowBatch() {
        for (int n = 1; n <= 10; n++) {
            save(n, "manager-" + n, START);
        }
        Crm[] other = new Crm[1];
        Crm slow = node("node-a", clock, note -> {
            clock.advance(Duration.ofSeconds(4));
            delivered.add("a:" + note.key());
            other[0].scheduler().fireDue(clock.instant());        // node-b looks for work meanwhile
        }, settings());
        other[0] = node("node-b", clock, note -> delivered.add("b:" + note.key()), settings());

        FireReport report = slow.scheduler().fireDue(START);

        assertThat(report.delivered()).isEqualTo(10);
        assertThat(delivered).hasSize(10).allSatisfy(d -> assertThat(d).startsWith("a:"));
        for (int n = 1; n <= 10; n++) {
            Reminder r = stored(n);
            assertThat(r.status()).isEqualTo(ReminderStatus.FIRED);
            assertThat(r.attempts()).isEqualTo(1);
        }
        assertThat(clock.instant()).as("the batch took four leases").isEqualTo(START.plusSeconds(40));
    }

    @Test
    @DisplayName("a node paused past its lease loses the run it held: the rest of the run is the other node's alone")
    void pausedNodeLeavesTheRestOfItsRun() {
        for (int n = 1; n <= 3; n++) {
            save(n, "manager", START.plusMillis(n));
        }
        Crm[] other = new Crm[1];
        Crm paused = node("node-a", clock, note -> {
            delivered.add("a:" + note.key());
            if (note.key().equals("lease:1")) {
                clock.advance(LEASE.multipliedBy(2));           // a pause longer than the lease
                other[0].scheduler().fireDue(clock.instant());
            }
        }, settings());
        other[0] = node("node-b", clock, note -> delivered.add("b:" + note.key()), settings());

        paused.scheduler().fireDue(START.plusSeconds(1));

        assertThat(delivered).as("only the delivery under way when the lease ran out is repeated")
                .containsExactly("a:lease:1", "b:lease:1", "b:lease:2", "b:lease:3");
        for (int n = 1; n <= 3; n++) {
            assertThat(stored(n).status()).isEqualTo(ReminderStatus.FIRED);
            assertThat(stored(n).claimedBy()).isNull();
        }
    }

    @Test
    @DisplayName("a node that stopped holding claims: nothing is taken before the lease ends, everything once after")
    void deadNodeTakenOverAfterItsLease() {
        for (int n = 1; n <= 5; n++) {
            save(n, "manager-" + n, START);
        }
        storage.reminders().claimDue(START, "node-dead", START.plus(LEASE), 100);
        Crm survivor = node("node-b", clock, note -> delivered.add(note.key()), settings());

        assertThat(survivor.scheduler().fireDue(START.plus(LEASE).minusMillis(1)).delivered()).isZero();
        assertThat(survivor.scheduler().fireDue(START.plus(LEASE)).delivered()).isEqualTo(5);

        assertThat(delivered).hasSize(5).doesNotHaveDuplicates();
        assertThat(stored(1).attempts()).isEqualTo(2);
    }

    @Test
    @DisplayName("a run of 30 to one recipient: a refusal sends the rest back untried, order and attempts kept")
    void refusalGivesBackTheRestOfTheRun() {
        for (int n = 1; n <= 30; n++) {
            save(n, "manager", START.plusMillis(n));
        }
        boolean[] refuseNext = {false};
        Crm crm = node("node-a", clock, note -> {
            if (note.key().equals("lease:5") && !refuseNext[0]) {
                refuseNext[0] = true;
                throw new IllegalStateException("channel busy");
            }
            delivered.add(note.key());
        }, settings());

        FireReport first = crm.scheduler().fireDue(START.plusSeconds(1));

        assertThat(first.delivered()).isEqualTo(4);
        assertThat(first.failedDeliveries()).isEqualTo(1);
        assertThat(stored(5).attempts()).isEqualTo(1);
        assertThat(stored(5).claimedUntil()).isEqualTo(START.plusSeconds(2));
        for (int n = 6; n <= 20; n++) {
            assertThat(stored(n).claimedBy()).as("given back: %s", n).isNull();
            assertThat(stored(n).attempts()).as("untried: %s", n).isZero();
        }

        clock.set(START.plusSeconds(2));
        FireReport retried = crm.scheduler().fireDue(START.plusSeconds(2));

        assertThat(retried.delivered()).isEqualTo(26);
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            expected.add("lease:" + n);
        }
        assertThat(delivered).containsExactlyElementsOf(expected);
        assertThat(stored(30).attempts()).isEqualTo(1);
    }

    @Test
    @DisplayName("with the database's clock, nodes whose clocks are an hour off agree on due-ness and leases")
    void databaseClock() {
        SettableClock behind = SettableClock.at(START.minus(Duration.ofHours(1)));
        SettableClock ahead = SettableClock.at(START.plus(Duration.ofHours(1)));
        Reminder due = save(1, "manager", START.plusSeconds(60));
        Crm early = node("node-ahead", ahead, note -> delivered.add("ahead:" + note.key()),
                settings().withDatabaseClock(true));
        Crm late = node("node-behind", behind, note -> delivered.add("behind:" + note.key()),
                settings().withDatabaseClock(true));
        Crm ownClock = node("node-own", ahead, note -> delivered.add("own:" + note.key()), settings());

        assertThat(early.scheduler().fireDue(ahead.instant()).delivered())
                .as("an hour ahead, the database says it is not due yet").isZero();

        clock.advance(Duration.ofSeconds(60));
        assertThat(late.scheduler().fireDue(behind.instant()).delivered())
                .as("an hour behind, the database says it is due").isEqualTo(1);
        Reminder fired = storage.reminders().findById(due.id()).orElseThrow();
        assertThat(fired.status()).isEqualTo(ReminderStatus.FIRED);
        assertThat(fired.firedAt()).isEqualTo(START.plusSeconds(60));

        save(2, "manager", START.plusSeconds(90));
        assertThat(ownClock.scheduler().fireDue(ahead.instant()).delivered())
                .as("a node on its own clock, an hour ahead, fires early").isEqualTo(1);
        assertThat(delivered).containsExactly("behind:lease:1", "own:lease:2");
    }

    @Test
    @DisplayName("with the database's clock, the outbox's entries are due, leased and retried by it too")
    void outboxOnTheDatabaseClock() {
        SettableClock ahead = SettableClock.at(START.plus(Duration.ofHours(1)));
        Crm crm = Crm.builder().storage(storage).clock(ahead).notifier(note -> delivered.add(note.key()))
                .listener(event -> {
                    throw new IllegalStateException("the ERP is down");
                })
                .scheduler(settings().withNode("node-ahead").withDatabaseClock(true)).build();

        crm.clients().register(org.crm4j.client.ClientForm.person("Иванова", "Анна", null).build());

        List<Reminder> entries = storage.reminders().findPending(Instant.MAX, 10);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.due()).isEqualTo(START);
            assertThat(entry.createdAt()).isEqualTo(START);
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.claimedUntil()).as("retried a second later by the database's clock")
                    .isEqualTo(START.plusSeconds(1));
        });
    }
}
