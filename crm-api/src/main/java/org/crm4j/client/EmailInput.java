package org.crm4j.client;

import java.util.Objects;
import org.crm4j.common.ContactPurpose;

/**
 * An e-mail address as typed, not yet checked.
 *
 * @param address the address as typed
 * @param purpose what it is for
 */
public record EmailInput(String address, ContactPurpose purpose) {
    public EmailInput {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(purpose, "purpose");
    }

    public static EmailInput of(String address, ContactPurpose purpose) {
        return new EmailInput(address, purpose);
    }
}
