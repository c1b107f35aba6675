package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The row of a message template: its code, purpose, and subject and body per language, each language's pair
 * absent when the template has no text in it. The version is checked in the update itself.
 */
@Entity(name = "CrmMessageTemplate")
@Table(name = "crm_message_template")
class TemplateEntity {
    @Id
    String code;
    long version;
    String purpose;
    @Column(name = "subject_ru")
    String subjectRu;
    @Column(name = "body_ru")
    String bodyRu;
    @Column(name = "subject_en")
    String subjectEn;
    @Column(name = "body_en")
    String bodyEn;

    protected TemplateEntity() {
    }

    TemplateEntity(String code) {
        this.code = code;
    }
}
