package org.crm4j.client;

import java.time.Instant;
import org.crm4j.common.CrmEvent;
import org.crm4j.common.EmployeeId;
import org.jspecify.annotations.Nullable;

/** What happened to a client card. Each event is an immutable record with the card's id and the time. */
public sealed interface ClientEvent extends CrmEvent {
    ClientId clientId();

    /** A new card was registered. */
    record ClientRegistered(ClientId clientId, Instant at) implements ClientEvent {
        @Override
        public String type() {
            return "client.registered";
        }
    }

    /** The formal section (names, requisites, addresses, accounts, phones, e-mails) changed. */
    record FormalSectionChanged(ClientId clientId, Instant at) implements ClientEvent {
        @Override
        public String type() {
            return "client.formal-section-changed";
        }
    }

    record ContactPersonAdded(ClientId clientId, ContactPersonId contactPersonId, Instant at) implements ClientEvent {
        @Override
        public String type() {
            return "client.contact-person-added";
        }
    }

    record ContactPersonChanged(ClientId clientId, ContactPersonId contactPersonId, Instant at)
            implements ClientEvent {
        @Override
        public String type() {
            return "client.contact-person-changed";
        }
    }

    record ContactPersonRemoved(ClientId clientId, ContactPersonId contactPersonId, Instant at)
            implements ClientEvent {
        @Override
        public String type() {
            return "client.contact-person-removed";
        }
    }

    /** The responsible manager changed from {@code previous} to {@code manager} (either may be {@code null}). */
    record ResponsibleManagerAssigned(ClientId clientId, @Nullable EmployeeId previous, @Nullable EmployeeId manager,
                                      Instant at) implements ClientEvent {
        @Override
        public String type() {
            return "client.manager-assigned";
        }
    }
}
