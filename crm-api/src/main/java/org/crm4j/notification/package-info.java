/**
 * Notifications: what crm4j tells people (a reminder, an escalation, later a mailing), and the {@link
 * org.crm4j.notification.Notifier} port through which the embedding system delivers them by e-mail, SMS, its
 * messenger or its own screens. A {@link org.crm4j.notification.Notification} is already rendered: channel,
 * recipient, subject, body and links to what it is about, with a key that identifies it for idempotent delivery.
 */
@NullMarked
package org.crm4j.notification;

import org.jspecify.annotations.NullMarked;
