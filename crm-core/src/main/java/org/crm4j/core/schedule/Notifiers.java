package org.crm4j.core.schedule;

import org.crm4j.notification.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The notifiers crm4j ships. */
public final class Notifiers {
    private static final Logger LOG = LoggerFactory.getLogger("org.crm4j.notification");

    private Notifiers() {
    }

    /**
     * The default notifier: writes each notification to the SLF4J logger {@code org.crm4j.notification} at INFO
     * (channel, recipient, key and subject) and its body at DEBUG. It never fails. For trying crm4j out and for
     * systems that read notifications from their logs; an embedding system plugs in its own channels.
     */
    public static Notifier logging() {
        return n -> {
            LOG.info("[{}] to {}: {} (key {})", n.channel(), n.recipient(), n.subject(), n.key());
            if (LOG.isDebugEnabled() && !n.body().isEmpty()) {
                LOG.debug("[{}] {} body: {}", n.channel(), n.key(), n.body());
            }
        };
    }
}
