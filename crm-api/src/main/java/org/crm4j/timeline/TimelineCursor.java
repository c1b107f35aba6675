package org.crm4j.timeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;
import org.crm4j.common.ValidationException;

/**
 * A position in a client's timeline: the entry a page ended with. The next page holds the entries after it in
 * timeline order — by moment, newest first, then by kind name and id, descending — so entries recorded
 * meanwhile neither repeat nor shift a page. {@link #encode()} gives an opaque text for a URL or a form;
 * {@link #decode(String)} reads it back. Immutable.
 *
 * @param at     the moment of the entry
 * @param kind   its kind
 * @param source its record's id
 */
public record TimelineCursor(Instant at, TimelineKind kind, UUID source) {
    /**
     * Timeline order among positions: newest first, then kind name and id descending. Stores order entries of
     * one kind and moment by their database's order of ids, which may differ from this one's; paging is
     * exact either way, as each store compares ids in its own order.
     */
    public static final Comparator<TimelineCursor> NEWEST_FIRST = Comparator.comparing(TimelineCursor::at)
            .thenComparing(c -> c.kind().name())
            .thenComparing(c -> c.source().toString())
            .reversed();

    private static final char SEPARATOR = '~';

    public TimelineCursor {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
    }

    /** The cursor as URL-safe text. */
    public String encode() {
        String plain = at.toString() + SEPARATOR + kind.name() + SEPARATOR + source;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor written by {@link #encode()}.
     *
     * @throws ValidationException (field {@code cursor}, code {@code timeline.cursor}) when the text is not one
     */
    public static TimelineCursor decode(String text) {
        Objects.requireNonNull(text, "text");
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
            String[] parts = plain.split(String.valueOf(SEPARATOR), -1);
            if (parts.length == 3) {
                return new TimelineCursor(Instant.parse(parts[0]), TimelineKind.valueOf(parts[1]),
                        UUID.fromString(parts[2]));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // reported below, with the text
        }
        throw new ValidationException("cursor", "timeline.cursor", text,
                "'" + text + "' is not a timeline cursor: pass back the one a page gave");
    }
}
