package org.crm4j.core.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.crm4j.common.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A text with placeholders in braces, parsed once into literal parts and placeholders, then filled by
 * substitution only: a value is appended as it is, never read as a text with placeholders, never evaluated. The
 * grammar shared by scheduling rules' texts and message templates:
 * <ul>
 *   <li>{@code {name}} is a placeholder; with fallbacks allowed, {@code {name|text}} is one whose missing or empty
 *       value is replaced by {@code text};</li>
 *   <li><code>{{</code> and <code>}}</code> are literal braces; a lone {@code }} or an unclosed {@code {} is an
 *       error.</li>
 * </ul>
 * Which names are known is the caller's rule. Immutable and thread-safe.
 */
public final class PlaceholderText {
    /** A part of a parsed text. */
    public sealed interface Part permits Literal, Placeholder {
    }

    /**
     * Text copied as it is.
     *
     * @param text the text, braces unescaped
     */
    public record Literal(String text) implements Part {
    }

    /**
     * A placeholder.
     *
     * @param name     what is between the braces (before {@code |} when fallbacks are allowed)
     * @param fallback the text for a missing or empty value, or {@code null} for none (an empty text then)
     */
    public record Placeholder(String name, @Nullable String fallback) implements Part {
    }

    private final List<Part> parts;

    private PlaceholderText(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses {@code text}.
     *
     * @param fallbacks whether {@code {name|fallback}} is read as a placeholder with a fallback (otherwise the
     *                  whole {@code name|fallback} is the name)
     * @param refuse    the exception for a malformed text, given what is wrong ("an unclosed '{' at 4")
     */
    public static PlaceholderText parse(String text, boolean fallbacks,
                                        Function<String, ? extends ValidationException> refuse) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(refuse, "refuse");
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
                literal.append(c);
                i += 2;
            } else if (c == '{') {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    throw refuse.apply("an unclosed '{' at " + i);
                }
                String inside = text.substring(i + 1, end);
                int bar = fallbacks ? inside.indexOf('|') : -1;
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(bar < 0 ? new Placeholder(inside, null)
                        : new Placeholder(inside.substring(0, bar), inside.substring(bar + 1)));
                i = end + 1;
            } else if (c == '}') {
                throw refuse.apply("a lone '}' at " + i + " (write '}}' for a brace)");
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new PlaceholderText(parts);
    }

    /** The parts, in order. */
    public List<Part> parts() {
        return parts;
    }

    /** The placeholders, in order of appearance. */
    public List<Placeholder> placeholders() {
        return parts.stream().filter(Placeholder.class::isInstance).map(Placeholder.class::cast).toList();
    }

    /**
     * The text with each placeholder replaced by {@code values.apply(name)}; a {@code null} or empty value gives
     * the placeholder's fallback, or nothing. Values are appended verbatim.
     */
    public String fill(Function<String, @Nullable String> values) {
        Objects.requireNonNull(values, "values");
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal l) {
                out.append(l.text());
            } else if (part instanceof Placeholder p) {
                String value = values.apply(p.name());
                if (value == null || value.isEmpty()) {
                    value = p.fallback() == null ? "" : p.fallback();
                }
                out.append(value);
            }
        }
        return out.toString();
    }
}
