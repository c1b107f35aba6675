package org.crm4j.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.crm4j.notification.Notification;
import org.crm4j.schedule.Reminder;
import org.crm4j.schedule.ReminderId;
import org.crm4j.schedule.ReminderStatus;

/**
 * Claims of runs per recipient, against any history of claims, refusals, give-backs and deliveries by several
 * nodes: what a claim takes is, for each recipient, a run from its first pending reminder of claimable ones, at most
 * {@code perRecipient} long for the first {@code ceil(limit / perRecipient)} recipients by their first reminder's
 * due moment and one long for the others, the whole at most {@code limit}; no reminder is held by two nodes at once;
 * and every recipient's reminders are delivered in their order.
 */
class ClaimOrderPropertiesTest {
    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

    /** One step of a history: a node claims, then delivers, refuses or gives back some of what it holds. */
    record Step(int node, int limit, int perRecipient, int advanceSeconds, int outcomeSeed) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(1, 12),
                        Arbitraries.integers().between(1, 5), Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(0, 1000))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property
    void claimsTakeRunsFromEachRecipientsFirstPendingReminder(
            @ForAll @IntRange(min = 1, max = 40) int reminders, @ForAll @IntRange(min = 1, max = 6) int recipients,
            @ForAll("histories") List<Step> history) {
        InMemoryReminderStore store = new InMemoryReminderStore();
        for (int n = 0; n < reminders; n++) {
            store.save(Reminder.pending(ReminderId.of(new UUID(7, n)), new Notification("p:" + n, "sms",
                    "m-" + (n * 7 % recipients), "r" + n, "", List.of()), T0.plusSeconds(n * 13L % 50), null, null, T0));
        }
        Instant now = T0;
        Map<String, List<String>> received = new HashMap<>();
        Map<ReminderId, String> holders = new HashMap<>();
        for (Step step : history) {
            now = now.plusSeconds(step.advanceSeconds());
            List<Reminder> before = store.findPending(Instant.MAX, 1000);
            String node = "node-" + step.node();
            List<Reminder> claimed = store.claimDue(now, node, now.plusSeconds(30), step.limit(),
                    step.perRecipient());

            assertThat(claimed).isEqualTo(expectedClaim(before, now, step.limit(), step.perRecipient(), node,
                    now.plusSeconds(30)));
            for (Reminder r : claimed) {
                String other = holders.get(r.id());
                Reminder was = before.stream().filter(b -> b.id().equals(r.id())).findFirst().orElseThrow();
                assertThat(other == null || was.claimedUntil() == null || !was.claimedUntil().isAfter(now))
                        .as("%s taken from %s before its lease ended", r.id(), other).isTrue();
                holders.put(r.id(), node);
            }
            deliverSome(store, claimed, step.outcomeSeed(), now, received);
        }
        received.forEach((recipient, keys) -> assertThat(keys)
                .as("%s got its reminders in order", recipient)
                .isSortedAccordingTo(Comparator.comparing(ClaimOrderPropertiesTest::dueOf)));
    }

    /** The reminders' due moments, by key, as the history above made them. */
    private static Instant dueOf(String key) {
        int n = Integer.parseInt(key.substring(2));
        return T0.plusSeconds(n * 13L % 50).plusNanos(n);
    }

    /** Delivers, refuses or gives back each claimed reminder, as the scheduler does: a run stops at a refusal. */
    private static void deliverSome(InMemoryReminderStore store, List<Reminder> claimed, int seed, Instant now,
                                    Map<String, List<String>> received) {
        Set<String> stopped = new HashSet<>();
        int i = 0;
        for (Reminder r : claimed) {
            int outcome = (seed >> (i++ % 10)) % 4;
            String to = r.notification().recipient();
            if (stopped.contains(to) || outcome == 3) {
                store.save(r.unclaimed());
                stopped.add(to);
            } else if (outcome == 2) {
                store.save(r.failed(now.plusSeconds(5)));
                stopped.add(to);
            } else if (outcome == 1) {
                stopped.add(to);                               // left claimed: a node that stopped
            } else {
                received.computeIfAbsent(to, k -> new ArrayList<>()).add(r.key());
                store.save(r.closed(ReminderStatus.FIRED, now));
            }
        }
    }

    /** What a claim must take, from the pending reminders as they were before it. */
    private static List<Reminder> expectedClaim(List<Reminder> pending, Instant now, int limit, int perRecipient,
                                                String owner, Instant until) {
        Map<String, List<Reminder>> byRecipient = new HashMap<>();
        for (Reminder r : pending) {                                    // pending comes by due moment, then id
            byRecipient.computeIfAbsent(r.notification().recipient(), k -> new ArrayList<>()).add(r);
        }
        Comparator<Reminder> byDue = Comparator.comparing(Reminder::due).thenComparing(r -> r.id().value());
        List<List<Reminder>> runs = new ArrayList<>();
        for (List<Reminder> theirs : byRecipient.values()) {
            if (!theirs.get(0).isClaimableAt(now) || theirs.get(0).due().isAfter(now)) {
                continue;
            }
            List<Reminder> run = new ArrayList<>();
            for (int k = 0; k < theirs.size() && k < perRecipient && theirs.get(k).isClaimableAt(now); k++) {
                run.add(theirs.get(k));
            }
            runs.add(run);
        }
        runs.sort(Comparator.comparing(run -> run.get(0), byDue));
        int runners = perRecipient == 1 ? 0 : (limit + perRecipient - 1) / perRecipient;
        List<Reminder> chosen = new ArrayList<>();
        for (int i = 0; i < runs.size() && i < limit; i++) {
            List<Reminder> take = i < runners ? runs.get(i) : runs.get(i).subList(0, 1);
            for (Reminder r : take) {
                if (chosen.size() < limit) {
                    chosen.add(r);
                }
            }
        }
        chosen.sort(byDue);
        return chosen.stream().map(r -> r.claimed(owner, until).withVersion(r.version() + 1)).toList();
    }

    @Property
    void attemptsCountOnlyTriedClaims(@ForAll @IntRange(min = 1, max = 5) int givenBack) {
        InMemoryReminderStore store = new InMemoryReminderStore();
        Reminder r = store.save(Reminder.pending(ReminderId.of(new UUID(8, 1)),
                new Notification("a:1", "sms", "m", "r", "", List.of()), T0, null, null, T0));
        for (int k = 0; k < givenBack; k++) {
            Reminder claimed = store.claimDue(T0, "node", T0.plus(Duration.ofMinutes(1)), 10).get(0);
            r = store.save(claimed.unclaimed());
        }
        assertThat(r.attempts()).isZero();
        Reminder tried = store.claimDue(T0, "node", T0.plus(Duration.ofMinutes(1)), 10).get(0);
        assertThat(store.save(tried.failed(T0.plusSeconds(1))).attempts()).isEqualTo(1);
    }
}
