package org.crm4j.interaction;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.client.ClientId;
import org.crm4j.client.ContactPersonId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * One contact with a client (M-3): a call, a letter, a meeting, a proposal sent, a complaint received. An
 * interaction is a recorded fact: it is never changed, only added. Immutable and thread-safe.
 *
 * @param id           the identity
 * @param externalId   the id the source system gave it (the PBX's call id, the mail server's message id), which
 *                     makes recording it idempotent; or {@code null}; at most 200 characters
 * @param type         a code of the interaction-type dictionary ({@code call-in}, {@code proposal}, …)
 * @param direction    who started it
 * @param channel      how it took place
 * @param at           when it began
 * @param duration     how long it lasted ({@link Duration#ZERO} for a letter), never negative
 * @param manager      the employee who had it, or {@code null}
 * @param client       the client
 * @param contact      the contact person at the client, or {@code null}
 * @param subject      what it was about, 1 to 300 characters
 * @param notes        what was said, or {@code null}; at most 4000 characters
 * @param result       how it ended ("asked for a price list"), or {@code null}; at most 300 characters
 * @param leadSource   a code of the lead-source dictionary: how the client learned of the company, or {@code null}
 * @param cause        the event that made the client call ("saw the catalogue"), or {@code null}
 * @param dealRef      the ERP's id of the deal it concerns, or {@code null}
 * @param documentRef  the ERP's id of the document it concerns (an invoice, an act), or {@code null}
 * @param nextContact  the planned date of the next contact, or {@code null}
 * @param recordedAt   when crm4j recorded it
 */
public record Interaction(InteractionId id, @Nullable String externalId, String type, Direction direction,
                          Channel channel, Instant at, Duration duration, @Nullable EmployeeId manager,
                          ClientId client, @Nullable ContactPersonId contact, String subject,
                          @Nullable String notes, @Nullable String result, @Nullable String leadSource,
                          @Nullable String cause, @Nullable String dealRef, @Nullable String documentRef,
                          @Nullable LocalDate nextContact, Instant recordedAt) {
    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Violations v = new Violations();
        type = type == null ? "" : type.strip();
        if (!ClassifierEntry.isCode(type)) {
            v.add("type", "classifier.code", type,
                    "the interaction type must be a classifier code, was '" + type + "'");
        }
        if (duration.isNegative()) {
            v.add("duration", "interaction.duration", duration, "a duration is never negative, was " + duration);
        }
        subject = subject == null ? "" : subject.strip();
        if (subject.isEmpty() || subject.length() > 300) {
            v.add("subject", "interaction.subject", subject, "the subject must have 1 to 300 characters");
        }
        externalId = v.optionalText("externalId", "interaction.externalId", externalId, 200);
        notes = v.optionalText("notes", "interaction.notes", notes, 4000);
        result = v.optionalText("result", "interaction.result", result, 300);
        leadSource = leadSource == null || leadSource.isBlank() ? null : leadSource.strip();
        cause = v.optionalText("cause", "interaction.cause", cause, 300);
        dealRef = v.optionalText("dealRef", "interaction.dealRef", dealRef, 100);
        documentRef = v.optionalText("documentRef", "interaction.documentRef", documentRef, 100);
        v.throwIfAny();
    }

    /** A builder starting empty; {@code id}, {@code type}, {@code direction}, {@code channel}, {@code at},
     * {@code client}, {@code subject} and {@code recordedAt} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Interaction}; not thread-safe. */
    public static final class Builder {
        private @Nullable InteractionId id;
        private @Nullable String externalId;
        private @Nullable String type;
        private @Nullable Direction direction;
        private Channel channel = Channel.PHONE;
        private @Nullable Instant at;
        private Duration duration = Duration.ZERO;
        private @Nullable EmployeeId manager;
        private @Nullable ClientId client;
        private @Nullable ContactPersonId contact;
        private @Nullable String subject;
        private @Nullable String notes;
        private @Nullable String result;
        private @Nullable String leadSource;
        private @Nullable String cause;
        private @Nullable String dealRef;
        private @Nullable String documentRef;
        private @Nullable LocalDate nextContact;
        private @Nullable Instant recordedAt;

        private Builder() {
        }

        public Builder id(InteractionId id) { this.id = id; return this; }
        public Builder externalId(@Nullable String externalId) { this.externalId = externalId; return this; }
        public Builder type(String type) { this.type = type; return this; }
        public Builder direction(Direction direction) { this.direction = direction; return this; }
        public Builder channel(Channel channel) { this.channel = channel; return this; }
        public Builder at(Instant at) { this.at = at; return this; }
        public Builder duration(Duration duration) { this.duration = duration; return this; }
        public Builder manager(@Nullable EmployeeId manager) { this.manager = manager; return this; }
        public Builder client(ClientId client) { this.client = client; return this; }
        public Builder contact(@Nullable ContactPersonId contact) { this.contact = contact; return this; }
        public Builder subject(String subject) { this.subject = subject; return this; }
        public Builder notes(@Nullable String notes) { this.notes = notes; return this; }
        public Builder result(@Nullable String result) { this.result = result; return this; }
        public Builder leadSource(@Nullable String leadSource) { this.leadSource = leadSource; return this; }
        public Builder cause(@Nullable String cause) { this.cause = cause; return this; }
        public Builder dealRef(@Nullable String dealRef) { this.dealRef = dealRef; return this; }
        public Builder documentRef(@Nullable String documentRef) { this.documentRef = documentRef; return this; }
        public Builder nextContact(@Nullable LocalDate nextContact) { this.nextContact = nextContact; return this; }
        public Builder recordedAt(Instant recordedAt) { this.recordedAt = recordedAt; return this; }

        public Interaction build() {
            return new Interaction(Objects.requireNonNull(id, "id"), externalId, Objects.requireNonNull(type, "type"),
                    Objects.requireNonNull(direction, "direction"), channel, Objects.requireNonNull(at, "at"),
                    duration, manager, Objects.requireNonNull(client, "client"), contact,
                    Objects.requireNonNull(subject, "subject"), notes, result, leadSource, cause, dealRef,
                    documentRef, nextContact, Objects.requireNonNull(recordedAt, "recordedAt"));
        }
    }
}
