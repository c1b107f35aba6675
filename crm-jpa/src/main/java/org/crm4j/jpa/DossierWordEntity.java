package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One word start of a dossier's subject key ({@link org.crm4j.dossier.DossierSubjects#wordStarts}): the key from
 * a word to its end. A search for the start of a word is then a prefix match ({@code like 'typed%'}) on the
 * indexed {@code word_start} column, an index range scan. Written with the dossier, never loaded with it. Its
 * identity is a part's: the dossier and a position.
 */
@Entity(name = "CrmDossierWord")
@Table(name = "crm_dossier_word")
@IdClass(DossierPartEntity.Key.class)
class DossierWordEntity {
    @Id
    @Column(name = "dossier_id")
    UUID dossierId;
    @Id
    int ord;
    @Column(name = "word_start")
    String wordStart;

    protected DossierWordEntity() {
    }

    DossierWordEntity(UUID dossierId, int ord, String wordStart) {
        this.dossierId = dossierId;
        this.ord = ord;
        this.wordStart = wordStart;
    }
}
