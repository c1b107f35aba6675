package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The row of a fact of a dossier's timeline; its tags are {@link DossierFactTagEntity} rows. Never updated. */
@Entity(name = "CrmDossierFact")
@Table(name = "crm_dossier_fact")
class DossierFactEntity {
    @Id
    UUID id;
    @Column(name = "dossier_id")
    UUID dossierId;
    @Column(name = "fact_date")
    LocalDate factDate;
    String body;
    String source;
    @Column(name = "interaction_id")
    UUID interactionId;
    @Column(name = "recorded_at")
    Instant recordedAt;
    @Column(name = "recorded_by")
    String recordedBy;

    protected DossierFactEntity() {
    }

    DossierFactEntity(UUID id) {
        this.id = id;
    }
}
