package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * One set-valued part of a dossier, told apart by {@code kind}: a {@code TAG} ({@code tag}), a {@code CLIENT}
 * ({@code clientId}) or a {@code LINK} ({@code linkType}, {@code targetId}). One table for the three loads a
 * dossier of any size with its parts in one select, and replaces them with one delete; each kind has its own
 * index (tag, client, link target), so every search is an index lookup.
 */
@Entity(name = "CrmDossierPart")
@Table(name = "crm_dossier_part")
@IdClass(DossierPartEntity.Key.class)
class DossierPartEntity {
    static final String TAG = "TAG";
    static final String CLIENT = "CLIENT";
    static final String LINK = "LINK";

    @Id
    @Column(name = "dossier_id")
    UUID dossierId;
    @Id
    int ord;
    String kind;
    String tag;
    @Column(name = "client_id")
    UUID clientId;
    @Column(name = "link_type")
    String linkType;
    @Column(name = "target_id")
    UUID targetId;

    protected DossierPartEntity() {
    }

    DossierPartEntity(UUID dossierId, int ord, String kind) {
        this.dossierId = dossierId;
        this.ord = ord;
        this.kind = kind;
    }

    /** The composite identity: the dossier and the part's position in it. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        UUID dossierId;
        int ord;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && ord == k.ord && Objects.equals(dossierId, k.dossierId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dossierId, ord);
        }
    }
}
