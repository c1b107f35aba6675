package org.crm4j.jpa;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.util.UUID;

/** A free tag of the card. */
@Entity(name = "CrmClientTagPart")
@DiscriminatorValue("TAG")
class TagPart extends ClientPartEntity {
    String tag;

    protected TagPart() {
    }

    TagPart(UUID clientId, long cardVersion, int ord) {
        super(clientId, cardVersion, ord);
    }
}
