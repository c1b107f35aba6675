package org.crm4j.keydate;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;
import org.crm4j.client.ClientId;
import org.crm4j.client.ContactPersonId;
import org.crm4j.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A notable event on a client's card (M-1.3): an organisational, structural or staff change, or an important
 * date of the company or of one of its people. A {@link #yearly() yearly} event recurs on its month and day;
 * otherwise it happened (or will happen) once, on its date. Dates are calendar dates, without a time or a zone.
 * Immutable and thread-safe.
 *
 * @param id        the identity
 * @param client    the client whose card it is on
 * @param contact   the contact person it concerns (a birthday, a staff change), or {@code null}
 * @param kind      what it is about
 * @param title     what happened or is celebrated, 1 to 200 characters
 * @param date      when; for a yearly event, the first occurrence (a founding date, a date of birth)
 * @param yearly    whether it recurs every year on the month and day of {@code date}
 * @param note      free notes, or {@code null}
 * @param version   0 for an event not yet stored, then increased by each save
 */
public record NotableEvent(NotableEventId id, ClientId client, @Nullable ContactPersonId contact,
                           NotableEventKind kind, String title, LocalDate date, boolean yearly,
                           @Nullable String note, long version) {
    public NotableEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        Violations v = new Violations();
        String stripped = title == null ? "" : title.strip();
        if (stripped.isEmpty() || stripped.length() > 200) {
            v.add("title", "notable-event.title", title, "the title must have 1 to 200 characters");
        }
        title = stripped;
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && note.length() > 2000) {
            v.add("note", "notable-event.note", note.length(), "a note has at most 2000 characters");
        }
        if (version < 0) {
            v.add("version", "version.negative", version, "version must not be negative, was " + version);
        }
        v.throwIfAny();
    }

    /** The month and day a yearly event recurs on. */
    public MonthDay monthDay() {
        return MonthDay.from(date);
    }

    /**
     * When the event falls in {@code year}: its date for a one-off event in that year, the month and day of a
     * yearly one from the year of its date on, or {@code null}. The rule for 29 February: in a year without it,
     * a yearly event of 29 February is observed on 28 February.
     */
    public @Nullable LocalDate occurrenceIn(int year) {
        if (!yearly) {
            return date.getYear() == year ? date : null;
        }
        if (year < date.getYear()) {
            return null;
        }
        MonthDay md = monthDay();
        return md.isValidYear(year) ? md.atYear(year) : LocalDate.of(year, 2, 28);
    }

    /** The same event at another version, as a store returns it. */
    public NotableEvent withVersion(long version) {
        return new NotableEvent(id, client, contact, kind, title, date, yearly, note, version);
    }
}
