package org.crm4j.template;

import org.crm4j.common.Violations;
import org.crm4j.notification.Notification;

/**
 * A template's text in one language: a subject and a body with placeholders such as {@code {client.name}}.
 * Immutable and thread-safe.
 *
 * @param subject the subject line, 1 to 300 characters
 * @param body    the text, 1 to {@link Notification#MAX_BODY} characters
 */
public record TemplateText(String subject, String body) {
    /** The most characters a subject has. */
    public static final int MAX_SUBJECT = 300;

    public TemplateText {
        Violations v = new Violations();
        subject = subject == null ? "" : subject.strip();
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT) {
            v.add("subject", "template.subject", subject.length(),
                    "a template's subject has 1 to " + MAX_SUBJECT + " characters");
        }
        body = body == null ? "" : body.strip();
        if (body.isEmpty() || body.length() > Notification.MAX_BODY) {
            v.add("body", "template.body", body.length(),
                    "a template's body has 1 to " + Notification.MAX_BODY + " characters");
        }
        v.throwIfAny();
    }

    /** The text with subject {@code subject} and body {@code body}. */
    public static TemplateText of(String subject, String body) {
        return new TemplateText(subject, body);
    }
}
