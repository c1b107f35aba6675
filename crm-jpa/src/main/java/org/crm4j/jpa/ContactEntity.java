package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** The row of a contact person of a card; its phones and e-mails are {@link ClientPartEntity} rows. */
@Entity(name = "CrmClientContact")
@Table(name = "crm_client_contact")
class ContactEntity {
    @Id
    UUID id;
    @Column(name = "client_id")
    UUID clientId;
    @Column(name = "card_version")
    long cardVersion;
    int ord;
    String surname;
    @Column(name = "given_name")
    String givenName;
    String patronymic;
    String position;
    LocalDate birthday;
    String notes;

    protected ContactEntity() {
    }

    ContactEntity(UUID id, UUID clientId, long cardVersion, int ord) {
        this.id = id;
        this.clientId = clientId;
        this.cardVersion = cardVersion;
        this.ord = ord;
    }
}
