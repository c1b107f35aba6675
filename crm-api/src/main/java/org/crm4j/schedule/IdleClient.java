package org.crm4j.schedule;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;

/**
 * A client with a responsible manager that nobody has been in touch with since {@link #lastContact()}: the
 * moment of its latest interaction, or of its registration when it has none. Immutable.
 *
 * @param client      the client
 * @param manager     its responsible manager
 * @param lastContact the start of its latest interaction, or when its card was registered
 */
public record IdleClient(ClientId client, EmployeeId manager, Instant lastContact) {
    public IdleClient {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(manager, "manager");
        lastContact = Objects.requireNonNull(lastContact, "lastContact").truncatedTo(ChronoUnit.MICROS);
    }
}
