package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * The row of a dictionary entry, identified by its kind and code. The version is checked and raised in the
 * update itself, as for {@link ClientEntity}.
 */
@Entity(name = "CrmClassifier")
@Table(name = "crm_classifier")
@IdClass(ClassifierEntity.Key.class)
class ClassifierEntity {
    @Id
    String kind;
    @Id
    String code;
    @Column(name = "name_ru")
    String nameRu;
    @Column(name = "name_en")
    String nameEn;
    boolean active;
    long version;

    protected ClassifierEntity() {
    }

    ClassifierEntity(String kind, String code) {
        this.kind = kind;
        this.code = code;
    }

    /** The composite identity: the dictionary and the code. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String kind;
        String code;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(kind, k.kind) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, code);
        }
    }
}
