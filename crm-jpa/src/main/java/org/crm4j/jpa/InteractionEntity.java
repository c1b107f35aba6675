package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.ConstructorResult;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The row of an interaction; the duration is kept in milliseconds, portable across databases. It also carries
 * the result mapping of the timeline statement ({@link JpaTimelineQuery}), which has no entity of its own.
 */
@Entity(name = "CrmInteraction")
@Table(name = "crm_interaction")
@SqlResultSetMapping(name = JpaTimelineQuery.TimelineRow.MAPPING, classes = @ConstructorResult(
        targetClass = JpaTimelineQuery.TimelineRow.class, columns = {
            @ColumnResult(name = "entry_kind", type = String.class),
            @ColumnResult(name = "entry_id", type = UUID.class),
            @ColumnResult(name = "entry_at", type = Instant.class),
            @ColumnResult(name = "entry_day", type = LocalDate.class),
            @ColumnResult(name = "entry_code", type = String.class),
            @ColumnResult(name = "entry_title", type = String.class),
            @ColumnResult(name = "entry_amount", type = BigDecimal.class),
            @ColumnResult(name = "entry_currency", type = String.class),
            @ColumnResult(name = "entry_employee", type = String.class),
            @ColumnResult(name = "entry_document", type = String.class)}))
class InteractionEntity {
    @Id
    UUID id;
    @Column(name = "external_id")
    String externalId;
    String type;
    String direction;
    String channel;
    @Column(name = "started_at")
    Instant startedAt;
    @Column(name = "duration_ms")
    long durationMs;
    @Column(name = "manager_id")
    String managerId;
    @Column(name = "client_id")
    UUID clientId;
    @Column(name = "contact_id")
    UUID contactId;
    String subject;
    String notes;
    String result;
    @Column(name = "lead_source")
    String leadSource;
    String cause;
    @Column(name = "deal_ref")
    String dealRef;
    @Column(name = "document_ref")
    String documentRef;
    @Column(name = "next_contact")
    LocalDate nextContact;
    @Column(name = "recorded_at")
    Instant recordedAt;

    protected InteractionEntity() {
    }

    InteractionEntity(UUID id) {
        this.id = id;
    }
}
