package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The row of a dossier: its single-valued fields. Tags, clients and links are {@link DossierPartEntity} rows, the
 * word starts of its subject {@link DossierWordEntity} rows. The version is a plain column checked in the update
 * itself, as for client cards ({@link ClientEntity}).
 */
@Entity(name = "CrmDossier")
@Table(name = "crm_dossier")
class DossierEntity {
    @Id
    UUID id;
    long version;
    String kind;
    String subject;
    @Column(name = "subject_key")
    String subjectKey;
    String summary;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected DossierEntity() {
    }

    DossierEntity(UUID id) {
        this.id = id;
    }
}
