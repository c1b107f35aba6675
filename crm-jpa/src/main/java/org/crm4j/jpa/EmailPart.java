package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.util.UUID;

/** An e-mail of the card ({@code contactId} null) or of one of its contact persons; lower case, indexed. */
@Entity(name = "CrmClientEmailPart")
@DiscriminatorValue("EMAIL")
class EmailPart extends ClientPartEntity {
    @Column(name = "contact_id")
    UUID contactId;
    String purpose;
    String email;

    protected EmailPart() {
    }

    EmailPart(UUID clientId, long cardVersion, int ord) {
        super(clientId, cardVersion, ord);
    }
}
