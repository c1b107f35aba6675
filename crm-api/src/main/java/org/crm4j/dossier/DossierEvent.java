package org.crm4j.dossier;

import java.time.Instant;
import org.crm4j.client.ClientId;
import org.crm4j.common.CrmEvent;
import org.crm4j.interaction.InteractionId;
import org.jspecify.annotations.Nullable;

/** What happened to a dossier. Each event is an immutable record with the dossier's id and the time. */
public sealed interface DossierEvent extends CrmEvent {
    DossierId dossierId();

    /** A new dossier was opened. */
    record DossierOpened(DossierId dossierId, DossierKind kind, Instant at) implements DossierEvent {
        @Override
        public String type() {
            return "dossier.opened";
        }
    }

    /** The subject, the summary or the tags changed. */
    record DossierChanged(DossierId dossierId, Instant at) implements DossierEvent {
        @Override
        public String type() {
            return "dossier.changed";
        }
    }

    /** A link to another dossier was added. */
    record DossierLinked(DossierId dossierId, DossierLink link, Instant at) implements DossierEvent {
        @Override
        public String type() {
            return "dossier.linked";
        }
    }

    /** A link to another dossier was removed. */
    record DossierUnlinked(DossierId dossierId, DossierLink link, Instant at) implements DossierEvent {
        @Override
        public String type() {
            return "dossier.unlinked";
        }
    }

    /** The dossier now concerns a client card. */
    record ClientAttached(DossierId dossierId, ClientId clientId, Instant at) implements DossierEvent {
        @Override
        public String type() {
            return "dossier.client-attached";
        }
    }

    /** The dossier no longer concerns a client card. */
    record ClientDetached(DossierId dossierId, ClientId clientId, Instant at) implements DossierEvent {
        @Override
        public String type() {
            return "dossier.client-detached";
        }
    }

    /** A fact was added to the timeline, told in {@code interaction} when it is not {@code null}. */
    record FactRecorded(DossierId dossierId, DossierFactId factId, @Nullable InteractionId interaction, Instant at)
            implements DossierEvent {
        @Override
        public String type() {
            return "dossier.fact-recorded";
        }
    }
}
