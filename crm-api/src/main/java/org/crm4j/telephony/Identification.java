package org.crm4j.telephony;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.client.PhoneMatch;
import org.crm4j.common.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * Who called: the caller's number read with the tenant's default region, and the clients having it, the most
 * likely first. Immutable.
 *
 * @param rawNumber  the number as the PBX gave it
 * @param number     the number read, or {@code null} when it is not a valid phone number (a hidden number)
 * @param candidates the matching cards, ranked, the most likely first; empty when the caller is unknown
 */
public record Identification(String rawNumber, @Nullable PhoneNumber number, List<PhoneMatch> candidates) {
    public Identification {
        Objects.requireNonNull(rawNumber, "rawNumber");
        candidates = List.copyOf(candidates);
        if (number == null && !candidates.isEmpty()) {
            throw new IllegalArgumentException("candidates are found by a number");
        }
    }

    /** What was found. */
    public enum Kind {
        /** One card, by its own phone. */
        CARD,
        /** One card, by the phone of one of its contact persons. */
        CONTACT,
        /** Several cards have the number: the candidates are ranked. */
        CANDIDATES,
        /** Nobody has the number, or it is not a phone number. */
        UNKNOWN
    }

    /** An unknown caller. */
    public static Identification unknown(String rawNumber, @Nullable PhoneNumber number) {
        return new Identification(rawNumber, number, List.of());
    }

    /** What was found. */
    public Kind kind() {
        if (candidates.isEmpty()) {
            return Kind.UNKNOWN;
        }
        if (candidates.size() > 1) {
            return Kind.CANDIDATES;
        }
        return candidates.get(0).contactPerson() == null ? Kind.CARD : Kind.CONTACT;
    }

    /** The most likely caller, if any. */
    public Optional<PhoneMatch> best() {
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }
}
