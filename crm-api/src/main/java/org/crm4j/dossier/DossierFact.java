package org.crm4j.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Violations;
import org.crm4j.interaction.InteractionId;
import org.jspecify.annotations.Nullable;

/**
 * One fact of a dossier's timeline (M-2.2): what became known, dated by when it happened, and where it came from.
 * Facts are only ever added. A fact told in a recorded call or letter keeps the interaction's id (M-2.3).
 * Immutable and thread-safe.
 *
 * @param id          the identity
 * @param dossier     the dossier whose timeline it belongs to
 * @param date        when it happened (a calendar date, without a time or a zone)
 * @param text        what became known, 1 to 4000 characters
 * @param source      where it came from ("phone call with Petrov", "Kommersant 2026-03-01"), 1 to 300 characters
 * @param interaction the interaction it was told in, or {@code null}
 * @param tags        normalised tags ({@link DossierTags}), at most {@value #MAX_TAGS}, sorted
 * @param recordedAt  when crm4j recorded it
 * @param recordedBy  the employee who recorded it, or {@code null}
 */
public record DossierFact(DossierFactId id, DossierId dossier, LocalDate date, String text, String source,
                          @Nullable InteractionId interaction, Set<String> tags, Instant recordedAt,
                          @Nullable EmployeeId recordedBy) {
    /** The most tags a fact has. */
    public static final int MAX_TAGS = 20;

    public DossierFact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dossier, "dossier");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Violations v = new Violations();
        text = required(v, "text", text, 4000);
        source = required(v, "source", source, 300);
        tags = DossierTags.check(v, "tags", tags, MAX_TAGS);
        v.throwIfAny();
    }

    private static String required(Violations v, String field, @Nullable String value, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            v.add(field, "dossier-fact." + field, stripped.isEmpty() ? value : stripped.length(),
                    field + " must have 1 to " + max + " characters");
        }
        return stripped;
    }

    /** A fact with the given tags as typed (normalised here). */
    public static DossierFact of(DossierFactId id, DossierId dossier, LocalDate date, String text, String source,
                                 @Nullable InteractionId interaction, Collection<String> tags, Instant recordedAt,
                                 @Nullable EmployeeId recordedBy) {
        return new DossierFact(id, dossier, date, text, source, interaction, new LinkedHashSet<>(tags), recordedAt,
                recordedBy);
    }

    /** The position of this fact in its timeline, to read the facts before it. */
    public FactCursor cursor() {
        return new FactCursor(date, recordedAt, id);
    }
}
