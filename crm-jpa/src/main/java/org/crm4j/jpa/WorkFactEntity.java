package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The row of a fact of the work history: one table for the three kinds, told apart by {@code kind}; the columns
 * of the other kinds are null. Written by multi-row inserts ({@link NativeInserts}), read through JPA.
 */
@Entity(name = "CrmWorkFact")
@Table(name = "crm_work_fact")
class WorkFactEntity {
    @Id
    UUID id;
    String kind;
    @Column(name = "document_id")
    String documentId;
    int line;
    @Column(name = "client_id")
    UUID clientId;
    @Column(name = "occurred_at")
    Instant occurredAt;
    @Column(precision = 24, scale = 4)
    BigDecimal amount;
    @Column(length = 3)
    String currency;
    @Column(name = "product_code")
    String productCode;
    @Column(name = "product_name")
    String productName;
    @Column(precision = 19, scale = 6)
    BigDecimal quantity;
    @Column(name = "manager_id")
    String managerId;
    String method;
    @Column(name = "days_late")
    Integer daysLate;
    String subject;

    protected WorkFactEntity() {
    }

    WorkFactEntity(UUID id) {
        this.id = id;
    }
}
