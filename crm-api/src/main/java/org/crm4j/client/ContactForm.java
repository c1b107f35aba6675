package org.crm4j.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.common.ContactPurpose;
import org.jspecify.annotations.Nullable;

/**
 * A contact person as entered, not yet checked: the input of adding or changing a contact person. Everything
 * is checked at once when the use case runs, and every violation is reported together.
 *
 * @param surname    surname
 * @param givenName  given name
 * @param patronymic patronymic, or {@code null}
 * @param position   job title, or {@code null}
 * @param phones     phones as typed
 * @param emails     e-mails as typed
 * @param birthday   date of birth, or {@code null}
 * @param notes      notes, or {@code null}
 */
public record ContactForm(@Nullable String surname, @Nullable String givenName, @Nullable String patronymic,
                          @Nullable String position, List<PhoneInput> phones, List<EmailInput> emails,
                          @Nullable LocalDate birthday, @Nullable String notes) {
    public ContactForm {
        phones = List.copyOf(phones);
        emails = List.copyOf(emails);
    }

    /** Starts a form with the name of the person. */
    public static Builder of(String surname, String givenName, @Nullable String patronymic) {
        return new Builder(surname, givenName, patronymic);
    }

    /** Builds a {@link ContactForm}. Not thread-safe. */
    public static final class Builder {
        private final String surname;
        private final String givenName;
        private final @Nullable String patronymic;
        private @Nullable String position;
        private final List<PhoneInput> phones = new ArrayList<>();
        private final List<EmailInput> emails = new ArrayList<>();
        private @Nullable LocalDate birthday;
        private @Nullable String notes;

        private Builder(String surname, String givenName, @Nullable String patronymic) {
            this.surname = surname;
            this.givenName = givenName;
            this.patronymic = patronymic;
        }

        public Builder position(@Nullable String position) { this.position = position; return this; }
        public Builder phone(String number, ContactPurpose purpose) { phones.add(PhoneInput.of(number, purpose)); return this; }
        public Builder phone(String number) { return phone(number, ContactPurpose.WORK); }
        public Builder email(String address, ContactPurpose purpose) { emails.add(EmailInput.of(address, purpose)); return this; }
        public Builder email(String address) { return email(address, ContactPurpose.WORK); }
        public Builder birthday(@Nullable LocalDate birthday) { this.birthday = birthday; return this; }
        public Builder notes(@Nullable String notes) { this.notes = notes; return this; }

        public ContactForm build() {
            return new ContactForm(surname, givenName, patronymic, position, phones, emails, birthday, notes);
        }
    }
}
