package org.crm4j.core.template;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violations;
import org.crm4j.core.common.PlaceholderText;
import org.crm4j.template.MessageTemplate;
import org.crm4j.template.TemplateText;

/**
 * Checks and renders message templates. A template's subject and body are texts with placeholders in braces,
 * drawn from a fixed catalogue; a placeholder outside it is refused when the template is saved, so a sending
 * never fails on it. Rendering substitutes values and does nothing else: no expressions, no method calls, no
 * reflection; a value containing braces or placeholder-like text comes out as it is. Stateless and thread-safe.
 *
 * <h2>Syntax</h2>
 * {@code {client.name}} is a placeholder; {@code {contact.givenName|коллеги}} one with a fallback, the text used
 * when the value is missing or empty (without a fallback a missing value renders as nothing). A literal brace
 * is written twice: <code>{{</code> and <code>}}</code>.
 *
 * <table>
 *   <caption>The catalogue of placeholders</caption>
 *   <tr><th>placeholder</th><th>value</th></tr>
 *   <tr><td>{@code {client.name}}</td><td>the client's name on its card</td></tr>
 *   <tr><td>{@code {client.fullName}}</td><td>the client's full (legal) name, or its name</td></tr>
 *   <tr><td>{@code {contact.name}}</td><td>the contact person's full name: surname, given name, patronymic</td></tr>
 *   <tr><td>{@code {contact.surname}}</td><td>the contact person's surname</td></tr>
 *   <tr><td>{@code {contact.givenName}}</td><td>the contact person's given name</td></tr>
 *   <tr><td>{@code {contact.patronymic}}</td><td>the contact person's patronymic</td></tr>
 *   <tr><td>{@code {contact.position}}</td><td>the contact person's position</td></tr>
 *   <tr><td>{@code {deal.amount}}</td><td>the deal's amount and currency code ({@code 150000.00 RUB})</td></tr>
 *   <tr><td>{@code {deal.stage}}</td><td>the code of the deal's stage</td></tr>
 *   <tr><td>{@code {deal.expectedClose}}</td><td>the date the deal is expected to close, ISO 8601</td></tr>
 *   <tr><td>{@code {manager.id}}</td><td>the manager's key</td></tr>
 *   <tr><td>{@code {manager.name}}</td><td>the manager's name from {@link org.crm4j.template.EmployeeNames}</td></tr>
 *   <tr><td>{@code {today}}</td><td>the date of sending in the CRM's zone, ISO 8601</td></tr>
 * </table>
 * Contact values are empty when a message goes to the client itself, deal values when no deal is named.
 */
public final class TemplateEngine {
    /** The placeholders a template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("client.name", "client.fullName", "contact.name",
            "contact.surname", "contact.givenName", "contact.patronymic", "contact.position", "deal.amount",
            "deal.stage", "deal.expectedClose", "manager.id", "manager.name", "today");

    private TemplateEngine() {
    }

    /**
     * Checks every text of {@code template}: well-formed, only placeholders of the catalogue.
     *
     * @throws ValidationException naming every bad text at once ({@code texts.ru.subject}, {@code texts.en.body})
     */
    public static void check(MessageTemplate template) {
        Objects.requireNonNull(template, "template");
        Violations v = new Violations();
        template.texts().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    String at = "texts." + e.getKey().code();
                    v.field(at + ".subject", () -> parse(e.getValue().subject()));
                    v.field(at + ".body", () -> parse(e.getValue().body()));
                });
        v.throwIfAny();
    }

    /**
     * Parses one text and checks its placeholders against the catalogue.
     *
     * @throws ValidationException (code {@code template.placeholder}) when it is malformed or names placeholders
     *                             outside the catalogue
     */
    public static PlaceholderText parse(String text) {
        Objects.requireNonNull(text, "text");
        PlaceholderText parsed = PlaceholderText.parse(text, true, what -> refuse(text, what));
        Set<String> unknown = new TreeSet<>();
        for (PlaceholderText.Placeholder p : parsed.placeholders()) {
            if (!PLACEHOLDERS.contains(p.name())) {
                unknown.add("{" + p.name() + "}");
            }
        }
        if (!unknown.isEmpty()) {
            throw refuse(text, "unknown placeholders " + unknown + "; known are " + new TreeSet<>(PLACEHOLDERS));
        }
        return parsed;
    }

    /**
     * Renders {@code text} with {@code values} (placeholder name to value; absent or empty values take the
     * fallback, or render as nothing). Values are copied verbatim.
     *
     * @throws ValidationException when the text does not {@link #parse} (a template not checked when saved)
     */
    public static String render(String text, Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        return parse(text).fill(values::get);
    }

    /** Renders both parts of {@code text}. */
    public static Rendered render(TemplateText text, Map<String, String> values) {
        return new Rendered(render(text.subject(), values), render(text.body(), values));
    }

    /**
     * A rendered subject and body.
     *
     * @param subject the subject line
     * @param body    the text
     */
    public record Rendered(String subject, String body) {
        public Rendered {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(body, "body");
        }
    }

    private static ValidationException refuse(String text, String what) {
        return new ValidationException("text", "template.placeholder", text, "the text has " + what);
    }
}
