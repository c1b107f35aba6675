package org.crm4j.common;

import java.util.Objects;

/**
 * An e-mail address with its purpose. Immutable.
 *
 * @param address the address
 * @param purpose what it is for
 */
public record ContactEmail(Email address, ContactPurpose purpose) {
    public ContactEmail {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(purpose, "purpose");
    }

    public static ContactEmail of(Email address, ContactPurpose purpose) {
        return new ContactEmail(address, purpose);
    }
}
