package org.crm4j.core.schedule;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crm4j.common.ValidationException;
import org.crm4j.core.common.PlaceholderText;

/**
 * The text of a rule's notification: plain text with placeholders in braces, filled when the notification is
 * created. The placeholders are a fixed set; any other is refused when the rule is built, so that no rule fails
 * when it fires. Filling only substitutes values; nothing in a text is evaluated. Immutable.
 *
 * <table>
 *   <caption>Placeholders</caption>
 *   <tr><th>placeholder</th><th>value</th></tr>
 *   <tr><td>{@code {client}}</td><td>the client's name</td></tr>
 *   <tr><td>{@code {rule}}</td><td>the rule's name</td></tr>
 *   <tr><td>{@code {task}}</td><td>the title of the task the rule created, or empty</td></tr>
 *   <tr><td>{@code {due}}</td><td>its deadline, local date and time in the CRM's zone, or empty</td></tr>
 *   <tr><td>{@code {event}}</td><td>the title of the notable event of a key-date rule, or empty</td></tr>
 *   <tr><td>{@code {date}}</td><td>the day of that event, or of the trigger</td></tr>
 *   <tr><td>{@code {manager}}</td><td>the responsible manager's key</td></tr>
 *   <tr><td>{@code {stage}}</td><td>the stage code of the deal of a deal rule, or empty</td></tr>
 *   <tr><td>{@code {amount}}</td><td>that deal's amount and currency, or empty</td></tr>
 * </table>
 * A literal brace is written twice: <code>{{</code> and <code>}}</code>.
 *
 * @param text the text with placeholders
 */
public record MessageText(String text) {
    /** The placeholders a text may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("client", "rule", "task", "due", "event", "date",
            "manager", "stage", "amount");

    public MessageText {
        Objects.requireNonNull(text, "text");
        parse(text);
    }

    /** The text with each placeholder replaced by its value in {@code values} (empty when absent). */
    public String fill(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        return parse(text).fill(values::get);
    }

    private static PlaceholderText parse(String text) {
        PlaceholderText parsed = PlaceholderText.parse(text, false, what -> refuse(text, what));
        for (PlaceholderText.Placeholder p : parsed.placeholders()) {
            if (!PLACEHOLDERS.contains(p.name())) {
                throw refuse(text, "an unknown placeholder {" + p.name() + "}; known are " + PLACEHOLDERS);
            }
        }
        return parsed;
    }

    private static ValidationException refuse(String text, String what) {
        return new ValidationException("text", "rule.text.placeholder", text, "the text has " + what);
    }

    @Override
    public String toString() {
        return text;
    }
}
