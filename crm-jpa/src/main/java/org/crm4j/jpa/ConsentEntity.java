package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The row of one grant or withdrawal of consent; rows are only inserted, never changed. */
@Entity(name = "CrmConsent")
@Table(name = "crm_consent")
class ConsentEntity {
    @Id
    UUID id;
    @Column(name = "client_id")
    UUID clientId;
    @Column(name = "contact_id")
    UUID contactId;
    String mechanism;
    String address;
    String purpose;
    boolean granted;
    @Column(name = "given_at")
    Instant givenAt;
    String source;

    protected ConsentEntity() {
    }

    ConsentEntity(UUID id) {
        this.id = id;
    }
}
