package org.crm4j.client;

import java.util.Objects;
import java.util.Optional;
import org.crm4j.common.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * A client found by a phone number (caller identification): the card, and the contact person whose phone it
 * is when the number is a contact person's rather than the client's own. Immutable.
 *
 * @param client        the card
 * @param contactPerson the contact person the number belongs to, or {@code null} when it is the client's own
 */
public record PhoneMatch(ClientCard client, @Nullable ContactPerson contactPerson) {
    public PhoneMatch {
        Objects.requireNonNull(client, "client");
    }

    /** The match of {@code phone} within {@code card}: its own phone first, else the first contact having it. */
    public static PhoneMatch of(ClientCard card, PhoneNumber phone) {
        boolean own = card.phones().stream().anyMatch(p -> p.number().equals(phone));
        ContactPerson contact = own ? null : card.contactPersons().stream()
                .filter(c -> c.phones().stream().anyMatch(p -> p.number().equals(phone)))
                .findFirst().orElse(null);
        return new PhoneMatch(card, contact);
    }

    public Optional<ContactPerson> contact() {
        return Optional.ofNullable(contactPerson);
    }
}
