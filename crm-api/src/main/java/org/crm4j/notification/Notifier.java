package org.crm4j.notification;

import java.util.Map;
import java.util.Objects;

/**
 * The port through which crm4j's notifications leave it: the embedding system sends them by e-mail, SMS, its
 * messenger, a screen pop-up. crm4j ships a logging notifier as the default ({@code Notifiers.logging()} in
 * crm-core); {@link #routing} sends each channel to its own notifier.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #deliver} returns when the channel has accepted the notification; it throws when it has not,
 *       and crm4j delivers it again later (the reminder stays claimed until its lease ends).</li>
 *   <li>A notification may reach {@code deliver} more than once when a node stops between sending it and
 *       recording that it was sent; the {@link Notification#key() key} is the same each time, so a channel that
 *       must not repeat itself keeps the keys it has sent.</li>
 *   <li>Implementations are thread-safe: several threads and nodes deliver at once.</li>
 * </ul>
 */
@FunctionalInterface
public interface Notifier {
    /**
     * Delivers {@code notification} through its channel.
     *
     * @throws RuntimeException when the channel did not accept it; it will be delivered again later
     */
    void deliver(Notification notification);

    /**
     * A notifier sending each notification to the notifier of its {@link Notification#channel() channel}, and
     * those of any other channel to {@code otherwise}.
     */
    static Notifier routing(Map<String, ? extends Notifier> byChannel, Notifier otherwise) {
        Map<String, Notifier> routes = Map.copyOf(Objects.requireNonNull(byChannel, "byChannel"));
        Objects.requireNonNull(otherwise, "otherwise");
        return n -> routes.getOrDefault(n.channel(), otherwise).deliver(n);
    }
}
