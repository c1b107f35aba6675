package org.crm4j.notification;

import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.common.Violations;

/**
 * What a notification is about, for the channel to link to: {@code client} and the client's id, {@code task} and
 * the task's id. Immutable.
 *
 * @param rel what the reference points at, a code such as {@code client}, {@code task}, {@code interaction},
 *            {@code deal}, {@code notable-event}
 * @param ref the id of the thing, 1 to 100 characters
 */
public record NotificationLink(String rel, String ref) {
    /** The most characters a reference has. */
    public static final int MAX_REF = 100;

    public NotificationLink {
        Violations v = new Violations();
        rel = rel == null ? "" : rel.strip();
        if (!ClassifierEntry.isCode(rel)) {
            v.add("rel", "classifier.code", rel, "a link's relation must be a code, was '" + rel + "'");
        }
        ref = ref == null ? "" : ref.strip();
        if (ref.isEmpty() || ref.length() > MAX_REF) {
            v.add("ref", "notification.link.ref", ref, "a link's reference has 1 to " + MAX_REF + " characters");
        }
        v.throwIfAny();
    }

    /** A link to {@code ref} of kind {@code rel}, its id written with {@link Object#toString()}. */
    public static NotificationLink of(String rel, Object ref) {
        return new NotificationLink(rel, String.valueOf(ref));
    }
}
