package org.crm4j.core.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.crm4j.common.CrmEvent;
import org.crm4j.common.CrmEventListener;
import org.crm4j.common.Transactions;
import org.crm4j.core.common.Events;
import org.crm4j.core.common.Ids;
import org.crm4j.core.json.EventsJson;
import org.crm4j.notification.Notification;
import org.crm4j.notification.Notifier;
import org.crm4j.schedule.Reminder;
import org.crm4j.schedule.ReminderId;
import org.crm4j.schedule.ReminderStore;
import org.jspecify.annotations.Nullable;

/**
 * crm4j's transactional outbox: what a change must send, its notifications (a screen pop, a sent template) and its
 * events for the embedding system's {@link CrmEventListener}, is written in the change's own transaction, as
 * reminders due at once in the {@link ReminderStore}, and delivered after the commit. Nothing is sent for a change
 * rolled back, and nothing written is lost: what is not delivered right after the commit is delivered by
 * {@code crm.scheduler().fireDue} on any node, with its claims, lease, retries, dead letters and order per
 * recipient.
 *
 * <h2>Right after the commit</h2>
 * When the transaction supports {@link Transactions#afterCommit} and nothing is waiting for the same recipient,
 * the entries are written already claimed by this node, for its lease, and this node delivers them once the
 * transaction has committed, on the committing thread, before the use case returns (so a screen pop is on the
 * manager's screen while the phone rings); if it dies first, another node takes them after the lease. Otherwise
 * they are written unclaimed and wait for the next {@code fireDue}, behind those already waiting for the
 * recipient. Two transactions committing at the same time for one recipient are two changes with no order between
 * them: each is delivered after its own commit.
 *
 * <h2>Events</h2>
 * The events of one change go on the channel {@value #EVENT_CHANNEL} to the recipient named by the aggregate they
 * are about ({@code deal:<id>}), so one aggregate's events reach the listener in order; each has the key
 * {@code event:<uuid>}, the same at every delivery, and its text is {@link EventsJson}'s. The listener gets them
 * through {@link #eventNotifier}, which {@link org.crm4j.core.Crm} routes that channel to. Without a listener no
 * event is written at all.
 *
 * <p>Thread-safe.
 */
public final class Outbox implements Events.Batch {
    /** The channel events for the listener travel on; no notification of a rule or template may use it. */
    public static final String EVENT_CHANNEL = "crm4j-event";

    private final ReminderStore reminders;
    private final Transactions transactions;
    private final Clock clock;
    private final Ids ids;
    private final EventsJson codec;
    private final boolean listening;
    private final String node;
    private final Duration lease;
    private final boolean databaseClock;
    private volatile Consumer<List<Reminder>> delivery = claimed -> { };

    /**
     * An outbox writing to {@code reminders}.
     *
     * @param listening whether there is a listener to write events for; without one, events are not written
     * @param node      the name this node claims under ({@code SchedulerSettings.node()})
     * @param lease     how long this node holds what it delivers right after the commit
     * @param databaseClock whether entries are due from, and leased by, the store's clock
     *                  ({@link ReminderStore#currentTime()}, one select more per change) rather than {@code clock}:
     *                  as the scheduler judges due-ness ({@code SchedulerSettings.databaseClock()})
     */
    public Outbox(ReminderStore reminders, Transactions transactions, Clock clock, EventsJson codec,
                  boolean listening, String node, Duration lease, boolean databaseClock) {
        this.reminders = Objects.requireNonNull(reminders, "reminders");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.listening = listening;
        this.node = Objects.requireNonNull(node, "node");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.databaseClock = databaseClock;
        this.ids = new Ids(clock);
    }

    /**
     * Sets what delivers the entries this node claimed in a committed transaction, in their order: the scheduler's
     * delivery ({@code Scheduler.deliverClaimed}). Until it is set they wait for {@code fireDue}.
     */
    public void deliverWith(Consumer<List<Reminder>> delivery) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    /**
     * Writes the events of one change for the listener, in the change's transaction (joined or begun); each run of
     * events about one aggregate goes to that aggregate's stream.
     */
    @Override
    public void onChange(List<? extends CrmEvent> events) {
        Objects.requireNonNull(events, "events");
        if (!listening || events.isEmpty()) {
            return;
        }
        List<Notification> run = new ArrayList<>(events.size());
        for (CrmEvent event : events) {
            String stream = EventsJson.streamOf(event);
            if (!run.isEmpty() && !run.get(0).recipient().equals(stream)) {
                write(run);
                run = new ArrayList<>();
            }
            run.add(new Notification("event:" + ids.next(), EVENT_CHANNEL, stream, event.type(),
                    codec.write(event), List.of()));
        }
        write(run);
    }

    /**
     * A notifier that writes each notification to this outbox, in the caller's transaction (joined or begun),
     * rather than sending it: what the use cases that send (mailing, telephony) are given.
     */
    public Notifier notifier() {
        return notification -> write(List.of(notification));
    }

    /**
     * The notifier that hands the events on {@value #EVENT_CHANNEL} to {@code listener}, read back from their
     * text, with their key ({@link CrmEventListener#on(CrmEvent, String)}). A listener that throws refuses the
     * event: it is delivered again later, as any refused notification is.
     */
    public Notifier eventNotifier(CrmEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        return notification -> listener.on(codec.read(notification.body()), notification.key());
    }

    /** Writes notifications, all to one channel and recipient, in order, due now. */
    private void write(List<Notification> notifications) {
        transactions.inTransaction(() -> {
            Notification first = notifications.get(0);
            List<Reminder> claimed = new ArrayList<>(notifications.size());
            boolean direct = !reminders.hasPending(first.channel(), first.recipient())
                    && transactions.afterCommit(() -> deliver(claimed));
            Instant now = databaseClock ? reminders.currentTime() : clock.instant();
            for (Notification notification : notifications) {
                Reminder entry = Reminder.pending(ReminderId.of(ids.next()), notification, now, null, null, now);
                Reminder stored = reminders.save(direct ? entry.claimed(node, now.plus(lease)) : entry);
                if (direct) {
                    claimed.add(stored);
                }
            }
            return null;
        });
    }

    private void deliver(@Nullable List<Reminder> claimed) {
        if (claimed != null && !claimed.isEmpty()) {
            delivery.accept(List.copyOf(claimed));
        }
    }
}
