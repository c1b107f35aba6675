package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.util.UUID;

/** A phone of the card ({@code contactId} null) or of one of its contact persons; E.164, indexed. */
@Entity(name = "CrmClientPhonePart")
@DiscriminatorValue("PHONE")
class PhonePart extends ClientPartEntity {
    @Column(name = "contact_id")
    UUID contactId;
    String purpose;
    String phone;
    String extension;

    protected PhonePart() {
    }

    PhonePart(UUID clientId, long cardVersion, int ord) {
        super(clientId, cardVersion, ord);
    }
}
