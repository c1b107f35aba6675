package org.crm4j.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.jspecify.annotations.Nullable;

/**
 * One line of a client's timeline: enough to show it in a list, and the kind and id to load the whole record
 * from its store. Immutable.
 *
 * @param kind     what it is
 * @param source   the id of the record (an interaction's, a notable event's, a work fact's)
 * @param client   the client
 * @param at       the moment it is ordered by; for an entry with a {@code day}, the start of that day in the
 *                 tenant's zone
 * @param day      the calendar date of an entry that has no time (a notable event), or {@code null}
 * @param code     what sort it is within its kind: the interaction type, the notable event's kind, the
 *                 product code of a sale, the payment method; {@code null} for a claim
 * @param title    the line to show: the interaction's subject, the event's title, the product's name, the
 *                 claim's subject, the payment's document
 * @param amount   the amount of a sale, payment or claim, or {@code null}
 * @param employee the manager it concerns, or {@code null}
 * @param document the ERP document it refers to, or {@code null}
 */
public record TimelineEntry(TimelineKind kind, UUID source, ClientId client, Instant at, @Nullable LocalDate day,
                            @Nullable String code, String title, @Nullable Money amount,
                            @Nullable EmployeeId employee, @Nullable String document) {
    public TimelineEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(title, "title");
    }

    /** The position of this entry, from which the next page goes on. */
    public TimelineCursor cursor() {
        return new TimelineCursor(at, kind, source);
    }
}
