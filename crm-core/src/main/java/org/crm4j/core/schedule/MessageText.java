package org.crm4j.core.schedule;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crm4j.common.ValidationException;

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
        fill(text, null);
    }

    /** The text with each placeholder replaced by its value in {@code values} (empty when absent). */
    public String fill(Map<String, String> values) {
        return fill(text, Objects.requireNonNull(values, "values"));
    }

    private static String fill(String text, Map<String, String> values) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
                out.append(c);
                i += 2;
            } else if (c == '{') {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    throw refuse(text, "an unclosed '{' at " + i);
                }
                String name = text.substring(i + 1, end);
                if (!PLACEHOLDERS.contains(name)) {
                    throw refuse(text, "an unknown placeholder {" + name + "}; known are " + PLACEHOLDERS);
                }
                if (values != null) {
                    out.append(values.getOrDefault(name, ""));
                }
                i = end + 1;
            } else if (c == '}') {
                throw refuse(text, "a lone '}' at " + i + " (write '}}' for a brace)");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static ValidationException refuse(String text, String what) {
        return new ValidationException("text", "rule.text.placeholder", text, "the text has " + what);
    }

    @Override
    public String toString() {
        return text;
    }
}
