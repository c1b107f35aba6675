package org.crm4j.core.template;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientStore;
import org.crm4j.client.ContactPerson;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Transactions;
import org.crm4j.common.ValidationException;
import org.crm4j.consent.Consent;
import org.crm4j.consent.ConsentPurpose;
import org.crm4j.consent.ConsentStore;
import org.crm4j.consent.ContactMechanism;
import org.crm4j.core.common.Ids;
import org.crm4j.core.consent.Consents;
import org.crm4j.core.interaction.Interactions;
import org.crm4j.core.template.SendReport.Outcome;
import org.crm4j.core.template.SendReport.Status;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealStore;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.interaction.InteractionStore;
import org.crm4j.notification.Notification;
import org.crm4j.notification.NotificationLink;
import org.crm4j.notification.Notifier;
import org.crm4j.storage.CrmStorage;
import org.crm4j.template.EmployeeNames;
import org.crm4j.template.MessageTemplate;
import org.crm4j.template.TemplateNotFoundException;
import org.crm4j.template.TemplateStore;
import org.crm4j.template.TemplateText;
import org.jspecify.annotations.Nullable;

/**
 * Message templates and sending them (M-6.2). Templates are checked against the placeholder catalogue of
 * {@link TemplateEngine} when they are saved. A sending renders a template for one client's contact, hands it to
 * the {@link Notifier} on the channel of its mechanism, and records it once in the client's history as
 * an outgoing interaction (type {@code email} for e-mail, {@code message} otherwise; channel
 * {@link Channel#EMAIL}, {@link Channel#PHONE} for calls, {@link Channel#MESSENGER} for SMS and messengers) whose
 * external id is the sending's key, its subject the rendered subject and its notes the rendered body. Marketing
 * messages go only to addresses with a current consent; service messages go unless the address withdrew consent
 * to them. What was refused, and why, is in the {@link SendReport}. Thread-safe.
 *
 * <p>Consent is looked up by client, mechanism, address and the template's purpose: a consent given by a contact
 * person for an address counts for that address whoever the sending names.
 *
 * <p>Each sending runs in its own transaction, which records it and writes its notification to crm4j's outbox
 * (the {@code notifier} {@link org.crm4j.core.Crm} gives); the outbox delivers it after the commit, again later if
 * the channel refuses it, always under the same notification key. A sending rolled back is never delivered.
 *
 * <p>Loading the template, the card, the deal and the consent, delivering and recording cost the same few
 * statements whatever the number of clients, consents and interactions.
 */
public final class Mailing {
    /** The interaction type of an e-mail sent. */
    public static final String EMAIL_TYPE = "email";
    /** The interaction type of an SMS, a messenger message or a call made by a mailing. */
    public static final String MESSAGE_TYPE = "message";

    private final TemplateStore templates;
    private final ConsentStore consents;
    private final ClientStore clients;
    private final DealStore deals;
    private final InteractionStore interactionStore;
    private final Interactions interactions;
    private final Consents consentRules;
    private final Transactions transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final Notifier notifier;
    private final EmployeeNames employeeNames;
    private final Ids ids;

    /**
     * Mailing over {@code storage}, recording sendings through {@code interactions}, reading addresses as
     * {@code consents} does, delivering through {@code notifier}.
     */
    public Mailing(CrmStorage storage, Interactions interactions, Consents consents, Clock clock, ZoneId zone,
                   Notifier notifier, EmployeeNames employeeNames) {
        Objects.requireNonNull(storage, "storage");
        this.templates = storage.templates();
        this.consents = storage.consents();
        this.clients = storage.clients();
        this.deals = storage.deals();
        this.interactionStore = storage.interactions();
        this.transactions = storage.transactions();
        this.interactions = Objects.requireNonNull(interactions, "interactions");
        this.consentRules = Objects.requireNonNull(consents, "consents");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.employeeNames = Objects.requireNonNull(employeeNames, "employeeNames");
        this.ids = new Ids(clock);
    }

    /**
     * Saves a template (version 0 for a new one), after checking its placeholders against the catalogue.
     *
     * @return the template as stored
     * @throws ValidationException naming each text with a malformed text or an unknown placeholder
     *                             ({@code texts.ru.body}); nothing is stored
     */
    public MessageTemplate saveTemplate(MessageTemplate template) {
        TemplateEngine.check(template);
        return transactions.inTransaction(() -> templates.save(template));
    }

    /** The template stored under {@code code}. */
    public Optional<MessageTemplate> template(String code) {
        return transactions.inTransaction(() -> templates.findByCode(code));
    }

    /** Every template, by code. */
    public List<MessageTemplate> templates() {
        return transactions.inTransaction(templates::findAll);
    }

    /**
     * Sends one message.
     *
     * @throws TemplateNotFoundException when its template is not stored
     */
    public SendReport send(Sending sending) {
        return send(List.of(sending));
    }

    /**
     * Sends each message in its own transaction, in order, and reports how each ended. A refusal or a channel's
     * failure stops only its own sending.
     *
     * @throws TemplateNotFoundException when a template named is not stored; nothing is sent then
     */
    public SendReport send(List<Sending> sendings) {
        Objects.requireNonNull(sendings, "sendings");
        Map<String, MessageTemplate> byCode = new HashMap<>();
        transactions.inTransaction(() -> {
            for (Sending s : sendings) {
                if (!byCode.containsKey(s.template())) {
                    byCode.put(s.template(), templates.findByCode(s.template())
                            .orElseThrow(() -> new TemplateNotFoundException(s.template())));
                }
            }
            return null;
        });
        List<Outcome> outcomes = new ArrayList<>(sendings.size());
        for (Sending s : sendings) {
            outcomes.add(sendOne(s, byCode.get(s.template())));
        }
        return new SendReport(outcomes);
    }

    private Outcome sendOne(Sending s, MessageTemplate template) {
        try {
            return transactions.inTransaction(() -> {
                Optional<Interaction> earlier = interactionStore.findByExternalId(s.sendingKey());
                if (earlier.isPresent()) {
                    return new Outcome(s, Status.ALREADY_SENT, null, "sent before under the key " + s.sendingKey(),
                            earlier.get().id());
                }
                Prepared prepared = prepare(s, template);
                if (prepared.refusal != null) {
                    return prepared.refusal;
                }
                try {
                    notifier.deliver(prepared.notification);
                } catch (RuntimeException e) {
                    throw new DeliveryFailed("the " + s.mechanism().channel() + " channel did not accept it: "
                            + e.getMessage(), e);
                }
                Interaction recorded = interactions.record(prepared.interaction).interaction();
                return new Outcome(s, Status.SENT, null, null, recorded.id());
            });
        } catch (DeliveryFailed failed) {
            return new Outcome(s, Status.FAILED, "delivery.failed", failed.getMessage(), null);
        }
    }

    /** The notification and interaction of a sending, or why it is refused. */
    private record Prepared(@Nullable Outcome refusal, @Nullable Notification notification,
                            @Nullable Interaction interaction) {
        static Prepared refused(Sending s, String code, String message) {
            return new Prepared(new Outcome(s, Status.REFUSED, code, message, null), null, null);
        }
    }

    private Prepared prepare(Sending s, MessageTemplate template) {
        Optional<ClientCard> found = clients.findById(s.client());
        if (found.isEmpty()) {
            return Prepared.refused(s, "client.not-found", "no client " + s.client() + " is stored");
        }
        ClientCard card = found.get();
        ContactPerson contact = null;
        if (s.contact() != null) {
            contact = card.contactPersons().stream().filter(p -> p.id().equals(s.contact())).findFirst().orElse(null);
            if (contact == null) {
                return Prepared.refused(s, "contact.not-found",
                        "the client " + card.name() + " has no contact person " + s.contact());
            }
        }
        String address;
        if (s.address() != null) {
            try {
                address = consentRules.normalise(s.mechanism(), s.address());
            } catch (ValidationException e) {
                return Prepared.refused(s, "address.invalid", "'" + s.address() + "' is not an address for "
                        + s.mechanism().channel() + ": " + e.getMessage());
            }
        } else {
            address = firstAddress(card, contact, s.mechanism());
            if (address == null) {
                return Prepared.refused(s, "address.missing", (contact == null ? "the client " + card.name()
                        : "the contact person " + contact.name().fullName()) + " has no address for "
                        + s.mechanism().channel());
            }
        }
        Optional<Consent> consent = consents.current(s.client(), s.mechanism(), address, template.purpose());
        if (consent.isPresent() && !consent.get().granted()) {
            return Prepared.refused(s, "consent.withdrawn", address + " withdrew consent to "
                    + purposeText(template.purpose()) + " messages at " + consent.get().at() + " ("
                    + consent.get().source() + ")");
        }
        if (template.purpose() == ConsentPurpose.MARKETING && consent.isEmpty()) {
            return Prepared.refused(s, "consent.missing", address + " has not consented to marketing messages by "
                    + s.mechanism().channel());
        }
        Deal deal = null;
        if (s.deal() != null) {
            deal = deals.findById(s.deal()).filter(d -> d.client().equals(s.client())).orElse(null);
            if (deal == null) {
                return Prepared.refused(s, "deal.not-found", "the client " + card.name() + " has no deal " + s.deal());
            }
        }
        EmployeeId manager = s.manager() != null ? s.manager()
                : deal != null ? deal.manager() : card.responsibleManager().orElse(null);
        Instant now = clock.instant();
        TemplateText text = template.textFor(s.language());
        TemplateEngine.Rendered rendered;
        try {
            rendered = TemplateEngine.render(text, values(card, contact, deal, manager, now));
        } catch (ValidationException e) {
            // Only a template written to the store past saveTemplate gets here.
            return Prepared.refused(s, "template.invalid", "the template " + template.code() + " does not render: "
                    + e.getMessage());
        }
        List<NotificationLink> links = new ArrayList<>();
        links.add(NotificationLink.of("client", card.id()));
        if (deal != null) {
            links.add(NotificationLink.of("deal", deal.id()));
        }
        links.add(NotificationLink.of("template", template.code()));
        try {
            Notification notification = new Notification(s.sendingKey(), s.mechanism().channel(), address,
                    rendered.subject(), rendered.body(), links);
            Interaction interaction = Interaction.builder()
                    .id(InteractionId.of(ids.next()))
                    .externalId(s.sendingKey())
                    .type(s.mechanism() == ContactMechanism.EMAIL ? EMAIL_TYPE : MESSAGE_TYPE)
                    .direction(Direction.OUTBOUND)
                    .channel(channelOf(s.mechanism()))
                    .at(now)
                    .manager(manager)
                    .client(card.id())
                    .contact(contact == null ? null : contact.id())
                    .subject(notification.subject())
                    .notes(notification.body().isEmpty() ? null : notification.body())
                    .result("sent to " + address + " (template " + template.code() + ")")
                    .dealRef(deal == null ? null : deal.id().toString())
                    .recordedAt(now)
                    .build();
            return new Prepared(null, notification, interaction);
        } catch (ValidationException e) {
            return Prepared.refused(s, "message.invalid", "the rendered message is not valid: " + e.getMessage());
        }
    }

    /** Wraps the notifier's refusal so that the transaction is rolled back and the report says it failed. */
    private static final class DeliveryFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeliveryFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Map<String, String> values(ClientCard card, @Nullable ContactPerson contact, @Nullable Deal deal,
                                       @Nullable EmployeeId manager, Instant now) {
        Map<String, String> values = new HashMap<>();
        put(values, "client.name", card.name());
        put(values, "client.fullName", card.fullName() != null ? card.fullName() : card.name());
        if (contact != null) {
            put(values, "contact.name", contact.name().fullName());
            put(values, "contact.surname", contact.name().surname());
            put(values, "contact.givenName", contact.name().givenName());
            put(values, "contact.patronymic", contact.name().patronymic());
            put(values, "contact.position", contact.position());
        }
        if (deal != null) {
            put(values, "deal.amount", deal.amount().toString());
            put(values, "deal.stage", deal.stage());
            put(values, "deal.expectedClose", deal.expectedClose() == null ? null : deal.expectedClose().toString());
        }
        if (manager != null) {
            put(values, "manager.id", manager.value());
            put(values, "manager.name", employeeNames.nameOf(manager).orElse(null));
        }
        put(values, "today", LocalDate.ofInstant(now, zone).toString());
        return values;
    }

    private static void put(Map<String, String> values, String name, @Nullable String value) {
        if (value != null) {
            values.put(name, value);
        }
    }

    private static @Nullable String firstAddress(ClientCard card, @Nullable ContactPerson contact,
                                                 ContactMechanism mechanism) {
        if (mechanism == ContactMechanism.EMAIL) {
            var emails = contact != null ? contact.emails() : card.emails();
            return emails.isEmpty() ? null : emails.get(0).address().value();
        }
        var phones = contact != null ? contact.phones() : card.phones();
        return phones.isEmpty() ? null : phones.get(0).number().e164();
    }

    private static Channel channelOf(ContactMechanism mechanism) {
        return switch (mechanism) {
            case EMAIL -> Channel.EMAIL;
            case PHONE -> Channel.PHONE;
            case SMS, MESSENGER -> Channel.MESSENGER;
        };
    }

    private static String purposeText(ConsentPurpose purpose) {
        return purpose == ConsentPurpose.MARKETING ? "marketing" : "service";
    }
}
