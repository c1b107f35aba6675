package org.crm4j.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.crm4j.common.ContactEmail;
import org.crm4j.common.ContactPhone;
import org.crm4j.common.PersonName;
import org.jspecify.annotations.Nullable;

/**
 * A person at the client whom the company talks to (M-1.2): name, position, their own phones and e-mails,
 * birthday. Part of the {@link ClientCard} aggregate. Immutable; the lists are unmodifiable copies.
 *
 * @param id       identity within the card
 * @param name     surname, given name, patronymic
 * @param position job title, or {@code null}
 * @param phones   their phones
 * @param emails   their e-mail addresses
 * @param birthday date of birth (a date, no time zone), or {@code null}
 * @param notes    free notes, or {@code null}
 */
public record ContactPerson(ContactPersonId id, PersonName name, @Nullable String position,
                            List<ContactPhone> phones, List<ContactEmail> emails, @Nullable LocalDate birthday,
                            @Nullable String notes) {
    public ContactPerson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        position = position == null || position.isBlank() ? null : position.strip();
        phones = List.copyOf(phones);
        emails = List.copyOf(emails);
        notes = notes == null || notes.isBlank() ? null : notes.strip();
    }
}
