package org.crm4j.notification;

import java.util.List;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.common.Violations;

/**
 * A rendered message for one recipient through one channel: a reminder of a task, an escalation of an overdue
 * one, a key date coming up. Immutable and thread-safe.
 *
 * <p>The {@link #key() key} identifies the notification: crm4j creates each notification once under its key and
 * hands the key to the {@link Notifier}, so a channel that may see a delivery repeated (after a crash between
 * sending and recording it) can drop the repetition.
 *
 * @param key       the idempotency key, 1 to 200 characters, such as {@code rule:invoice-1d:escalate:<task id>}
 * @param channel   the channel, a code the embedding system routes on ({@code email}, {@code sms}, {@code screen})
 * @param recipient who receives it: an employee's key ({@link org.crm4j.common.EmployeeId#value()}) or an address
 *                  the channel understands, 1 to 200 characters
 * @param subject   the subject line, 1 to 300 characters
 * @param body      the text, at most 4000 characters (may be empty)
 * @param links     what it is about, at most 20 links
 */
public record Notification(String key, String channel, String recipient, String subject, String body,
                           List<NotificationLink> links) {
    /** The most characters a key has. */
    public static final int MAX_KEY = 200;
    /** The most characters a body has. */
    public static final int MAX_BODY = 4000;
    /** The most links a notification carries. */
    public static final int MAX_LINKS = 20;

    public Notification {
        Violations v = new Violations();
        key = key == null ? "" : key.strip();
        if (key.isEmpty() || key.length() > MAX_KEY) {
            v.add("key", "notification.key", key, "a notification's key has 1 to " + MAX_KEY + " characters");
        }
        channel = channel == null ? "" : channel.strip();
        if (!ClassifierEntry.isCode(channel)) {
            v.add("channel", "classifier.code", channel, "a channel must be a code, was '" + channel + "'");
        }
        recipient = recipient == null ? "" : recipient.strip();
        if (recipient.isEmpty() || recipient.length() > 200) {
            v.add("recipient", "notification.recipient", recipient, "a recipient has 1 to 200 characters");
        }
        subject = subject == null ? "" : subject.strip();
        if (subject.isEmpty() || subject.length() > 300) {
            v.add("subject", "notification.subject", subject, "a subject has 1 to 300 characters");
        }
        body = body == null ? "" : body.strip();
        if (body.length() > MAX_BODY) {
            v.add("body", "notification.body", body.length(), "a body has at most " + MAX_BODY + " characters");
        }
        links = links == null ? List.of() : List.copyOf(links);
        if (links.size() > MAX_LINKS) {
            v.add("links", "notification.links", links.size(), "a notification has at most " + MAX_LINKS + " links");
        }
        v.throwIfAny();
    }
}
