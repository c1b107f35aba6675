package org.crm4j.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A position in a dossier's timeline, which runs newest first: by date, then by the moment the fact was recorded,
 * then by id, each descending. A page of the timeline read "before" a cursor holds the facts that come after it in
 * that order. Take it from the last fact of a page ({@link DossierFact#cursor()}). Immutable.
 *
 * @param date       the fact's date
 * @param recordedAt when the fact was recorded
 * @param id         the fact's id
 */
public record FactCursor(LocalDate date, Instant recordedAt, DossierFactId id) {
    public FactCursor {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(id, "id");
    }
}
