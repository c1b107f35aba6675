package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The row of a deal: its current stage and that stage's kind, its amount as a decimal and a currency code, and
 * what the reports group by; its stage history is {@link DealStageEntity} rows. The version is checked in the
 * update ({@code where id = ? and version = ?}).
 */
@Entity(name = "CrmDeal")
@Table(name = "crm_deal")
class DealEntity {
    @Id
    UUID id;
    long version;
    @Column(name = "client_id")
    UUID clientId;
    String pipeline;
    String stage;
    String kind;
    @Column(precision = 34, scale = 4)
    BigDecimal amount;
    @Column(length = 3)
    String currency;
    @Column(precision = 5, scale = 4)
    BigDecimal probability;
    @Column(name = "probability_source")
    String probabilitySource;
    @Column(name = "manager_id")
    String managerId;
    @Column(name = "lead_source")
    String leadSource;
    String campaign;
    @Column(name = "expected_close")
    LocalDate expectedClose;
    @Column(name = "lost_reason")
    String lostReason;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "last_activity_at")
    Instant lastActivityAt;
    @Column(name = "closed_at")
    Instant closedAt;

    protected DealEntity() {
    }

    DealEntity(UUID id) {
        this.id = id;
    }
}
