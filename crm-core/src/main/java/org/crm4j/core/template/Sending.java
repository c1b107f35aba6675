package org.crm4j.core.template;

import java.util.Objects;
import org.crm4j.client.ClientId;
import org.crm4j.client.ContactPersonId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Violations;
import org.crm4j.consent.ContactMechanism;
import org.crm4j.deal.DealId;
import org.crm4j.template.Language;
import org.jspecify.annotations.Nullable;

/**
 * One message to send: a template to a client's contact by one mechanism. Immutable.
 *
 * <p>The {@link #key() key} makes the sending idempotent: the notification's key and the external id of the
 * interaction that records it are {@code mail:<key>}, so sending again under the same key delivers nothing and
 * reports the first sending. A mailing run gives each recipient its own key, such as
 * {@code spring-2026:<client id>:<contact id>}.
 *
 * @param key       the sending's key, 1 to {@value #MAX_KEY} characters
 * @param template  the template's code
 * @param client    the client
 * @param contact   the contact person at the client, or {@code null} to write to the client's own address
 * @param mechanism how to reach them; also the notifier channel
 * @param address   the address to use (an e-mail address or a phone number as typed), or {@code null} for the
 *                  first address of the mechanism on the contact person (or the card)
 * @param language  the language to write in; the template's other language when it lacks this one
 * @param deal      the deal the message is about (its values fill {@code {deal.*}}), or {@code null}
 * @param manager   the manager who signs it, or {@code null} for the deal's manager, else the client's
 *                  responsible manager
 */
public record Sending(String key, String template, ClientId client, @Nullable ContactPersonId contact,
                      ContactMechanism mechanism, @Nullable String address, Language language,
                      @Nullable DealId deal, @Nullable EmployeeId manager) {
    /** The most characters a key has. */
    public static final int MAX_KEY = 150;

    public Sending {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(language, "language");
        Violations v = new Violations();
        key = key == null ? "" : key.strip();
        if (key.isEmpty() || key.length() > MAX_KEY) {
            v.add("key", "sending.key", key, "a sending's key has 1 to " + MAX_KEY + " characters");
        }
        template = template == null ? "" : template.strip();
        if (template.isEmpty()) {
            v.add("template", "sending.template", template, "a sending names its template");
        }
        address = address == null || address.isBlank() ? null : address.strip();
        v.throwIfAny();
    }

    /**
     * A sending of {@code template} in Russian to {@code client}'s contact {@code contact} (or the client itself
     * when {@code null}) at the first address of {@code mechanism}, with no deal and the client's manager.
     */
    public static Sending of(String key, String template, ClientId client, @Nullable ContactPersonId contact,
                             ContactMechanism mechanism) {
        return new Sending(key, template, client, contact, mechanism, null, Language.RU, null, null);
    }

    /** This sending in {@code language}. */
    public Sending in(Language language) {
        return new Sending(key, template, client, contact, mechanism, address, language, deal, manager);
    }

    /** This sending to {@code address} rather than the first address of the mechanism. */
    public Sending to(String address) {
        return new Sending(key, template, client, contact, mechanism, address, language, deal, manager);
    }

    /** This sending about {@code deal}. */
    public Sending about(DealId deal) {
        return new Sending(key, template, client, contact, mechanism, address, language, deal, manager);
    }

    /** This sending signed by {@code manager}. */
    public Sending signedBy(EmployeeId manager) {
        return new Sending(key, template, client, contact, mechanism, address, language, deal, manager);
    }

    /** The idempotency key of its notification and the external id of its interaction: {@code mail:<key>}. */
    public String sendingKey() {
        return "mail:" + key;
    }
}
