package org.crm4j.client;

import java.util.Objects;
import java.util.UUID;
import org.crm4j.common.ValidationException;

/**
 * The identity of a contact person: a UUID, time-ordered (version 7) when crm4j generates it. Immutable.
 *
 * @param value the UUID
 */
public record ContactPersonId(UUID value) {
    public ContactPersonId {
        Objects.requireNonNull(value, "value");
    }

    public static ContactPersonId of(UUID value) {
        return new ContactPersonId(value);
    }

    /** Parses the canonical text form, {@code 0190f1c2-...}. */
    public static ContactPersonId parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return new ContactPersonId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("contactPersonId", "contact-person-id.format", text, "'" + text + "' is not a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
