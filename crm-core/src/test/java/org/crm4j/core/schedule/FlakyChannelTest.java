package org.crm4j.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.crm4j.core.Crm;
import org.crm4j.core.InMemoryStorage;
import org.crm4j.core.common.SettableClock;
import org.crm4j.notification.Notification;
import org.crm4j.schedule.Reminder;
import org.crm4j.schedule.ReminderId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A channel refusing one call in ten at random: 10,000 notifications to 100 recipients, fired by two nodes taking
 * turns as time goes on, are all delivered, none twice, and each recipient gets its own in the order they were
 * due.
 */
class FlakyChannelTest {
    private static final Instant START = Instant.parse("2026-03-16T07:00:00Z");

    @Test
    @DisplayName("10% of deliveries refused at random: all 10,000 delivered, none twice, order per recipient kept")
    void allDeliveredInOrder() {
        InMemoryStorage storage = new InMemoryStorage();
        SettableClock clock = SettableClock.at(START);
        Random random = new Random(20261123);
        Map<String, List<Integer>> received = new HashMap<>();
        List<String> keys = new ArrayList<>();
        int[] refused = new int[1];
        List<Crm> nodes = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            nodes.add(Crm.builder().storage(storage).clock(clock).notifier(note -> {
                synchronized (received) {
                    if (random.nextInt(10) == 0) {
                        refused[0]++;
                        throw new IllegalStateException("channel busy");
                    }
                    keys.add(note.key());
                    received.computeIfAbsent(note.recipient(), r -> new ArrayList<>())
                            .add(Integer.parseInt(note.key().substring("flaky:".length())));
                }
            }).scheduler(SchedulerSettings.defaults().withNode("node-" + n).withBatchSize(100)
                    .withRetries(Duration.ofSeconds(1), 100)).build());
        }
        for (int i = 0; i < 10_000; i++) {
            storage.reminders().save(Reminder.pending(ReminderId.of(new UUID(11, i)),
                    new Notification("flaky:" + i, "sms", "manager-" + (i % 100), "reminder " + i, "", List.of()),
                    START.plusMillis(i), null, null, START));
        }

        Instant now = START.plusSeconds(10);
        for (int round = 0; round < 1000 && keys.size() < 10_000; round++) {
            nodes.get(round % 2).scheduler().fireDue(now);
            now = now.plusMillis(500);
            clock.set(now);
        }

        assertThat(keys).hasSize(10_000).doesNotHaveDuplicates();
        assertThat(refused[0]).isGreaterThan(500);
        assertThat(received).hasSize(100);
        received.values().forEach(numbers -> assertThat(numbers).isSorted());
        assertThat(storage.reminders().findPending(Instant.MAX, 10)).isEmpty();
        assertThat(storage.reminders().findDead(10)).isEmpty();
    }
}
