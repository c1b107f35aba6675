package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.UUID;

/** One entry of the card's history of responsible managers. */
@Entity(name = "CrmClientAssignmentPart")
@DiscriminatorValue("ASSIGNMENT")
class AssignmentPart extends ClientPartEntity {
    @Column(name = "manager_id")
    String managerId;
    @Column(name = "assigned_at")
    Instant assignedAt;
    @Column(name = "assigned_by")
    String assignedBy;
    String reason;

    protected AssignmentPart() {
    }

    AssignmentPart(UUID clientId, long cardVersion, int ord) {
        super(clientId, cardVersion, ord);
    }
}
