package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.util.UUID;

/** An address of the card, by purpose. */
@Entity(name = "CrmClientAddressPart")
@DiscriminatorValue("ADDRESS")
class AddressPart extends ClientPartEntity {
    String purpose;
    String country;
    @Column(name = "postal_code")
    String postalCode;
    String region;
    String city;
    String line;

    protected AddressPart() {
    }

    AddressPart(UUID clientId, long cardVersion, int ord) {
        super(clientId, cardVersion, ord);
    }
}
