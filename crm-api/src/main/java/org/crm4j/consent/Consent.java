package org.crm4j.consent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.crm4j.client.ClientId;
import org.crm4j.client.ContactPersonId;
import org.crm4j.common.Email;
import org.crm4j.common.PhoneNumber;
import org.crm4j.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * One grant or withdrawal of consent to be contacted (M-6.2): who (a client, or one of its contact persons), by
 * which mechanism and address, for which purpose, when, and where the consent came from. A consent record is a
 * fact: it is never changed; a later record for the same client, mechanism, address and purpose supersedes it.
 * Immutable and thread-safe.
 *
 * @param id        the identity
 * @param client    the client
 * @param contact   the contact person at the client, or {@code null} for the client itself
 * @param mechanism how the person is contacted
 * @param address   the address: an e-mail address (lower case) for {@link ContactMechanism#EMAIL}, otherwise a
 *                  phone number in E.164 form ({@code +74951234567})
 * @param purpose   what messages it is about
 * @param granted   {@code true} for a grant, {@code false} for a withdrawal
 * @param at        when it was given or withdrawn, kept to the microsecond
 * @param source    where it came from ({@code web-form}, {@code signed paper}, {@code call 2026-03-01}), 1 to 200
 *                  characters
 */
public record Consent(ConsentId id, ClientId client, @Nullable ContactPersonId contact, ContactMechanism mechanism,
                      String address, ConsentPurpose purpose, boolean granted, Instant at, String source) {
    /** The most characters a source has. */
    public static final int MAX_SOURCE = 200;

    public Consent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(at, "at");
        at = at.truncatedTo(ChronoUnit.MICROS);
        Violations v = new Violations();
        String typed = address == null ? "" : address;
        ContactMechanism how = mechanism;
        String normal = v.field("address", () -> normalAddress(how, typed));
        address = normal == null ? typed.strip() : normal;
        source = source == null ? "" : source.strip();
        if (source.isEmpty() || source.length() > MAX_SOURCE) {
            v.add("source", "consent.source", source, "a consent's source has 1 to " + MAX_SOURCE + " characters");
        }
        v.throwIfAny();
    }

    /**
     * The address as consents keep it: an e-mail address normalised by {@link Email}, or a phone number that is
     * already in E.164 form.
     *
     * @throws org.crm4j.common.ValidationException when it is not an address of the mechanism
     */
    public static String normalAddress(ContactMechanism mechanism, String address) {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(address, "address");
        return mechanism.usesPhone() ? PhoneNumber.of(address.strip()).e164()
                : Email.of(address).value();
    }

    /** Whether this record and {@code other} are about the same client, mechanism, address and purpose. */
    public boolean sameSubject(Consent other) {
        return client.equals(other.client) && mechanism == other.mechanism && address.equals(other.address)
                && purpose == other.purpose;
    }
}
