package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One tag of a fact. */
@Entity(name = "CrmDossierFactTag")
@Table(name = "crm_dossier_fact_tag")
@IdClass(DossierFactTagEntity.Key.class)
class DossierFactTagEntity {
    @Id
    @Column(name = "fact_id")
    UUID factId;
    @Id
    String tag;

    protected DossierFactTagEntity() {
    }

    DossierFactTagEntity(UUID factId, String tag) {
        this.factId = factId;
        this.tag = tag;
    }

    /** The composite identity: the fact and the tag. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        UUID factId;
        String tag;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(factId, k.factId) && Objects.equals(tag, k.tag);
        }

        @Override
        public int hashCode() {
            return Objects.hash(factId, tag);
        }
    }
}
